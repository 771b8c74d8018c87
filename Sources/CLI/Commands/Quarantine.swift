// MARK: - omniflow quarantine

extension Omniflow {
    /// Groups the quarantine commands.
    public struct Quarantine: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "quarantine",
                abstract: "Inspect records that stages set aside as invalid.",
                subcommands: [List.self], defaultSubcommand: List.self)
        }

        public init(_ values: ParsedValues) throws {}
    }
}
