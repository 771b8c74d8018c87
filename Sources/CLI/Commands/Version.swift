// MARK: - omniflow version

extension Omniflow {
    /// Prints the version.
    public struct Version: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(name: "version", abstract: "Print omniflow's version.")
        }

        public init(_ values: ParsedValues) throws {}

        public func run(_ context: CommandContext) async throws -> ExitCode {
            context.standardOutput.write("omniflow \(Omniflow.version)\n")
            return .success
        }
    }
}
