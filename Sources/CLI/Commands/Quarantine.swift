// MARK: - omniflow quarantine

extension Omniflow {
    /// Groups the quarantine commands.
    public struct Quarantine: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "quarantine",
                abstract: "Inspect records withheld and fields dropped by the stages.",
                subcommands: [List.self, Show.self], defaultSubcommand: List.self)
        }

        public init(_ values: ParsedValues) throws {}
    }
}
