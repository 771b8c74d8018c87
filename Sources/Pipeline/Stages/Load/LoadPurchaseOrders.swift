import FlowMapping
import FlowStore
import Foundation

// MARK: - LoadPurchaseOrders

/// `load.purchase_orders`: saves the transformed purchase orders into the Flow store, a bounded chunk
/// per transaction, each PO as a whole (header, lines, and deletion of lines no longer in Omnium);
/// only rows whose content hash changed are written. Then advances the purchase-order watermark.
public struct LoadPurchaseOrders: Stage {
    public let name = "load.purchase_orders"
    public let version = 1
    public let inputs: [Dataset] = [.staged(TransformPurchaseOrders.dataset), .staged(ExtractPurchaseOrders.markDataset)]
    public let outputs: [Dataset] = [.external("flow.purchase_orders")]

    /// Omnium POs per Flow-store transaction.
    public var chunkSize = 200

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var counts = PurchaseOrdersTable.SaveCounts()
        var chunk: [FlowPurchaseOrderSnapshot] = []
        var read = 0
        var pending = 0
        func flush() throws {
            guard !chunk.isEmpty else { return }
            let batch = chunk
            counts += try context.flow.write { db in try PurchaseOrdersTable.save(batch, in: db) }
            chunk.removeAll(keepingCapacity: true)
            pending = 0
            context.advance(read)
        }
        try context.staging.forEachRecord(TransformPurchaseOrders.dataset, as: StagedFlowPurchaseOrders.self) { _, staged in
            read += 1
            chunk += staged.snapshots
            pending += 1
            if pending >= chunkSize { try flush() }
        }
        try flush()
        // Only now, with the POs committed, may the watermark move.
        let marks = try OrdersDeltaWatermark.staged(ExtractPurchaseOrders.markDataset, in: context.staging)
        let advanced = try OrdersDeltaWatermark.advance(marks, control: context.control)
        let total = counts.purchaseOrders + counts.lines
        return StageOutcome(rowsRead: read, rowsWritten: total.written, rowsUnchanged: total.unchanged, notes: [
            "purchase orders: \(counts.purchaseOrders)", "lines: \(counts.lines)",
        ] + advanced)
    }
}
