/// The stages of a run in execution order, with the selection the user asked for.
///
/// Built once from the stage list: producers are matched to consumers by staged dataset, cycles,
/// missing producers and duplicate producers are rejected, and the order is topological with ties
/// broken by declaration order, so the same stage list always runs in the same order. An external
/// dataset (Flow store, control database) whose writers are in the plan orders its readers after all
/// of them; remote ones (Omnium's API) order nothing (see ``Dataset``).
public struct StagePlan: Sendable {
    /// All stages, topologically ordered.
    public let ordered: [any Stage]
    /// For each stage name, the names of the stages whose staged outputs it reads.
    public let upstream: [String: Set<String>]

    public init(stages: [any Stage]) throws {
        var producer: [String: String] = [:]
        var externalWriters: [String: [String]] = [:]
        var seen = Set<String>()
        for stage in stages {
            guard seen.insert(stage.name).inserted else { throw StagePlanError.duplicateStage(stage.name) }
            for output in stage.outputs where output.kind == .staged {
                if let other = producer[output.name] {
                    throw StagePlanError.duplicateProducer(dataset: output.name, stages: [other, stage.name])
                }
                producer[output.name] = stage.name
            }
            for output in stage.outputs where output.kind == .external {
                externalWriters[output.name, default: []].append(stage.name)
            }
        }
        var upstream: [String: Set<String>] = [:]
        for stage in stages {
            var deps = Set<String>()
            for input in stage.inputs where input.kind == .staged {
                guard let source = producer[input.name] else {
                    throw StagePlanError.missingProducer(dataset: input.name, consumer: stage.name)
                }
                deps.insert(source)
            }
            // A stage that reads and writes the same table (a queue it drains) does not wait for itself.
            for input in stage.inputs where input.kind == .external {
                deps.formUnion(externalWriters[input.name, default: []].filter { $0 != stage.name })
            }
            upstream[stage.name] = deps
        }
        // Kahn's algorithm; among ready stages, declaration order wins.
        var remaining = stages
        var done = Set<String>()
        var ordered: [any Stage] = []
        while !remaining.isEmpty {
            guard let index = remaining.firstIndex(where: { upstream[$0.name, default: []].isSubset(of: done) }) else {
                throw StagePlanError.cycle(remaining.map(\.name).sorted())
            }
            let stage = remaining.remove(at: index)
            done.insert(stage.name)
            ordered.append(stage)
        }
        self.ordered = ordered
        self.upstream = upstream
    }

    public var stageNames: [String] { ordered.map(\.name) }

    public func stage(named name: String) -> (any Stage)? { ordered.first { $0.name == name } }

    /// `name` and every stage that depends on it, directly or not.
    public func downstream(of name: String) -> Set<String> {
        var result: Set<String> = [name]
        for stage in ordered where !upstream[stage.name, default: []].isDisjoint(with: result) {
            result.insert(stage.name)
        }
        return result
    }

    /// Whether stages `a` and `b` may run at the same time as far as their datasets go: neither is
    /// downstream of the other, and neither writes an external or remote dataset the other reads or
    /// writes. (Whether each allows it at all is its ``Stage/concurrency``.)
    public func independent(_ a: String, _ b: String) -> Bool {
        guard let first = stage(named: a), let second = stage(named: b), a != b,
              !downstream(of: a).contains(b), !downstream(of: b).contains(a) else { return false }
        func shared(_ writer: any Stage, _ other: any Stage) -> Bool {
            let touched = Set(other.inputs + other.outputs)
            return writer.outputs.contains { $0.kind != .staged && touched.contains($0) }
        }
        return !shared(first, second) && !shared(second, first)
    }

    /// The stage names a selection runs, in order. Throws for an unknown stage name.
    public func select(_ selection: StageSelection) throws -> [String] {
        func check(_ name: String) throws {
            guard stage(named: name) != nil else { throw StagePlanError.unknownStage(name, valid: stageNames) }
        }
        var chosen = Set(stageNames)
        if let only = selection.only {
            for name in only { try check(name) }
            chosen = Set(only)
        }
        if let from = selection.from {
            try check(from)
            chosen.formIntersection(downstream(of: from))
        }
        return stageNames.filter(chosen.contains)
    }
}

/// Which stages to run: everything, `--only a,b`, or `--from a` (it and everything downstream).
public struct StageSelection: Sendable, Equatable {
    public var only: [String]?
    public var from: String?
    public init(only: [String]? = nil, from: String? = nil) {
        self.only = only
        self.from = from
    }
    public static let all = StageSelection()
}

/// A stage list or a selection that cannot be run.
public enum StagePlanError: Error, Equatable, CustomStringConvertible {
    case duplicateStage(String)
    case duplicateProducer(dataset: String, stages: [String])
    case missingProducer(dataset: String, consumer: String)
    case cycle([String])
    case unknownStage(String, valid: [String])

    public var description: String {
        switch self {
        case .duplicateStage(let name): return "stage '\(name)' is declared twice"
        case .duplicateProducer(let dataset, let stages):
            return "dataset '\(dataset)' is produced by more than one stage: \(stages.joined(separator: ", "))"
        case .missingProducer(let dataset, let consumer):
            return "stage '\(consumer)' reads '\(dataset)', which no stage produces"
        case .cycle(let names): return "stages depend on each other in a cycle: \(names.joined(separator: ", "))"
        case .unknownStage(let name, let valid):
            return "unknown stage '\(name)'; valid stages: \(valid.joined(separator: ", "))"
        }
    }
}
