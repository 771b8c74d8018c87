import FlowMapping
import FlowStore
import Foundation

// MARK: - StagedFlowCustomer

/// What `load.orders` needs to know of an order's customer unknown to Flow (`flow.order_customers`,
/// keyed by Omnium `customerId`).
public struct StagedFlowCustomer: Codable, Sendable, Equatable {
    public var customerId: String
    /// The customer to create; nil when Omnium does not have it, could not be asked, or it is quarantined.
    public var customer: FlowCustomer?
    /// Omnium could not be asked: the customer's orders are held back and retried.
    public var isUnavailable: Bool
    public var note: String?

    public init(customerId: String, customer: FlowCustomer?, isUnavailable: Bool = false, note: String? = nil) {
        self.customerId = customerId
        self.customer = customer
        self.isUnavailable = isUnavailable
        self.note = note
    }
}

// MARK: - TransformOrderCustomers

/// `transform.order_customers`: Omnium private and business customers → Flow customers by
/// `CustomerMapping` (docs/mapping-orders.md "Customers"). A customer that cannot map is quarantined;
/// its orders still load (the customer is not what the store needs to hand goods over).
public struct TransformOrderCustomers: Stage {
    public let name = "transform.order_customers"
    public let version = 1
    public let inputs: [Dataset] = [.staged(ExtractOrderCustomers.dataset)]
    public let outputs: [Dataset] = [.staged(Self.dataset)]

    public static let dataset = "flow.order_customers"

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let settings = context.configuration.customerMappingSettings
        var records: [StagedFlowCustomer] = []
        var issues: [MappingIssue] = []
        var mapped: [String] = []
        try context.staging.forEachRecord(ExtractOrderCustomers.dataset, as: StagedOmniumCustomer.self) { key, staged in
            var record = StagedFlowCustomer(customerId: key, customer: nil)
            switch staged.lookup {
            case .notFound:
                record.note = "customer \(key) not found in Omnium (orders: \(staged.orderIds.joined(separator: ", ")))"
            case .unavailable:
                record.isUnavailable = true
                record.note = staged.error
            case .found:
                do throws(MappingIssue) {
                    if let business = staged.businessCustomer {
                        record.customer = try CustomerMapping.map(business, settings: settings)
                    } else if let person = staged.privateCustomer {
                        record.customer = try CustomerMapping.map(person, settings: settings)
                    }
                    mapped.append(key)
                } catch {
                    issues.append(error)
                    record.note = error.reason
                }
            }
            records.append(record)
        }
        let quarantined = try context.quarantine(issues)
        try context.resolveQuarantine(entity: .customer, keys: mapped)
        let summary = try context.staging.replaceDataset(Self.dataset, records: records, key: \.customerId)
        return StageOutcome(rowsRead: records.count, rowsWritten: summary.rowCount, quarantined: quarantined,
                            notes: ["customers to create: \(records.filter { $0.customer != nil }.count)"])
    }
}
