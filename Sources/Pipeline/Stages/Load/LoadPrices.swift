import FlowStore
import Foundation

/// `load.prices`: price lists, then each (list, product)'s periods replaced by the transformed ones,
/// `chunkSize` pairs per transaction; unchanged periods are not rewritten.
///
/// The `omnium.prices.modified` watermark moves after the last commit.
public struct LoadPrices: Stage {
    public let name = "load.prices"
    public let version = 1
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.flowPrices), .staged(CatalogueDatasets.flowPriceLists),
                                    .staged(CatalogueDatasets.omniumPricesMark)]
    public let outputs: [Dataset] = [.external("flow.prices")]
    public var chunkSize = 1_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var lists: [FlowPriceList] = []
        try context.staging.forEachRecord(CatalogueDatasets.flowPriceLists, as: FlowPriceList.self) { lists.append($1) }
        let listCounts = try context.flow.write { db in try PricesTable.upsert(lists, in: db) }

        var priceCounts = UpsertCounts()
        var read = 0
        try context.staging.forEachPage(CatalogueDatasets.flowPrices, as: FlowPriceEntry.self, size: chunkSize) { page in
            read += page.count
            try context.flow.write { db in
                priceCounts += try PricesTable.replace(page.flatMap(\.record.periods), forKeys: page.map(\.record.key),
                                                       in: db)
            }
        }

        var notes = ["prices: \(priceCounts)", "price lists: \(listCounts)"]
        if let moved = try context.advanceWatermark(CatalogueMark.read(CatalogueDatasets.omniumPricesMark,
                                                                       from: context.staging)) {
            notes.append(moved)
        }
        let total = priceCounts + listCounts
        return StageOutcome(rowsRead: read, rowsWritten: total.written, rowsUnchanged: total.unchanged, notes: notes)
    }
}
