import Pipeline

// MARK: - omniflow config

extension Omniflow {
    /// Prints the effective configuration, so an operator can check file and environment together.
    public struct Config: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "config",
                abstract: "Check and print the effective configuration (file, then environment).",
                discussion: """
                    Every key is listed with its value; keys are the same in the JSON file and the \
                    environment, and the environment wins. The client secret is never printed. Exits \
                    with status 2 and the file, line and column when the configuration is invalid.
                    """)
        }

        public static var arguments: [ArgumentDefinition] { GlobalOptions.arguments }

        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            try global.emit(configuration.settings, to: context.standardOutput) {
                let source = configuration.sourceFile.map { "# from \($0) and the environment\n" }
                    ?? "# from the environment (no configuration file)\n"
                return source + configuration.description + "\n"
            }
            return .success
        }
    }
}
