import FlowStore
import Foundation

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
enum CatalogueReconciliation {
    /// What a removal step did: rows removed or zeroed, whether it ran, the stage note.
    struct Result {
        var removed = 0
        var zeroed = 0
        var applied = true
        var note: String
    }

    static let skippedNote = "full read returned nothing; reconciliation skipped"

    // MARK: - Prices

    /// `keepProducts`: product UIDs whose pairs are never removed this time (an unreadable record of theirs).
    static func prices(_ context: StageContext, full: CatalogueMark.FullRead, seen: Set<FlowPriceKey>,
                       keepProducts: Set<String> = [], chunkSize: Int) throws -> Result {
        let stale = try context.flow.read { db in try PricesTable.storedKeys(in: db) }
            .filter { !seen.contains($0) && !keepProducts.contains($0.productUid) }
        if (full.recordsRead == 0 || seen.isEmpty) && !stale.isEmpty {
            return refuse(context, entity: "prices", kept: stale.count)
        }
        var removed = 0
        for chunk in ExtractInventory.chunks(stale, size: chunkSize) {
            removed += try context.flow.write { db in try PricesTable.delete(keys: chunk, in: db) }
        }
        if removed > 0 {
            context.log.info("prices reconciled", ["stage": context.stageName, "pairs": "\(stale.count)",
                                                   "periods": "\(removed)"])
        }
        return Result(removed: removed, note: "reconciled: \(removed) prices removed (\(stale.count) price list/product pairs)")
    }

    // MARK: - Stock

    /// `keepProducts`: product UIDs whose rows are never zeroed this time (an unreadable record of theirs).
    static func stock(_ context: StageContext, full: CatalogueMark.FullRead, seen: Set<FlowStockKey>,
                      keepProducts: Set<String> = [], chunkSize: Int) throws -> Result {
        let warehouses = full.warehouseUids ?? []
        let stale = try context.flow.read { db in try StockTable.nonZeroKeys(warehouseUids: warehouses, in: db) }
            .filter { !seen.contains($0) && !keepProducts.contains($0.productUid) }
        if (full.recordsRead == 0 || seen.isEmpty) && !stale.isEmpty {
            return refuse(context, entity: "stock", kept: stale.count)
        }
        var zeroed = 0
        for chunk in ExtractInventory.chunks(stale, size: chunkSize) {
            let levels = chunk.map { FlowStock(warehouseUid: $0.warehouseUid, productUid: $0.productUid, quantity: 0, reserved: 0) }
            zeroed += try context.flow.write { db in try StockTable.upsert(levels, in: db) }.updated
        }
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
