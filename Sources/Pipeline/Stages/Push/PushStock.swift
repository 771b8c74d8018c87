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
        // Outcomes are committed every 10 batches, not per batch: levels are absolute, so the jobs of a
        // kill before the commit are simply sent again next run (docs/mapping-outbound.md "Stock").
        let report = try await worker.drainBatches(control: context.control, prepareAhead: worker.maxConcurrent,
                                                   recordEvery: 10 * batchSize) { attempts in
            var outcomes: [SyncJobOutcome] = []
            outcomes.reserveCapacity(attempts.count)
            var keys: [(warehouseUid: String, productUid: String)] = []
            keys.reserveCapacity(attempts.count)
            for attempt in attempts {
                let parts = attempt.job.objectKey.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    outcomes.append(.dead(reason: "stock job key '\(attempt.job.objectKey)' is not <warehouse>/<sku>"))
                    continue
                }
                keys.append((parts[0], parts[1]))
                outcomes.append(.done)
            }
            // The batch's levels in one statement, one read snapshot.
            let quantities = try flow.read { try StockMovementsTable.quantities(of: keys, in: $0) }
            let levels = zip(keys, quantities).map { key, quantity in
                OmniumInventoryLevel(sku: key.productUid, warehouseCode: key.warehouseUid, inventoryHundredths: quantity ?? 0)
            }
            if !levels.isEmpty { try await omnium.updateInventoryLevels(levels) }
            return outcomes
        }
        return StageOutcome(rowsRead: report.claimed, rowsWritten: report.done, notes: [report.summary])
    }
}
