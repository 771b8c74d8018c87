import FlowStore
import Foundation

/// `load.inventory`: stock levels into the Flow store, `chunkSize` per transaction, writing only levels
/// that changed. Levels Omnium did not report are left as they are (a delta reports changes only), and
/// warehouses Flow masters never reach this stage. The `omnium.inventory.modified` watermark moves
/// after the last commit.
public struct LoadInventory: Stage {
    public let name = "load.inventory"
    public let version = 1
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.flowStock), .staged(CatalogueDatasets.omniumInventoryMark)]
    public let outputs: [Dataset] = [.external("flow.stock")]
    public var chunkSize = 1_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var counts = UpsertCounts()
        var read = 0
        try context.staging.forEachPage(CatalogueDatasets.flowStock, as: FlowStock.self, size: chunkSize) { page in
            read += page.count
            try context.flow.write { db in counts += try StockTable.upsert(page.map(\.record), in: db) }
        }
        var notes = ["stock: \(counts)"]
        if let moved = try context.advanceWatermark(CatalogueMark.read(CatalogueDatasets.omniumInventoryMark,
                                                                       from: context.staging)) {
            notes.append(moved)
        }
        return StageOutcome(rowsRead: read, rowsWritten: counts.written, rowsUnchanged: counts.unchanged, notes: notes)
    }
}
