import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// `transform.inventory`: Omnium inventory items → Flow stock levels by `StockMapping`, with the
/// warehouse look-up the extract staged (so both stages agree on which stock Omnium masters).
///
/// Chunks never split a SKU, so web warehouses summed into `FlowWebWarehouse` are summed whole. A SKU's
/// staged rows (one per answer page that held it) are read together, in page order: an item for a warehouse
/// read again replaces the earlier one, as a record staged again under its key did before. The levels
/// are staged one row per product (all its warehouses), not one per level: a catalogue of 100,000 products in
/// 20 stores stages 100,000 rows instead of 2 million. Two SKUs that map to one Flow product (`" A"` and `"A"`)
/// may stand in different chunks; the second's levels are merged into the product's row, a warehouse
/// staged again replacing the earlier level, as a later record does everywhere in staging.
public struct TransformInventory: Stage {
    public let name = "transform.inventory"
    public let version = 3
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.omniumInventory),
                                    .staged(CatalogueDatasets.inventoryWarehouses)]
    public let outputs: [Dataset] = [.staged(CatalogueDatasets.flowStock)]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// Staged rows (a SKU's items of one answer page, about 20 in a 20-store chain) per chunk.
    public var chunkSize = 200

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let settings = try context.configuration.catalogueMappingSettings()
        let staging = context.staging
        var warehouses: [String: StockWarehouse] = [:]
        try staging.forEachRecord(CatalogueDatasets.inventoryWarehouses) { _, entry in
            warehouses[entry.warehouseCode] = entry.warehouse
        }
        var skipped: [String: Int] = [:]
        var read = 0, quarantined = 0, levels = 0

        try staging.beginPending(CatalogueDatasets.flowStock)
        let lookup = warehouses
        try staging.forEachPage(CatalogueDatasets.omniumInventory, size: chunkSize, grouped: true, prepare: { page in
            let items = Self.items(page)
            let result = StockMapping.map(items, warehouses: lookup, settings: settings)
            return (read: items.count, result: result, rows: Self.rows(result.stock))
        }) { page in
            read += page.read
            levels += page.result.stock.count
            _ = try staging.appendPendingRows(CatalogueDatasets.flowStock.name, rows: page.rows) { productUid, old, new in
                let merged = try Self.merge(old, new, productUid: productUid)
                levels -= merged.replaced
                return merged.payload
            }
            for (reason, count) in page.result.skipped { skipped[reason, default: 0] += count }
            quarantined += try context.quarantine(page.result.issues)
        }
        let stock = try staging.publishPending(CatalogueDatasets.flowStock)
        let notes = ["\(levels) stock level(s) of \(stock.rowCount) product(s)"]
            + skipped.sorted { $0.key < $1.key }.map { "skipped \($0.value): \($0.key)" }
        return StageOutcome(rowsRead: read, rowsWritten: levels, quarantined: quarantined, notes: notes)
    }

    /// The items of a chunk's staged rows, SKU by SKU: each SKU's rows (in page order) flattened, an item
    /// for a warehouse repeated later replacing the earlier one in its place.
    static func items(_ rows: [(key: String, record: OmniumRecordList<OmniumInventoryItem>)]) -> [OmniumInventoryItem] {
        var items: [OmniumInventoryItem] = []
        items.reserveCapacity(rows.reduce(0) { $0 + $1.record.items.count })
        var group: Substring?
        var positions: [String: Int] = [:]
        for row in rows {
            let sku = CatalogueDatasets.group(ofKey: row.key)
            if sku != group {
                group = sku
                positions.removeAll(keepingCapacity: true)
            }
            for item in row.record.items {
                let warehouse = item.warehouseCode ?? ""
                if let position = positions[warehouse] {
                    items[position] = item
                } else {
                    positions[warehouse] = items.count
                    items.append(item)
                }
            }
        }
        return items
    }

    /// One row per product, keyed by its UID: its levels by warehouse UID, their JSON written by hand
    /// (``HashedRecord/stagedJSONList(_:)``), and the row's digest computed (this runs on the page-ahead
    /// worker, not under the staging connection's lock).
    static func rows(_ stock: [FlowStock]) -> [DatasetRow] {
        var byProduct: [String: [HashedRecord<FlowStock>]] = [:]
        for level in stock { byProduct[level.productUid, default: []].append(HashedRecord(level)) }
        // In key order (SQLite's byte order), so the page's rows go into the staging B-tree one after another.
        return byProduct.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { productUid, levels in
            DatasetRow(key: productUid, payload: HashedRecord.stagedJSONList(Self.byWarehouse(levels))).digested()
        }
    }

    /// A product's row staged before (`old`) with one staged again (`new`): each warehouse's level from
    /// `new` when it has one, else from `old`; how many of `old`'s levels `new` replaced.
    static func merge(_ old: Data, _ new: Data, productUid: String) throws -> (payload: Data, replaced: Int) {
        let earlier = try HashedRecord.levels(stagedJSONList: old, productUid: productUid)
        let fresh = try HashedRecord.levels(stagedJSONList: new, productUid: productUid)
        let warehouses = Set(fresh.map(\.record.warehouseUid))
        let kept = earlier.filter { !warehouses.contains($0.record.warehouseUid) }
        let replaced = earlier.count - kept.count
        return (HashedRecord.stagedJSONList(byWarehouse(kept + fresh)), replaced)
    }

    private static func byWarehouse(_ levels: [HashedRecord<FlowStock>]) -> [HashedRecord<FlowStock>] {
        levels.count < 2 ? levels : levels.sorted { $0.record.warehouseUid.utf8.lexicographicallyPrecedes($1.record.warehouseUid.utf8) }
    }
}
