import FlowMapping
import FlowStore
import Foundation
import Staging

/// `enqueue.pos_changes`: the Flow store's change journal (`flow_changes`) since the last run, as sync
/// jobs: POS orders → `external_order_sync` (`pos_order_push`), goods receptions →
/// `external_receivement_sync`, Flow-master stock levels → one `external_stock_sync` job per warehouse (the
/// levels themselves wait as markers in the Flow store, `stock_push_pending`), POS customers →
/// `external_customer_sync`, settled receipts → `external_order_receipt_sync` when
/// `OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM` is on.
///
/// The jobs and the journal position (`flow.changes` watermark) are written in one control-database
/// transaction, so a crash enqueues a change once or not yet, never loses one. An object that already
/// has a pending job keeps it (one push covers every change before it); an object whose push is
/// running gets a new pending job, so a change made during a push is pushed again afterwards.
/// Stock of stores where Omnium is stock master is never pushed (flow-integration.md §5).
public struct EnqueuePosChanges: Stage {
    public let name = "enqueue.pos_changes"
    public let version = 1
    public let inputs: [Dataset] = [.external("flow.changes")]
    public let outputs: [Dataset] = [
        .external("control.sync_jobs.external_order_sync"), .external("control.sync_jobs.external_receivement_sync"),
        .external("control.sync_jobs.external_stock_sync"), .external("control.sync_jobs.external_customer_sync"),
        .external("control.sync_jobs.external_order_receipt_sync"), .staged(EnqueuePosChanges.enqueuedDataset),
    ]

    /// Staged marker that orders the push stages after this one.
    public static let enqueuedDataset = "flow.changes.enqueued"
    /// The journal position already turned into jobs.
    public static let watermarkStream = "flow.changes"
    public var pageSize = 5_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var position = Int64(try context.control.watermark(for: Self.watermarkStream)?.value ?? "0") ?? 0
        var read = 0, enqueued = 0, skippedStock = 0, skippedReceipts = 0
        var perKind: [SyncJob.Kind: Int] = [:]
        let now = context.now
        while true {
            let changes = try context.flow.read { try FlowChangesTable.changes(after: position, limit: pageSize, in: $0) }
            guard let last = changes.last else { break }
            read += changes.count
            var stockWarehouses: Set<String> = []
            try context.control.write { db in
                for change in changes {
                    guard let kind = kind(of: change, configuration: context.configuration) else {
                        if change.entity == .stock { skippedStock += 1 } else { skippedReceipts += 1 }
                        continue
                    }
                    // Stock: one job per warehouse, whatever the number of its changed levels (they wait as
                    // markers in the Flow store; PushStock). A page's repeats of one warehouse enqueue once.
                    let key = kind == .stockPush ? Self.warehouse(ofStockKey: change.objectKey) : change.objectKey
                    if kind == .stockPush {
                        guard stockWarehouses.insert(key).inserted else { continue }
                    }
                    try SyncQueueTable.enqueue(db, queue: kind.queue, kind: kind, objectKey: key, at: now)
                    enqueued += 1
                    perKind[kind, default: 0] += 1
                }
                try WatermarkTable.set(db, stream: Self.watermarkStream, value: String(last.seq), at: now)
            }
            position = last.seq
            context.advance(read)
        }
        try context.staging.replaceDataset(Self.enqueuedDataset, records: [position], key: { _ in "position" })
        var notes = perKind.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }
        if skippedStock > 0 { notes.append("\(skippedStock) stock change(s) of Omnium-master stores not pushed") }
        if skippedReceipts > 0 { notes.append("\(skippedReceipts) receipt(s) not sent (OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM is off)") }
        return StageOutcome(rowsRead: read, rowsWritten: enqueued, notes: notes)
    }

    /// The job kind a change makes, nil when the change is not pushed.
    func kind(of change: FlowChange, configuration: OmniflowConfiguration) -> SyncJob.Kind? {
        switch change.entity {
        case .posOrder: return .posOrderPush
        case .goodsReception: return .goodsReceptionPush
        case .customer: return .customerPush
        case .receipt: return configuration.sendOrderReceiptToOmnium ? .invoicePush : nil
        case .stock:
            return configuration.isFlowStockMaster(storeID: Self.warehouse(ofStockKey: change.objectKey)) ? .stockPush : nil
        }
    }

    /// The warehouse of a stock journal key `<warehouse>/<sku>` (a stock job's key).
    static func warehouse(ofStockKey key: String) -> String {
        key.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }
}
