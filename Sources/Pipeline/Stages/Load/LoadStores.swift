import FlowMapping
import FlowStore
import Foundation

/// `load.stores`: upserts the transformed stores into the Flow store in one transaction, writing only
/// rows whose content changed, then stages the UIDs of the stores now in Flow as `flow.stores.loaded`.
///
/// Stages that read stores or warehouses from the Flow store (inventory, purchase orders, orders) take
/// `flow.stores.loaded` as input: it orders them after this commit (not merely after the transform) and a
/// failed stores load stops them rather than letting them work on stale stores.
public struct LoadStores: Stage {
    public let name = "load.stores"
    public let version = 1
    public let inputs: [Dataset] = [.staged("flow.stores")]
    public let outputs: [Dataset] = [.external("flow.stores"), .staged(LoadStores.loadedDataset)]

    /// The staged marker "the stores of this run are in the Flow store".
    public static let loadedDataset = "flow.stores.loaded"

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var batch = FlowStoresBatch()
        try context.staging.forEachRecord("flow.stores", as: FlowStoresBatch.self) { _, stored in batch = stored }
        let counts = try context.flow.write { db in try StoresTable.save(batch, in: db) }
        let total = counts.values.reduce(UpsertCounts(), +)
        try context.staging.replaceDataset(Self.loadedDataset, records: batch.stores.map(\.storeUid), key: { $0 })
        let rows = batch.organizations.count + batch.stores.count + batch.warehouses.count
        return StageOutcome(rowsRead: rows, rowsWritten: total.written, rowsUnchanged: total.unchanged,
                            notes: counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" })
    }
}
