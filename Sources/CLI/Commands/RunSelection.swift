import Pipeline

// MARK: - RunSelection

/// `--resume`, `--from`, `--only`: which stages a run executes.
///
/// Why: declared once, validated once (known stage names, no contradicting combination) before
/// any I/O, and handed to the pipeline as a `RunSelectionRequest`.
/// Spec: DESIGN.md "Stages" (skip finished on `--resume`, rerun from a named stage with `--from`).
public struct RunSelection: ParsableArguments {
    static let resume = Option<String?>(
        "resume", valueName: "run-id", help: "Continue this run, skipping stages whose outputs are complete.")
    static let from = Option<String?>(
        "from", valueName: "stage", help: "Run this stage and every stage after it.")
    static let only = Option<CommaSeparated?>(
        "only", valueName: "stages", help: "Run only these stages (comma-separated, or repeat the option).")
    static let cycle = Option<String?>(
        "cycle", valueName: "name", help: "Run a named cycle: the stages OMNIFLOW_CYCLE_<NAME> selects (docs/operations.md).",
        allowedValues: RunCycle.allCases.map(\.rawValue))

    public static var arguments: [ArgumentDefinition] {
        [resume.definition, from.definition, only.definition, cycle.definition]
    }

    public var resumeRunID: String?
    public var fromStage: String?
    public var onlyStages: [String]
    public var cycle: RunCycle?

    public init(_ values: ParsedValues) throws {
        resumeRunID = try values.get(Self.resume)
        fromStage = try values.get(Self.from)
        onlyStages = try values.get(Self.only)?.items ?? []
        if let name = try values.get(Self.cycle) {
            guard let cycle = RunCycle(rawValue: name) else {
                throw CommandLineError.validation("unknown cycle '\(name)' for '--cycle'; cycles: "
                                                  + RunCycle.allCases.map(\.rawValue).joined(separator: ", "))
            }
            self.cycle = cycle
        }
    }

    public func validate(_ context: CommandContext) throws {
        if fromStage != nil, !onlyStages.isEmpty {
            throw CommandLineError.validation("'--from' and '--only' cannot be combined; use one of them")
        }
        if cycle != nil, fromStage != nil || !onlyStages.isEmpty || resumeRunID != nil {
            throw CommandLineError.validation("'--cycle' selects its own stages; it cannot be combined with '--from', "
                                              + "'--only' or '--resume' (a resumed run keeps its cycle)")
        }
        if let resumeRunID { try RunID.validate(resumeRunID, option: "--resume") }
        let names = context.services.stageNames()
        if let fromStage { try StageName.validate(fromStage, among: names, option: "--from") }
        for stage in onlyStages { try StageName.validate(stage, among: names, option: "--only") }
    }

    var request: RunSelectionRequest {
        RunSelectionRequest(resumeRunID: resumeRunID, fromStage: fromStage, onlyStages: onlyStages, cycle: cycle)
    }
}

// MARK: - Name checks

/// Stage names must be ones the pipeline knows.
enum StageName {
    static func validate(_ name: String, among names: [String], option: String) throws {
        guard !names.contains(name) else { return }
        let hint = ClosestMatchHint.text(for: name, among: names)
        let list = names.isEmpty ? "(none)" : names.joined(separator: ", ")
        throw CommandLineError.validation("unknown stage '\(name)' for '\(option)'\(hint); valid stages: \(list)")
    }
}

/// Run ids name folders under `staging/runs/`, so only safe characters are accepted.
enum RunID {
    static func validate(_ id: String, option: String) throws {
        let allowed = id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
        guard allowed, !id.isEmpty, !id.hasPrefix(".") else {
            throw CommandLineError.validation("invalid run id '\(id)' for '\(option)': letters, digits, '-', '_' and '.' only")
        }
    }
}
