import FlowMapping
import FlowStore
import Foundation

/// `load.inventory`: stock levels into the Flow store, `chunkSize` products per transaction, writing only levels
/// that changed. Set-based: the Flow store attaches the run's `staging.db` and upserts each chunk of staged
/// levels in one statement (`StockTable.upsertStaged`, each product's staged list read once with
/// `StagedJSONReader`), comparing the content hashes the transform staged. On a delta, levels Omnium did not report are left as they are (a delta reports changes
/// only), and warehouses Flow masters never reach this stage.
///
/// After a full read (the mark carries `full`), every stock row of the Omnium-master warehouses the read
/// covered that it did not report is set to 0 (omnium-contract.md §8: a missing item is 0); the row stays,
/// see `CatalogueReconciliation`. The `omnium.inventory.modified` watermark, and after a full read the
/// `omnium.inventory.full` time, move after the last commit.
public struct LoadInventory: Stage {
    public let name = "load.inventory"
    public let version = 2
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.flowStock), .staged(CatalogueDatasets.omniumInventoryMark)]
    public let outputs: [Dataset] = [.external("flow.stock")]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// Staged products (each with its levels in every warehouse) per Flow-store transaction. Each commit of the
    /// Flow store is synced to disk (it keeps `synchronous = FULL`); at 1,000 levels a catalogue of 10,000
    /// products in 20 stores took 200 syncs for its stock alone, about 0.4 s of waiting. The chunk is one
    /// set-based statement, so its size costs no memory: 250 products are 5,000 levels at 20 stores.
    public var chunkSize = 250
    /// Stock rows per transaction when a full read's reconciliation sets levels to 0.
    public var reconciliationChunkSize = 5_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let mark = try CatalogueMark.read(CatalogueDatasets.omniumInventoryMark, from: context.staging)
        let staged = StagedKeys(storage: try context.staging.storageName(of: CatalogueDatasets.flowStock.name))
        // Asked before the upsert: when the warehouses a full read covers had no stock at all (a first load),
        // every row they have afterwards is one this read reported, and there is nothing to reconcile.
        let hadStock = try mark?.full.map { full in
            try context.flow.read { try StockTable.hasRows(inWarehouses: full.warehouseUids ?? [], in: $0) }
        } ?? true
        // The reconciliation runs in the same attachment as the upsert, which reports the keys it loads.
        let reconciling = hadStock ? mark?.full : nil
        let keep = Set((mark?.withheldSkus ?? []).compactMap(FlowUID.sanitize))
        let (loaded, reconciliation) = try context.flow.withStagingAttached(context.staging.databaseURL.path) {
            db -> (UpsertCounts, CatalogueReconciliation.Result?) in
            func upsert(reportingKeys: Bool) throws -> UpsertCounts {
                try StockTable.upsertStaged(staged, chunkSize: chunkSize, reportingKeys: reportingKeys, in: db) {
                    context.advance($0.inserted + $0.updated + $0.unchanged)
                }
            }
            guard let full = reconciling else { return (try upsert(reportingKeys: false), nil) }
            return try StockTable.withReportedKeys(in: db) {
                (try upsert(reportingKeys: true),
                 try CatalogueReconciliation.stock(context, full: full, staged: CatalogueDatasets.flowStock.name,
                                                   keepProducts: keep, chunkSize: reconciliationChunkSize, in: db))
            }
        }
        var counts = loaded
        let read = counts.inserted + counts.updated + counts.unchanged
        var notes = ["stock: \(counts)"]
        var reconciled = true
        if mark?.full != nil, !hadStock { notes.append(CatalogueReconciliation.nothingBeforeNote) }
        if let result = reconciliation {
            counts.updated += result.zeroed
            notes.append(result.note)
            reconciled = result.applied
        }
        if let moved = try context.advanceWatermark(mark) { notes.append(moved) }
        if let full = mark?.full, reconciled { notes.append(try context.recordFullRead(full)) }
        return StageOutcome(rowsRead: read, rowsWritten: counts.written, rowsUnchanged: counts.unchanged, notes: notes)
    }
}
