import FlowMapping
import FlowStore
import Foundation

/// `load.stores`: upserts the transformed stores into the Flow store in one transaction, writing only
/// rows whose content changed.
public struct LoadStores: Stage {
    public let name = "load.stores"
    public let version = 1
    public let inputs: [Dataset] = [.staged("flow.stores")]
    public let outputs: [Dataset] = [.external("flow.stores")]

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var batch = FlowStoresBatch()
        try context.staging.forEachRecord("flow.stores", as: FlowStoresBatch.self) { _, stored in batch = stored }
        let counts = try context.flow.write { db in try StoresTable.save(batch, in: db) }
        let total = counts.values.reduce(UpsertCounts(), +)
        let rows = batch.organizations.count + batch.stores.count + batch.warehouses.count
        return StageOutcome(rowsRead: rows, rowsWritten: total.written, rowsUnchanged: total.unchanged,
                            notes: counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" })
    }
}
