import Foundation
import Pipeline

// MARK: - omniflow pos

extension Omniflow {
    /// Groups the POS-side commands (what a Flow POS writes into the Flow store).
    public struct Pos: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "pos",
                abstract: "POS activity in the Flow store: simulate a day (and import journals).",
                subcommands: [Simulate.self, Import.self])
        }

        public init(_ values: ParsedValues) throws {}
    }
}
