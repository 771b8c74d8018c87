import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// A Flow product with its images, as staged between `transform.products` and `load.products`.
struct FlowProductEntry: Codable, Sendable, Equatable {
    var product: FlowProduct
    var images: [FlowProductImage]
}

extension FlowProductEntry: StagedJSONDecodable {
    /// This entry's staged JSON, written by hand: the staging encoder's bytes (a test compares them), at a
    /// fraction of `JSONEncoder`'s cost.
    var stagedJSON: Data {
        var writer = StagedJSONWriter(capacity: 512 + (product.description?.utf8.count ?? 0) + 160 * images.count)
        writer.beginObject()
        writer.key("images")
        writer.list(images) { image, writer in image.writeStagedJSON(to: &writer) }
        writer.key("product")
        product.writeStagedJSON(to: &writer)
        writer.endObject()
        return writer.data
    }

    /// Reads ``stagedJSON`` back without `JSONDecoder`; nil when the bytes are not in its shape.
    init?(stagedJSON: Data) {
        var reader = StagedJSONReader(stagedJSON)
        reader.beginObject()
        guard reader.member("images") else { return nil }
        let images = reader.list { FlowProductImage(stagedJSON: &$0) }
        guard reader.member("product") else { return nil }
        let product = FlowProduct(stagedJSON: &reader)
        reader.endObject()
        guard reader.finished else { return nil }
        self.init(product: product, images: images)
    }
}

/// `transform.products`: Omnium product documents → Flow products (with barcodes and images), brands
/// and product groups, by `ProductMapping` (docs/mapping-catalogue.md).
///
/// Works in chunks of about `chunkSize` documents, each chunk's products appended to the pending
/// `flow.products` before the next is read, so memory holds one chunk. Brands and groups are small
/// and gathered across chunks: a brand's name is the spelling most products use, as in the mapping.
/// A product that fails validation is quarantined with its reason; a bad barcode is dropped and
/// reported while the product goes on (a field-dropped quarantine issue). Products that map leave the
/// quarantine: their withheld row and the dropped fields that now load are resolved.
public struct TransformProducts: Stage {
    public let name = "transform.products"
    public let version = 1
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.omniumProducts)]
    public let outputs: [Dataset] = [.staged(CatalogueDatasets.flowProducts), .staged(CatalogueDatasets.flowBrands),
                                     .staged(CatalogueDatasets.flowProductGroups)]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// Staged product documents per page. Why 200 (it was 500): up to three pages are in memory at once (read,
    /// prepared a page ahead, written), and a product decoded and mapped is several times its 3 KB of JSON; at
    /// 500 those pages were the largest blocks of a catalogue run, and how often they met another stage's
    /// made the peak memory grow with the catalogue (issue 8, docs/CONTRACTS.md "Memory").
    public var chunkSize = 200

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let settings = try context.configuration.catalogueMappingSettings()
        let staging = context.staging
        let open = try context.openQuarantineKeys(MappingIssue.Entity.product.rawValue)
        var brandVotes: [String: [String: Int]] = [:]
        var groups: [String: FlowProductGroup] = [:]
        var read = 0, quarantined = 0
        var resolved: [String] = []

        try staging.beginPending(CatalogueDatasets.flowProducts)
        let businessDate = context.businessDate
        try staging.forEachPage(CatalogueDatasets.omniumProducts, size: chunkSize, grouped: true, prepare: { page in
            let documents = page.map(\.record)
            let result = ProductMapping.map(documents, settings: settings, businessDate: businessDate)
            let imagesByProduct = Dictionary(grouping: result.images, by: \.productUid)
            let entries = result.products.map {
                FlowProductEntry(product: $0, images: imagesByProduct[$0.productUid] ?? [])
            }
            return (documents: documents, result: result,
                    // Hashed here, on the page-ahead worker, not under the staging connection's lock.
                    rows: entries.map { DatasetRow(key: $0.product.productUid, payload: $0.stagedJSON).digested() })
        }) { page in
            let (documents, result) = (page.documents, page.result)
            read += documents.count
            _ = try staging.appendPendingRows(CatalogueDatasets.flowProducts.name, rows: page.rows)
            let names = Dictionary(result.brands.map { ($0.brandUid, $0.name) }, uniquingKeysWith: { a, _ in a })
            for product in result.products {
                guard let brandUid = product.brandUid, let name = names[brandUid] else { continue }
                brandVotes[brandUid, default: [:]][name, default: 0] += 1
            }
            for group in result.productGroups { groups[group.productGroupUid] = group }

            quarantined += try context.quarantine(result.issues)
            if !open.isEmpty {
                // A product with only dropped fields loaded: it is settled (its other dropped fields resolve).
                let failed = Set(result.issues.filter { $0.outcome == .recordQuarantined }.map(\.recordKey))
                resolved += Self.recordKeys(documents).filter { open.contains($0) && !failed.contains($0) }
            }
        }
        let products = try staging.publishPending(CatalogueDatasets.flowProducts)
        try context.resolveQuarantine(entity: .product, keys: resolved)

        let brands = brandVotes.keys.sorted().map { uid in
            let spellings = brandVotes[uid] ?? [:]
            let name = spellings.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }
            return FlowBrand(brandUid: uid, name: name?.key ?? uid)
        }
        try staging.replaceDataset(CatalogueDatasets.flowBrands, records: brands, key: \.brandUid)
        try staging.replaceDataset(CatalogueDatasets.flowProductGroups, records: groups.values.sorted {
            $0.productGroupUid < $1.productGroupUid
        }, key: \.productGroupUid)

        var notes = ["\(products.rowCount) products, \(brands.count) brands, \(groups.count) product groups"]
        if !resolved.isEmpty { notes.append("\(resolved.count) product(s) left the quarantine") }
        return StageOutcome(rowsRead: read, rowsWritten: products.rowCount, quarantined: quarantined, notes: notes)
    }

    /// The keys the mapping reports products under (`skuId`, else `productId`), variants included.
    static func recordKeys(_ documents: [OmniumProduct]) -> [String] {
        documents.flatMap { document -> [String] in
            let own = [document.skuId, document.productId, document.id]
            let variants = (document.variants ?? []).flatMap { [$0.skuId, $0.productId] }
            return (own + variants).compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
        }
    }
}
