import FlowMapping
import FlowStore
import Foundation
import Omnium

// MARK: - StagedFlowPurchaseOrders

/// The Flow purchase orders made from one Omnium PO (one, or one per delivery), staged as
/// `flow.purchase_orders` under the Omnium PO id.
public struct StagedFlowPurchaseOrders: Codable, Sendable, Equatable {
    public var omniumPurchaseOrderId: String
    public var snapshots: [FlowPurchaseOrderSnapshot]

    public init(omniumPurchaseOrderId: String, snapshots: [FlowPurchaseOrderSnapshot]) {
        self.omniumPurchaseOrderId = omniumPurchaseOrderId
        self.snapshots = snapshots
    }
}

// MARK: - TransformPurchaseOrders

/// `transform.purchase_orders`: Omnium POs → Flow POs by `PurchaseOrderMapping` in the configured
/// `ExportDeliveryAsPo` mode (docs/mapping-orders.md "Purchase orders"). A PO that cannot map (no
/// supplier, unknown receiving warehouse, a bad line) is quarantined whole; the others go on.
///
/// In delivery mode the Flow POs already made from an Omnium PO are passed to the mapping as
/// deliveries too, so a delivery whose lines all moved elsewhere yields an empty PO and its lines are
/// deleted in Flow. Runs after the stores stages (input: the external `flow.stores`), since the receiving warehouse
/// must be a Flow store or warehouse.
public struct TransformPurchaseOrders: Stage {
    public let name = "transform.purchase_orders"
    public let version = 1
    public let inputs: [Dataset] = [.staged(ExtractPurchaseOrders.dataset), .external("flow.stores")]
    public let outputs: [Dataset] = [.staged(Self.dataset)]

    public static let dataset = "flow.purchase_orders"

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let stores = try KnownFlowStores.read(from: context.flow)
        let settings = context.configuration.purchaseOrderMappingSettings
        var mapped: [StagedFlowPurchaseOrders] = []
        var issues: [MappingIssue] = []
        var read = 0
        try context.staging.forEachRecord(ExtractPurchaseOrders.dataset, as: StagedPurchaseOrder.self) { key, staged in
            read += 1
            var deliveries = staged.deliveries
            if settings.exportDeliveryAsPo {
                deliveries += try formerDeliveries(of: key, besides: staged, in: context)
            }
            do throws(MappingIssue) {
                let snapshots = try PurchaseOrderMapping.map(staged.purchaseOrder, deliveries: deliveries,
                                                             settings: settings, stores: stores)
                mapped.append(StagedFlowPurchaseOrders(omniumPurchaseOrderId: key, snapshots: snapshots))
            } catch {
                issues.append(error)
            }
        }
        let quarantined = try context.quarantine(issues)
        try context.resolveQuarantine(entity: .purchaseOrder, keys: mapped.map(\.omniumPurchaseOrderId))
        let summary = try context.staging.replaceDataset(Self.dataset, records: mapped, key: \.omniumPurchaseOrderId)
        let flowOrders = mapped.reduce(0) { $0 + $1.snapshots.count }
        return StageOutcome(rowsRead: read, rowsWritten: summary.rowCount, quarantined: quarantined,
                            notes: ["ExportDeliveryAsPo: \(settings.exportDeliveryAsPo)", "Flow purchase orders: \(flowOrders)"])
    }

    /// Deliveries Flow already has a PO for that the Omnium PO no longer names (lines moved away).
    private func formerDeliveries(of omniumId: String, besides staged: StagedPurchaseOrder,
                                  in context: StageContext) throws -> [OmniumDelivery] {
        let current = Set(staged.deliveries.compactMap(\.id)
                          + (staged.purchaseOrder.purchaseOrderForm?.lineItems ?? []).compactMap(\.deliveryId))
        let existing = try context.flow.read { db in
            try PurchaseOrdersTable.fetchSnapshots(omniumPurchaseOrderId: omniumId, in: db)
        }
        return existing.compactMap(\.purchaseOrder.omniumDeliveryId)
            .filter { !current.contains($0) }
            .map { OmniumDelivery(id: $0) }
    }
}
