import Foundation
import OmniumSandbox

// MARK: - omniflow sandbox mutate

extension Omniflow.Sandbox {
    /// Changes a fraction of a running sandbox's data, so the next run has deltas to pick up.
    public struct Mutate: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "mutate",
                abstract: "Change a fraction of a running sandbox's products, prices, stock and orders.",
                discussion: """
                    Calls POST /_sandbox/mutations of the sandbox at --url. Each call changes a fresh set: \
                    round(count x fraction) products, price sets, stock sets and orders, stamped with the \
                    server time, so an incremental run picks exactly those up. Prints the changed ids.
                    """)
        }

        static let fraction = Option<Double>(
            "fraction", valueName: "fraction", help: "Share of each kind to change, from 0 to 1.", default: 0.01)
        static let json = Flag("json", help: "Print what changed as JSON on standard output.")

        public static var arguments: [ArgumentDefinition] {
            SandboxConnection.arguments + [fraction.definition, json.definition]
        }

        public var connection: SandboxConnection
        public var fraction: Double
        public var isJSON: Bool

        public init(_ values: ParsedValues) throws {
            connection = try SandboxConnection(values)
            fraction = try values.get(Self.fraction)
            isJSON = values.get(Self.json)
        }

        public func validate(_ context: CommandContext) throws {
            guard (0...1).contains(fraction) else {
                throw CommandLineError.validation("'--fraction' must be between 0 and 1, got \(fraction)")
            }
            try connection.validate(context)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let report = try await context.services.mutateSandbox(target: try connection.target(context), fraction: fraction)
            if isJSON {
                try OutputJSON.write(report, to: context.standardOutput)
            } else {
                context.standardOutput.write(Self.summary(report))
            }
            return .success
        }

        /// One line of counts, then the changed product and order ids.
        static func summary(_ report: SandboxMutationReport) -> String {
            var text = "Mutation round \(report.round) (fraction \(report.fraction)): \(report.productIds.count) products, "
                + "\(report.priceProductIds.count) price sets, \(report.inventory.count) stock records, "
                + "\(report.orderIds.count) orders changed; \(report.eventCount) webhook events\n"
            if !report.productIds.isEmpty { text += "  products: " + report.productIds.joined(separator: ", ") + "\n" }
            if !report.priceProductIds.isEmpty { text += "  prices:   " + report.priceProductIds.joined(separator: ", ") + "\n" }
            if !report.orderIds.isEmpty { text += "  orders:   " + report.orderIds.joined(separator: ", ") + "\n" }
            return text
        }
    }
}
