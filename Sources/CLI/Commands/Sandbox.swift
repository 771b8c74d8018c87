// MARK: - omniflow sandbox

extension Omniflow {
    /// Groups the sandbox commands.
    public struct Sandbox: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "sandbox",
                abstract: "A local, Omnium-compatible server for demos and tests.",
                subcommands: [Serve.self, Dump.self, Mutate.self])
        }

        public init(_ values: ParsedValues) throws {}
    }
}
