import FlowMapping
import Foundation
import Omnium
import Staging

/// `extract.products`: Omnium product documents changed since the last load into `omnium.products`.
///
/// Incremental by the `omnium.products.modified` watermark: `modifiedFrom = mark`, `ModifiedAscending`
/// (inclusive, so the products stamped exactly at the mark come again and are deduplicated by key and,
/// at the load, by content hash). No watermark = the first run = every product. Pages stream into the
/// pending dataset one scroll batch at a time; a scroll restart repeats batches, which the key absorbs.
/// Products still in quarantine are fetched again by id (at most `retryLimit`), so a fix in Omnium or
/// in the configuration reaches Flow without a change to the product. The latest `modified` read goes
/// to `omnium.products.mark`, which `load.products` stores after its commit.
///
/// Mid-stream checkpoints: each staged page records, in its own transaction, the latest `modified`
/// read so far. A rerun of this stage in the same run (`--resume` after a crash or a failure) keeps
/// the pages already staged and continues the scroll from that mark (inclusive, ascending), so it
/// asks Omnium only for what it had not read.
/// Spec: omnium-contract.md §3 (delta rule), §6; flow-integration.md §3.
public struct ExtractProducts: Stage {
    public let name = "extract.products"
    public let version = 1
    public let inputs: [Dataset] = [.remote("omnium.api.products")]
    public let outputs: [Dataset] = [.staged(CatalogueDatasets.omniumProducts),
                                     .staged(CatalogueDatasets.omniumProductsMark)]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// Quarantined products re-read per run, at most.
    public var retryLimit = 200

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let dataset = CatalogueDatasets.omniumProducts
        let mark = try context.watermarkDate(CatalogueStreams.products)
        let checkpoint = try context.staging.resumePending(dataset)
        var latest = LatestModified()
        latest.see(checkpoint.flatMap { OmniumDateFormat.date(from: $0.position) })
        let from = latest.date ?? mark.date
        var request = from.map(OmniumProductSearchRequest.modified(from:))
            ?? OmniumProductSearchRequest(isFacetsDisabled: true, sortOrder: OmniumSortOrder.modifiedAscending)
        if !context.configuration.marketIDs.isEmpty { request.marketIds = context.configuration.marketIDs }

        // Taken before the scroll: a product quarantined by this very read is not read twice.
        let retry = try context.openQuarantineKeys("product").sorted()
        var read = 0
        var undecodable = 0
        var pages = checkpoint?.pages ?? 0
        for try await batch in PagesAhead(context.omnium.scrollProductsAsReceived(request)) {
            read += batch.count
            pages += 1
            let items = batch.map(\.item)
            undecodable += try context.quarantine(items.undecodableRecords().map(Self.issue))
            for product in items.decodedRecords() { latest.see(product.modified) }
            _ = try context.staging.appendPendingRows(
                dataset, rows: ReceivedRecordRows.rows(batch, for: dataset, key: Self.key),
                checkpoint: latest.text.map { PendingCheckpoint(position: $0, rows: (checkpoint?.rows ?? 0) + read, pages: pages) })
            context.advance(read)
        }
        var notes = [mark.date == nil ? "full load" : "changed since \(mark.text ?? "")"]
        if let checkpoint {
            notes.append("resumed from checkpoint \(checkpoint.position) after \(checkpoint.pages) staged page(s)")
        }

        // MARK: Retry quarantined products
        var retried = 0
        for key in retry.prefix(retryLimit) {
            do {
                switch try await context.omnium.productRecord(id: key) {
                case .decoded(let product):
                    _ = try context.staging.appendPending(dataset, records: [product], key: Self.key)
                    retried += 1
                case .undecodable(let failure):
                    undecodable += try context.quarantine([Self.issue(failure, key: key)])
                }
            } catch let error as OmniumError {
                context.log.warning("quarantined product not re-read",
                                    ["stage": name, "record": key, "error": error.description])
            }
        }
        if !retry.isEmpty { notes.append("re-read \(retried) of \(retry.count) quarantined product(s)") }

        // MARK: Products with non-purchasable assortment codes
        // Their codes' validity windows open and close with time, not with a change in Omnium, so the
        // delta would never bring them back on the day a window starts or ends: read them every run
        // (usually few; unchanged ones cost no write at the load, which compares content hashes).
        let codes = context.configuration.nonPurchasableAssortmentCodes
        if mark.date != nil, !codes.isEmpty {
            var windowed = OmniumProductSearchRequest(isFacetsDisabled: true, sortOrder: OmniumSortOrder.modifiedAscending)
            windowed.assortmentCodeIds = codes
            if !context.configuration.marketIDs.isEmpty { windowed.marketIds = context.configuration.marketIDs }
            var reread = 0
            for try await batch in context.omnium.scrollProducts(windowed) {
                let page: [OmniumProduct] = batch.decodedRecords()
                undecodable += try context.quarantine(batch.undecodableRecords().map(Self.issue))
                _ = try context.staging.appendPending(dataset, records: page, key: Self.key)
                reread += page.count
            }
            if reread > 0 { notes.append("re-read \(reread) product(s) with non-purchasable assortment codes (validity windows)") }
        }

        if undecodable > 0 { notes.append("\(undecodable) product(s) did not decode (quarantined with their JSON)") }

        let summary = try context.staging.publishPending(dataset)
        try CatalogueMark(stream: CatalogueStreams.products, previous: mark.text, latest: latest.text)
            .write(CatalogueDatasets.omniumProductsMark, to: context.staging)
        return StageOutcome(rowsRead: read + retried, rowsWritten: summary.rowCount, quarantined: undecodable,
                            notes: notes)
    }

    /// A product Omnium sent that the model cannot read: quarantined under the key the mapping uses
    /// (`skuId`, else `productId`, else `id`), so the retry above re-reads it by id and a fixed
    /// product leaves the quarantine when it maps (`transform.products`).
    static func issue(_ failure: OmniumUndecodableRecord) -> MappingIssue {
        issue(failure, key: failure.key(["skuId", "productId", "id"]) ?? "(no id)")
    }

    static func issue(_ failure: OmniumUndecodableRecord, key: String) -> MappingIssue {
        MappingIssue(entity: .product, recordKey: key, reason: failure.description, sourcePayload: failure.rawJSON)
    }

    /// `<productId>␟<id>`: language copies and variants of one product sort together, so the
    /// transform maps them in one chunk (language copies collapse to the latest).
    static func key(_ product: OmniumProduct) -> String {
        let document = product.id ?? product.skuId ?? product.productId ?? ""
        return CatalogueDatasets.key(group: product.productId ?? product.id ?? product.skuId ?? "", document)
    }
}
