import Pipeline

// MARK: - omniflow stage

extension Omniflow {
    /// Runs one stage by name, as its own run.
    public struct Stage: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "stage",
                abstract: "Run one stage by its name, as a run of its own.",
                discussion: "Its inputs must already exist (from an earlier run). Holds the run lock like 'run'.")
        }

        static let name = Positional<String>(valueName: "name", help: "The stage's dotted name, e.g. extract.products.")

        public static var arguments: [ArgumentDefinition] {
            [name.definition] + GlobalOptions.arguments
        }

        public var stageName: String
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            stageName = try values.get(Self.name)
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            try StageName.validate(stageName, among: context.services.stageNames(), option: "<name>")
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            try configuration.requireOmniumSettings()
            let report = try await context.withProgress(quiet: global.isQuiet) { progress in
                try await context.services.runStage(name: stageName, configuration: configuration, progress: progress)
            }
            try RunReportPrinter(global: global, timeZone: configuration.businessTimeZone).print(report, to: context.standardOutput)
            return report.exitCode
        }
    }
}
