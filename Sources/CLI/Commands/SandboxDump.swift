import Foundation
import OmniumSandbox

// MARK: - omniflow sandbox dump

extension Omniflow.Sandbox {
    /// Reads back what was written to a running sandbox.
    public struct Dump: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "dump",
                abstract: "Show what was written to a running sandbox (orders, returns, stock, customers, invoices).",
                discussion: """
                    Reads GET /_sandbox/dump of the sandbox at --url, signed in as the demo user \
                    (omniflow-demo) unless --client-id is given. Prints counts and ids; --json prints \
                    everything, with full orders.
                    """)
        }

        static let json = Flag("json", help: "Print the whole dump as JSON on standard output.")

        public static var arguments: [ArgumentDefinition] {
            SandboxConnection.arguments + [json.definition]
        }

        public var connection: SandboxConnection
        public var isJSON: Bool

        public init(_ values: ParsedValues) throws {
            connection = try SandboxConnection(values)
            isJSON = values.get(Self.json)
        }

        public func validate(_ context: CommandContext) throws {
            try connection.validate(context)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let dump = try await context.services.dumpSandbox(target: try connection.target(context))
            if isJSON {
                try OutputJSON.write(dump, to: context.standardOutput)
            } else {
                context.standardOutput.write(Self.summary(dump))
            }
            return .success
        }

        /// Counts per kind, then the ids (at most `idLimit` per kind).
        static func summary(_ dump: SandboxDump, idLimit: Int = 20) -> String {
            let returns = dump.returns.map { "\($0.orderId)/\($0.returnForm.returnId ?? $0.returnForm.rmaNumber ?? "?")" }
            let stock = dump.inventory.map { "\($0.sku ?? "")@\($0.warehouseCode ?? "")" }
            let rows: [(String, [String])] = [
                ("Orders created", dump.ordersCreated.map { "\($0.id ?? "") (\($0.orderType ?? "?"), \($0.status ?? "?"))" }),
                ("POS orders", dump.posOrderIds),
                ("Orders updated", dump.ordersUpdated.map { "\($0.id ?? "") (\($0.status ?? "?"))" }),
                ("Returns", returns),
                ("Status changes", dump.statusChanges.map { "\($0.orderId): \($0.previousStatus ?? "-") -> \($0.status)" }),
                ("Line cancels", dump.lineCancels.map { "\($0.orderId)/\($0.lineItemId)" }),
                ("Stock records", stock),
                ("Goods receptions", dump.goodsReceptions.map { "\($0.deliveryId ?? "generic"): \($0.lines.count) lines" }),
                ("Reception ids", dump.processedGoodsReceptionIds),
                ("Private customers", dump.privateCustomers.map(\.customerId)),
                ("Business customers", dump.businessCustomers.map(\.customerId)),
                ("Invoices", dump.invoices.compactMap(\.id)),
                ("Invoice files", dump.invoiceFiles.map { "\($0.invoiceId): \($0.fileName) (\($0.size) bytes)" }),
            ]
            var text = "Sandbox dump (seed \(dump.seed), \(dump.scale.products) products), "
                + "\(dump.eventCount) webhook events\n"
            let width = rows.map(\.0.count).max() ?? 0
            for (label, items) in rows {
                text += "  " + (label + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) + " \(items.count)\n"
                for item in items.prefix(idLimit) { text += "      \(item)\n" }
                if items.count > idLimit { text += "      … \(items.count - idLimit) more (--json lists all)\n" }
            }
            return text
        }
    }
}
