import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// `transform.inventory`: Omnium inventory items → Flow stock levels by `StockMapping`, with the
/// warehouse look-up the extract staged (so both stages agree on which stock Omnium masters).
///
/// Chunks never split a SKU, so web warehouses summed into `FlowWebWarehouse` are summed whole.
public struct TransformInventory: Stage {
    public let name = "transform.inventory"
    public let version = 1
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.omniumInventory),
                                    .staged(CatalogueDatasets.inventoryWarehouses)]
    public let outputs: [Dataset] = [.staged(CatalogueDatasets.flowStock)]
    public let concurrency = StageConcurrency.besideIndependentStages
    public var chunkSize = 2_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let settings = try context.configuration.catalogueMappingSettings()
        let staging = context.staging
        var warehouses: [String: StockWarehouse] = [:]
        try staging.forEachRecord(CatalogueDatasets.inventoryWarehouses) { _, entry in
            warehouses[entry.warehouseCode] = entry.warehouse
        }
        var skipped: [String: Int] = [:]
        var read = 0, quarantined = 0

        try staging.beginPending(CatalogueDatasets.flowStock)
        let lookup = warehouses
        try staging.forEachPage(CatalogueDatasets.omniumInventory, size: chunkSize, grouped: true, prepare: { page in
            let result = StockMapping.map(page.map(\.record), warehouses: lookup, settings: settings)
            return (read: page.count, result: result, rows: Self.rows(result.stock))
        }) { page in
            read += page.read
            _ = try staging.appendPendingRows(CatalogueDatasets.flowStock, rows: page.rows)
            for (reason, count) in page.result.skipped { skipped[reason, default: 0] += count }
            quarantined += try context.quarantine(page.result.issues)
        }
        let stock = try staging.publishPending(CatalogueDatasets.flowStock)
        let notes = ["\(stock.rowCount) stock level(s)"]
            + skipped.sorted { $0.key < $1.key }.map { "skipped \($0.value): \($0.key)" }
        return StageOutcome(rowsRead: read, rowsWritten: stock.rowCount, quarantined: quarantined, notes: notes)
    }

    /// Each level keyed `<warehouse>␟<product>`, its JSON written by hand (``HashedRecord/stagedJSON``), and
    /// its digest computed (this runs on the page-ahead worker, not under the staging connection's lock).
    static func rows(_ stock: [FlowStock]) -> [DatasetRow] {
        stock.map { level in
            DatasetRow(key: CatalogueDatasets.key(group: level.warehouseUid, level.productUid),
                       payload: HashedRecord(level).stagedJSON).digested()
        }
    }
}
