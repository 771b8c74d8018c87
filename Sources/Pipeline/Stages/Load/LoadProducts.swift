import FlowStore
import Foundation

/// `load.products`: brands, product groups, then products with their barcodes and images into the Flow
/// store, `chunkSize` products per transaction, writing only rows whose content hash changed.
///
/// After the last commit the `omnium.products.modified` watermark moves to the latest `modified` the
/// extract read; a crash before that re-reads the same products next time (the upserts make it harmless).
public struct LoadProducts: Stage {
    public let name = "load.products"
    public let version = 1
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.flowProducts), .staged(CatalogueDatasets.flowBrands),
                                    .staged(CatalogueDatasets.flowProductGroups),
                                    .staged(CatalogueDatasets.omniumProductsMark)]
    public let outputs: [Dataset] = [.external("flow.products")]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// Products per Flow-store transaction (and per page of staged entries). 400, not 1,000, for the same
    /// reason as ``TransformProducts/chunkSize``: smaller pages in memory.
    public var chunkSize = 400

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        var brands: [FlowBrand] = []
        var groups: [FlowProductGroup] = []
        try context.staging.forEachRecord(CatalogueDatasets.flowBrands) { brands.append($1) }
        try context.staging.forEachRecord(CatalogueDatasets.flowProductGroups) {
            groups.append($1)
        }
        var brandCounts = UpsertCounts(), groupCounts = UpsertCounts()
        try context.flow.write { db in
            brandCounts = try BrandsTable.upsert(brands, in: db)
            groupCounts = try BrandsTable.upsert(groups, in: db)
        }

        var productCounts = UpsertCounts(), imageCounts = UpsertCounts()
        var read = 0
        try context.staging.forEachPage(CatalogueDatasets.flowProducts, size: chunkSize) { page in
            read += page.count
            defer { context.advance(read) }
            try context.flow.write { db in
                let written = try ProductsTable.upsertWithImages(page.map(\.record.product),
                                                                 images: page.flatMap(\.record.images), in: db)
                productCounts += written.products
                imageCounts += written.images
            }
        }

        var notes = ["products: \(productCounts)", "images: \(imageCounts)", "brands: \(brandCounts)",
                     "product groups: \(groupCounts)"]
        if let moved = try context.advanceWatermark(CatalogueMark.read(CatalogueDatasets.omniumProductsMark,
                                                                       from: context.staging)) {
            notes.append(moved)
        }
        let total = productCounts + imageCounts + brandCounts + groupCounts
        return StageOutcome(rowsRead: read, rowsWritten: total.written, rowsUnchanged: total.unchanged, notes: notes)
    }
}
