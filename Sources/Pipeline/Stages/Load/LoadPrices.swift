import FlowMapping
import FlowStore
import Foundation

/// `load.prices`: price lists, then each (list, product)'s periods replaced by the transformed ones,
/// `chunkSize` pairs per transaction; unchanged periods are not rewritten.
///
/// After a full read (the mark carries `full`), every stored (list, product) of the lists omniflow
/// manages that the read did not yield is deleted: Omnium no longer prices it, and a stale price must
/// not stay on the till. A full read that yielded nothing while Flow has prices removes nothing (see
/// `CatalogueReconciliation`). The `omnium.prices.modified` watermark, and after a full read the
/// `omnium.prices.full` time, move after the last commit.
public struct LoadPrices: Stage {
    public let name = "load.prices"
    public let version = 1
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.flowPrices), .staged(CatalogueDatasets.flowPriceLists),
                                    .staged(CatalogueDatasets.omniumPricesMark)]
    public let outputs: [Dataset] = [.external("flow.prices")]
    public let concurrency = StageConcurrency.besideIndependentStages
    public var chunkSize = 1_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let mark = try CatalogueMark.read(CatalogueDatasets.omniumPricesMark, from: context.staging)
        var lists: [FlowPriceList] = []
        try context.staging.forEachRecord(CatalogueDatasets.flowPriceLists) { lists.append($1) }
        let listCounts = try context.flow.write { db in try PricesTable.upsert(lists, in: db) }

        var priceCounts = UpsertCounts()
        var read = 0
        var sawPrices = false
        try context.staging.forEachPage(CatalogueDatasets.flowPrices, size: chunkSize) { page in
            read += page.count
            defer { context.advance(read) }
            if !sawPrices { sawPrices = page.contains { !$0.record.periods.isEmpty } }
            try context.flow.write { db in
                priceCounts += try PricesTable.replace(page.flatMap(\.record.periods), forKeys: page.map(\.record.key),
                                                       in: db)
            }
        }

        var notes = ["prices: \(priceCounts)", "price lists: \(listCounts)"]
        var reconciled = true
        if let full = mark?.full {
            let keep = Set((mark?.withheldSkus ?? []).compactMap(FlowUID.sanitize))
            let result = try CatalogueReconciliation.prices(context, full: full, staged: CatalogueDatasets.flowPrices,
                                                            sawPrices: sawPrices, keepProducts: keep,
                                                            chunkSize: chunkSize)
            priceCounts.deleted += result.removed
            notes.append(result.note)
            reconciled = result.applied
        }
        if let moved = try context.advanceWatermark(mark) { notes.append(moved) }
        if let full = mark?.full, reconciled { notes.append(try context.recordFullRead(full)) }
        let total = priceCounts + listCounts
        return StageOutcome(rowsRead: read, rowsWritten: total.written, rowsUnchanged: total.unchanged, notes: notes)
    }
}
