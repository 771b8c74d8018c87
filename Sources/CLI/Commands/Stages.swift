import Foundation

// MARK: - omniflow stages

extension Omniflow {
    /// Lists the batch's stages in the order a run executes them, with what each reads and writes.
    public struct Stages: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "stages",
                abstract: "List the stages in run order, with the datasets each reads and writes.",
                discussion: """
                    The names are what '--only', '--from' and 'omniflow stage' take. Datasets marked \
                    '(external)' are outside a run (Omnium's API, the Flow store); the others live in the \
                    run's staging database.
                    """)
        }

        public static var arguments: [ArgumentDefinition] { [GlobalOptions.json.definition] }

        public var isJSON: Bool

        public init(_ values: ParsedValues) throws {
            isJSON = values.get(GlobalOptions.json)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let stages = context.services.stageDescriptions()
            if isJSON {
                try OutputJSON.write(stages, to: context.standardOutput)
                return .success
            }
            var table = TextTable([.init(title: "STAGE"), .init(title: "READS"), .init(title: "WRITES")])
            for stage in stages {
                table.append([stage.name, stage.inputs.joined(separator: ", "), stage.outputs.joined(separator: ", ")])
            }
            context.standardOutput.write(table.rendered())
            return .success
        }
    }
}

/// One stage as `omniflow stages` shows it.
public struct StageDescription: Codable, Sendable, Equatable {
    public var name: String
    public var inputs: [String]
    public var outputs: [String]

    public init(name: String, inputs: [String], outputs: [String]) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
    }
}

extension OmniflowServices {
    /// Names only; `PipelineServices` gives the declared datasets too.
    public func stageDescriptions() -> [StageDescription] {
        stageNames().map { StageDescription(name: $0, inputs: [], outputs: []) }
    }
}
