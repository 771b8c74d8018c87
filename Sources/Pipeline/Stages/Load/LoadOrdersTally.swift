import FlowMapping
import FlowStore
import Foundation

// MARK: - LoadOrdersTally

/// The figures of one `load.orders` run, for the stage outcome and the manifest notes.
struct LoadOrdersTally {
    var read = 0
    var orders = OrdersTable.SaveCounts()
    var customers = UpsertCounts()
    var outcomes: [InboundOrderMerge.Result.Outcome: Int] = [:]
    var notInbound = 0
    var retried = 0
    /// Customers created in this load (each once, however many orders name it).
    var createdCustomers = Set<String>()

    mutating func absorb(_ other: LoadOrdersTally) {
        orders += other.orders
        customers += other.customers
    }

    mutating func count(_ outcome: InboundOrderMerge.Result.Outcome?) {
        if let outcome { outcomes[outcome, default: 0] += 1 } else { notInbound += 1 }
    }

    private var all: UpsertCounts { orders.orders + orders.items + orders.orderhandlings + customers }
    var written: Int { all.written }
    var unchanged: Int { outcomes[.unchanged, default: 0] }

    var notes: [String] {
        let merge = [InboundOrderMerge.Result.Outcome.created, .reopened, .refreshed, .unchanged, .skipped]
            .map { "\($0.rawValue) \(outcomes[$0, default: 0])" }.joined(separator: ", ")
        var notes = ["orders: \(merge)", "order rows: \(orders.orders)", "items: \(orders.items)",
                     "handlings: \(orders.orderhandlings)", "customers: \(customers)"]
        if notInbound > 0 { notes.append("not inbound: \(notInbound)") }
        if retried > 0 { notes.append("not loaded, queued for a retry in external_order_sync: \(retried)") }
        return notes
    }
}
