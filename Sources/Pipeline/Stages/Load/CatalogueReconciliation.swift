import FlowStore
import Foundation
import SQLite
import Staging

/// The removal step of a full read (`OMNIFLOW_FULL_RECONCILIATION_HOURS`): what Flow has and the full
/// read did not yield is stale, because a delta by `lastModified` never sees a deletion in Omnium.
///
/// Prices: the (price list, product) pairs of the lists omniflow manages that the read did not yield
/// are deleted. Stock: the rows of the Omnium-master warehouses the read covered that it did not report
/// are set to quantity 0 / reserved 0, not deleted: omnium-contract.md §8 says a missing item is 0, and
/// Flow keeps the row (the product is still sold there; the level is 0). Flow-master warehouses are
/// never in scope.
///
/// Safety rule: a full read that yielded nothing while Flow has rows in scope removes nothing (an
/// Omnium outage or a wrong market or warehouse setting looks exactly like "nothing exists"); it is
/// logged as a warning and the full-read time is not recorded, so the next run reads whole again.
/// Each change runs in transactions of `chunkSize` keys. Spec: docs/mapping-catalogue.md "Full reconciliation".
///
/// Why in SQL: "what did the read not yield" is asked of the Flow store with the run's `staging.db`
/// attached (`NOT EXISTS` against the staged keys, page by page; for stock against a temporary table of the
/// keys the load just upserted, `StockTable.withReportedKeys`), so no set of every key read or stored is held in
/// memory; at 100,000 products × 20 stores those sets alone grew past the memory goal (issue 8).
enum CatalogueReconciliation {
    /// What a removal step did: rows removed or zeroed, whether it ran, the stage note.
    struct Result {
        var removed = 0
        var zeroed = 0
        var applied = true
        var note: String
    }

    static let skippedNote = "full read returned nothing; reconciliation skipped"
    /// `load.inventory`'s note when the warehouses a full read covered had no stock before the load: each row
    /// they have now was reported by the read, so none is looked for (at 100,000 products × 20 stores the
    /// search is 2 million look-ups in the staged keys).
    static let nothingBeforeNote = "reconciled: 0 stock rows zeroed (no stock in these warehouses before this load)"

    // MARK: - Prices

    /// `staged`: the run's `flow.prices` (what the full read yielded); `sawPrices`: whether any staged pair
    /// had a period. `keepProducts`: product UIDs whose pairs are never removed this time (an unreadable
    /// record of theirs).
    static func prices(_ context: StageContext, full: CatalogueMark.FullRead, staged: DatasetKey<FlowPriceEntry>,
                       sawPrices: Bool, keepProducts: Set<String> = [], chunkSize: Int) throws -> Result {
        let keys = StagedKeys(storage: try context.staging.storageName(of: staged.name))
        return try context.flow.withStagingAttached(context.staging.databaseURL.path) { db in
            var pairs = 0, removed = 0
            let refused = full.recordsRead == 0 || !sawPrices
            var after: FlowPriceKey?
            while true {
                let page = try db.inTransaction(.deferred) {
                    try PricesTable.unreportedKeys(notIn: keys, after: after, limit: chunkSize, in: db)
                }
                guard let last = page.last else { break }
                after = last
                let stale = page.filter { !keepProducts.contains($0.productUid) }
                pairs += stale.count
                if !refused, !stale.isEmpty {
                    removed += try db.inTransaction { try PricesTable.delete(keys: stale, in: db) }
                }
            }
            if refused && pairs > 0 { return refuse(context, entity: "prices", kept: pairs) }
            if removed > 0 {
                context.log.info("prices reconciled", ["stage": context.stageName, "pairs": "\(pairs)",
                                                       "periods": "\(removed)"])
            }
            return Result(removed: removed, note: "reconciled: \(removed) prices removed (\(pairs) price list/product pairs)")
        }
    }

    // MARK: - Stock

    /// `staged`: the name of the run's `flow.stock` (what the full read reported). `keepProducts`: product UIDs whose
    /// rows are never zeroed this time (an unreadable record of theirs). Runs on `db`, the Flow store with the
    /// staging attached, inside `StockTable.withReportedKeys(in:_:)` after the upsert that reported the keys
    /// (`load.inventory`), so the staged levels are read once for both.
    static func stock(_ context: StageContext, full: CatalogueMark.FullRead, staged: String,
                      keepProducts: Set<String> = [], chunkSize: Int, in db: Database) throws -> Result {
        let refused = try full.recordsRead == 0 || context.staging.count(staged) == 0
        var stale = 0, zeroed = 0
        var after: FlowStockKey?
        while true {
            let page = try db.inTransaction(.deferred) {
                try StockTable.unreportedNonZeroKeys(warehouseUids: full.warehouseUids ?? [], after: after,
                                                     limit: chunkSize, in: db)
            }
            guard let last = page.last else { break }
            after = last
            let levels = page.filter { !keepProducts.contains($0.productUid) }
                .map { FlowStock(warehouseUid: $0.warehouseUid, productUid: $0.productUid, quantity: 0, reserved: 0) }
            stale += levels.count
            if !refused, !levels.isEmpty {
                zeroed += try db.inTransaction { try StockTable.upsert(levels, in: db) }.updated
            }
        }
        if refused && stale > 0 { return refuse(context, entity: "stock", kept: stale) }
        if zeroed > 0 {
            context.log.info("stock reconciled", ["stage": context.stageName, "zeroed": "\(zeroed)"])
        }
        return Result(zeroed: zeroed, note: "reconciled: \(zeroed) stock rows zeroed")
    }

    // MARK: - Safety

    private static func refuse(_ context: StageContext, entity: String, kept: Int) -> Result {
        context.log.warning(skippedNote, ["stage": context.stageName, "entity": entity, "kept": "\(kept)"])
        return Result(applied: false, note: "\(skippedNote) (\(kept) \(entity) key(s) kept)")
    }
}
