import FlowMapping
import FlowStore
import Foundation
import Omnium

// MARK: - StagedInboundOrder

/// One extracted Omnium order after mapping (`flow.orders`, keyed by Omnium order id), with the
/// bookkeeping `load.orders` settles after its commit (sync jobs, inbox events).
public struct StagedInboundOrder: Codable, Sendable, Equatable {
    /// What the load does with the order.
    public enum Disposition: String, Codable, Sendable {
        /// Merge the draft with Flow's order and save it when something changed.
        case load
        /// Not a Click & Collect or Online order (`Pos`, …): nothing to do.
        case notInbound
        /// The mapping refused it (reason in the quarantine): retried through the sync queue.
        case quarantined
    }

    public var omniumOrderId: String
    public var disposition: Disposition
    public var draft: InboundOrderDraft?
    public var omniumCustomerId: String?
    /// Omnium's `customerType` (`B2C` / `B2B`): which customer endpoint to ask first.
    public var omniumCustomerType: String?
    /// The quarantine reason.
    public var reason: String?
    public var syncJobIds: [Int64]
    public var inboxEventIds: [String]
    public var isFromDelta: Bool

    public init(omniumOrderId: String, disposition: Disposition, draft: InboundOrderDraft? = nil,
                omniumCustomerId: String? = nil, omniumCustomerType: String? = nil, reason: String? = nil,
                syncJobIds: [Int64] = [],
                inboxEventIds: [String] = [], isFromDelta: Bool = false) {
        self.omniumOrderId = omniumOrderId
        self.disposition = disposition
        self.draft = draft
        self.omniumCustomerId = omniumCustomerId
        self.omniumCustomerType = omniumCustomerType
        self.reason = reason
        self.syncJobIds = syncJobIds
        self.inboxEventIds = inboxEventIds
        self.isFromDelta = isFromDelta
    }
}

// MARK: - TransformOrders

/// `transform.orders`: Omnium Click & Collect and Online orders → Flow order drafts by
/// `InboundOrderMapping` (docs/mapping-orders.md "Inbound orders"): C&C `PARKED` with its handling
/// task and a pickup deadline of `OMNIUM_CLICK_COLLECT_EXPIRY_DAYS` working days after the run's
/// business date (`NorwegianBusinessCalendar` in the configured business time zone), Online
/// `CONFIRMED`. Orders for a store Flow does not have, or otherwise unmappable, are quarantined with
/// their reason; the rest go on. The merge with Flow's existing order happens in `load.orders`, inside
/// the transaction that saves it.
///
/// Runs after the stores stages (input: the external `flow.stores`): the pickup store must exist in Flow.
public struct TransformOrders: Stage {
    public let name = "transform.orders"
    public let version = 1
    public let inputs: [Dataset] = [.staged(ExtractOrders.dataset), .external("flow.stores")]
    public let outputs: [Dataset] = [.staged(Self.dataset)]

    public static let dataset = "flow.orders"

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let stores = try KnownFlowStores.read(from: context.flow)
        let settings = context.configuration.inboundOrderSettings
        let calendar = NorwegianBusinessCalendar(timeZone: context.configuration.businessTimeZone)
        let now = context.businessDate
        var records: [StagedInboundOrder] = []
        var issues: [MappingIssue] = []
        var mapped: [String] = []
        try context.staging.forEachRecord(ExtractOrders.dataset, as: StagedOmniumOrder.self) { key, staged in
            var record = StagedInboundOrder(omniumOrderId: key, disposition: .notInbound,
                                            syncJobIds: staged.syncJobIds, inboxEventIds: staged.inboxEventIds,
                                            isFromDelta: staged.isFromDelta)
            do throws(MappingIssue) {
                if let draft = try InboundOrderMapping.map(staged.order, settings: settings, stores: stores,
                                                           calendar: calendar, now: now) {
                    record.disposition = .load
                    record.draft = draft
                    record.omniumCustomerId = staged.order.customerId.nonEmpty
                    record.omniumCustomerType = staged.order.customerType.nonEmpty
                }
                mapped.append(key)
            } catch {
                issues.append(error)
                record.disposition = .quarantined
                record.reason = error.reason
            }
            records.append(record)
        }
        let quarantined = try context.quarantine(issues)
        try context.resolveQuarantine(entity: .order, keys: mapped)
        let summary = try context.staging.replaceDataset(Self.dataset, records: records, key: \.omniumOrderId)
        let toLoad = records.filter { $0.disposition == .load }.count
        return StageOutcome(rowsRead: records.count, rowsWritten: summary.rowCount, quarantined: quarantined,
                            notes: ["inbound orders: \(toLoad)",
                                    "not inbound (skipped): \(records.filter { $0.disposition == .notInbound }.count)"])
    }
}
