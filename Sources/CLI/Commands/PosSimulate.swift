import FlowStore
import Foundation
import Pipeline

// MARK: - omniflow pos simulate

extension Omniflow.Pos {
    /// Writes a deterministic POS day into the Flow store (for demos, tests and benchmarks).
    public struct Simulate: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "simulate",
                abstract: "Write a realistic, deterministic POS day into the Flow store.",
                discussion: """
                    Per store: sales with mixed VAT (25/15/12/0 %) and a discount, cash with rounding and \
                    change, card, a return of an earlier sale, a return without original, a cancelled sale, \
                    a business sale on invoice, a payment receipt, goods receptions on a known and a local \
                    purchase order, new and changed customers, and stock movements where Flow is stock \
                    master (OMNIUM_FLOW_STOCK_MASTER). The next 'omniflow run' pushes it to Omnium. The same \
                    date and seed give the same day; simulating it again stores nothing new.
                    """)
        }

        static let date = Option<String>("date", valueName: "yyyy-mm-dd", help: "The business day.", default: "")
        static let seed = Option<Int>("seed", valueName: "seed", help: "Seed; the same seed gives the same day.", default: 1)
        static let stores = Option<CommaSeparated?>("stores", valueName: "stores", help: "Stores to simulate (default: every active store).")

        public static var arguments: [ArgumentDefinition] {
            [date.definition, seed.definition, stores.definition] + GlobalOptions.arguments
        }

        public var date: String
        public var seed: Int
        public var stores: [String]
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            date = try values.get(Self.date)
            seed = try values.get(Self.seed)
            stores = try values.get(Self.stores)?.items ?? []
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            guard !date.isEmpty else { throw CommandLineError.validation("give the business day with '--date yyyy-mm-dd'") }
            guard seed >= 0 else { throw CommandLineError.validation("'--seed' \(seed) must not be negative") }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            guard let day = BusinessTime.date(date, timeZone: configuration.businessTimeZone) else {
                throw CommandLineError.validation("'\(date)' is not a date (yyyy-mm-dd)")
            }
            let flow = try FlowDatabase(path: configuration.flowStorePath)
            let masters = Swift.Set(configuration.flowStockMaster.filter(\.value).keys)
            let report: PosDaySimulator.Report
            do {
                report = try PosDaySimulator(options: .init(date: day, seed: UInt64(seed), storeUids: stores,
                                                            timeZone: configuration.businessTimeZone,
                                                            flowMasterStores: masters)).run(flow: flow)
            } catch let error as PosDaySimulator.SimulationError {
                throw ServiceError.invalidRequest(error.description)
            }
            try global.emit(report, to: context.standardOutput) {
                """
                Simulated \(date) in \(report.stores) store(s): \(report.sales) sales, \(report.returns) returns, \
                \(report.cancellations) cancellation(s), \(report.paymentReceipts) payment receipt(s), \
                \(report.goodsReceptions) goods reception(s), \(report.customers) customer change(s), \
                \(report.stockMovements) stock movement(s)\(report.alreadyStored > 0 ? "; \(report.alreadyStored) already stored" : "").
                The next 'omniflow run' pushes them to Omnium.

                """
            }
            return .success
        }
    }
}
