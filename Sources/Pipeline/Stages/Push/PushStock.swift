import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// `push.stock`: stock levels of Flow-master stores to Omnium, `external_stock_sync` jobs keyed
/// `<warehouse>/<sku>`, up to 1,000 per `PUT /api/Inventory/UpdateMany` (flow-integration.md §5.3).
///
/// Absolute levels, not movements (Omnium's relative `ProcessInventoryTransactions` has no idempotency
/// key): a repeat sends the same level again and changes nothing. The level sent is the one in the Flow
/// store when the batch is read, so several movements of one SKU make one push of the latest level.
/// `reservedInventory` is left as Omnium has it (`isReservedInventoryOverwritten=false`).
public struct PushStock: Stage {
    public let name = "push.stock"
    public let version = 1
    public let inputs: [Dataset] = [.staged(EnqueuePosChanges.enqueuedDataset), .external("flow.stock")]
    public let outputs: [Dataset] = [.remote("omnium.api.inventory"), .external("control.sync_jobs.external_stock_sync")]
    /// Omnium's ceiling per `UpdateMany` call.
    public var batchSize = 1_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let flow = context.flow
        let omnium = context.omnium
        // Batch calls in flight at once: Omnium allows 4 (OMNIFLOW_MAX_CONCURRENT_BATCH_REQUESTS).
        let worker = SyncQueueWorker(kind: .stockPush, maxConcurrent: context.configuration.maxConcurrentBatchRequests,
                                     batchSize: batchSize)
        let report = try await worker.drainBatches(control: context.control) { attempts in
            var items: [OmniumInventoryItem] = []
            var outcomes: [SyncJobOutcome] = []
            // The batch's levels in one read snapshot.
            try flow.read { db in
                for attempt in attempts {
                    let parts = attempt.job.objectKey.split(separator: "/", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else {
                        outcomes.append(.dead(reason: "stock job key '\(attempt.job.objectKey)' is not <warehouse>/<sku>"))
                        continue
                    }
                    let level = try StockMovementsTable.level(warehouseUid: parts[0], productUid: parts[1], in: db)
                    items.append(OmniumInventoryItem(sku: parts[1], warehouseCode: parts[0],
                                                     inventory: OutboundOrderMapping.quantity(level?.quantity ?? 0)))
                    outcomes.append(.done)
                }
            }
            if !items.isEmpty { try await omnium.updateInventory(items) }
            return outcomes
        }
        return StageOutcome(rowsRead: report.claimed, rowsWritten: report.done, notes: [report.summary])
    }
}
