import FlowMapping
import FlowStore
import Foundation
import Staging

/// `load.stores`: upserts the transformed stores into the Flow store in one transaction, writing only
/// rows whose content changed.
///
/// Stages that read stores or warehouses from the Flow store (inventory, purchase orders, orders) take
/// the external `flow.stores` as input: the plan orders them after this commit (not merely after the
/// transform) and a failed stores load stops them rather than letting them work on stale stores.
public struct LoadStores: Stage {
    public let name = "load.stores"
    /// 2: no staged marker any more; readers order on the external `flow.stores`.
    public let version = 2
    public let inputs: [Dataset] = [.staged(TransformStores.dataset)]
    public let outputs: [Dataset] = [.external("flow.stores")]
    public let concurrency = StageConcurrency.besideIndependentStages

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var batch = FlowStoresBatch()
        try context.staging.forEachRecord(TransformStores.dataset) { _, stored in batch = stored }
        let counts = try context.flow.write { db in try StoresTable.save(batch, in: db) }
        let total = counts.values.reduce(UpsertCounts(), +)
        let rows = batch.organizations.count + batch.stores.count + batch.warehouses.count
        return StageOutcome(rowsRead: rows, rowsWritten: total.written, rowsUnchanged: total.unchanged,
                            notes: counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" })
    }
}
