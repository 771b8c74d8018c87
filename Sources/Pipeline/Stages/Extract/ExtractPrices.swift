import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// `extract.prices`: every Omnium price of the SKUs whose prices changed since the last load, into
/// `omnium.prices`.
///
/// Why two steps: `PriceMapping` replaces each (price list, product) with what it is given, so it must
/// see **all** prices of a SKU, not only the changed one. The delta (`lastModified = mark`, inclusive)
/// names the changed SKUs; their prices are then re-read by `productCodes`, `codesPerRequest` at a time.
/// No watermark = the first run = every price (`lastModified` at the epoch, Omnium wants one filter).
/// The same full read happens when the last one is older than `OMNIFLOW_FULL_RECONCILIATION_HOURS`;
/// the mark then carries `full`, and `load.prices` removes what Omnium no longer has
/// (docs/mapping-catalogue.md "Full reconciliation").
/// SKUs whose prices wait in quarantine are re-read too. A row holds one SKU's prices of one answer page, as
/// a JSON list of the prices as Omnium sent them, keyed `<sku>␟<page>`
/// (``ReceivedRecordRows/groupedRows(_:page:for:group:)``), so one SKU's prices stay together for the
/// chunked transform, which keeps one of equal prices (``key(_:)``: a repeated scroll batch collapses).
/// Spec: omnium-contract.md §3, §7; docs/mapping-catalogue.md "Price resolution".
public struct ExtractPrices: Stage {
    public let name = "extract.prices"
    /// 4: a SKU's prices of one answer page staged as one row, as Omnium sent them.
    public let version = 4
    public let inputs: [Dataset] = [.remote("omnium.api.prices")]
    public let outputs: [Dataset] = [.staged(CatalogueDatasets.omniumPrices), .staged(CatalogueDatasets.omniumPricesMark)]
    public let concurrency = StageConcurrency.besideIndependentStages
    public var codesPerRequest = 200
    /// Omnium's `scrollSize` (≤ 20,000): its default, 1,000. Why not more: an answer is held several times
    /// over while it is cut, decoded, grouped and staged, with the next one read ahead; at 5,000 prices (about
    /// 2.7 MB an answer) the client's peak memory grew with the catalogue (10,000 products 81–87 MiB, 100,000
    /// products 94 MiB); at 1,000 it fell to 73–74 and 78.5 MiB, for the same CPU (issue 8).
    public var scrollSize = 1_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let dataset = CatalogueDatasets.omniumPrices
        let mark = try context.watermarkDate(CatalogueStreams.prices)
        let staging = context.staging
        try staging.beginPending(dataset)
        var latest = LatestModified()
        var read = 0, pages = 0
        var notes: [String] = []
        let startedAt = OmniumDateFormat.string(from: context.now)
        let full = try mark.date == nil || context.fullReadDue(CatalogueStreams.pricesFull)
        var unreadable = try UnreadableCatalogueRecords(entity: .unreadablePrice, context: context)

        if !full, let from = mark.date {
            // MARK: Delta: which SKUs changed
            var changed = Set<String>()
            for try await batch in PagesAhead(context.omnium.searchPricesAsReceived(
                OmniumPriceSearchRequest(lastModified: from, scrollSize: scrollSize))) {
                read += batch.count
                let page = try unreadable.take(batch.map(\.item), context, sku: \.code)
                context.advance(read)
                for price in page {
                    latest.see(price.modified)
                    if let code = price.code, !code.isEmpty { changed.insert(code) }
                }
                // A price without a SKU cannot be re-read; stage it so the transform quarantines it.
                let withoutSku = batch.filter { $0.item.record.map { ($0.code ?? "").isEmpty } ?? false }
                pages += 1
                _ = try staging.appendPendingRows(dataset.name, rows: Self.rows(withoutSku, page: pages))
            }
            // An unreadable price's SKU is read whole again (its readable prices still load).
            changed.formUnion(unreadable.withheldSkus)
            let retry = try context.openQuarantineKeys("price").union(unreadable.open).subtracting(changed)
            notes.append("\(changed.count) SKU(s) with changed prices since \(mark.text ?? "")"
                         + (retry.isEmpty ? "" : ", \(retry.count) quarantined SKU(s) retried"))

            // MARK: Every price of those SKUs
            let codes = Array(changed.union(retry)).sorted()
            for start in stride(from: 0, to: codes.count, by: codesPerRequest) {
                let chunk = Array(codes[start..<min(start + codesPerRequest, codes.count)])
                for try await batch in PagesAhead(context.omnium.searchPricesAsReceived(
                    OmniumPriceSearchRequest(productCodes: chunk, scrollSize: scrollSize))) {
                    read += batch.count
                    _ = try unreadable.take(batch.map(\.item), context, sku: \.code)
                    context.advance(read)
                    pages += 1
                    _ = try staging.appendPendingRows(dataset.name, rows: Self.rows(batch, page: pages))
                }
            }
        } else {
            // MARK: Full load
            notes.append(mark.date == nil ? "full load" : "full read (reconciliation)")
            for try await batch in PagesAhead(context.omnium.searchPricesAsReceived(
                OmniumPriceSearchRequest(lastModified: Date(timeIntervalSince1970: 0), scrollSize: scrollSize))) {
                read += batch.count
                let page = try unreadable.take(batch.map(\.item), context, sku: \.code)
                context.advance(read)
                for price in page { latest.see(price.modified) }
                pages += 1
                _ = try staging.appendPendingRows(dataset.name, rows: Self.rows(batch, page: pages))
            }
        }

        let summary = try staging.publishPending(dataset)
        let fullRead = full ? CatalogueMark.FullRead(stream: CatalogueStreams.pricesFull, at: startedAt,
                                                     recordsRead: read) : nil
        try CatalogueMark(stream: CatalogueStreams.prices, previous: mark.text, latest: latest.text, full: fullRead,
                          withheldSkus: unreadable.markValue)
            .write(CatalogueDatasets.omniumPricesMark, to: staging)
        if let note = unreadable.note("price(s)", resolved: try unreadable.resolve(context)) { notes.append(note) }
        return StageOutcome(rowsRead: read, rowsWritten: summary.rowCount, notes: notes)
    }

    /// A page's rows: one per SKU, keyed `<sku>␟<page>`.
    static func rows(_ batch: [OmniumReceivedRecord<OmniumPrice>], page: Int) throws -> [DatasetRow] {
        try ReceivedRecordRows.groupedRows(batch, page: page, for: CatalogueDatasets.omniumPrices) { $0.code ?? "" }
    }

    /// `<sku>␟<fingerprint of the price's values>` (Omnium prices have no id of their own): `transform.prices`
    /// keeps one of equal prices whatever bytes Omnium chose for them (member order, `12.50` or `12.5`), and
    /// gives a SKU's prices to the mapping in this key's order, as when it was the staged row's key. Every
    /// member goes in, in a fixed order, with its absence; amounts as `Decimal`'s canonical text (so `12.50`
    /// and `12.5` are one value), dates as their exact instant.
    static func key(_ price: OmniumPrice) -> String {
        var hasher = ContentHasher()
        for text in [price.code, price.productId, price.marketId, price.marketGroupId, price.storeId, price.currencyCode,
                     price.customerId, price.customerGroup, price.priceListId, price.priceType, price.promotionId,
                     price.promotionName, price.unit] {
            hasher.combine(text)
        }
        for amount in [price.unitPrice, price.originalUnitPrice, price.discountAmount, price.discountPercent,
                       price.recommendedRetailPrice, price.cost, price.minQuantity, price.taxRate] {
            // `DecimalParts` writes `description`'s text without Foundation's long division (a third of this stage).
            hasher.combine(amount.map { DecimalParts($0)?.description ?? "\($0)" })
        }
        for instant in [price.validFrom, price.validUntil, price.modified] {
            hasher.combine(instant.map { Int64(bitPattern: $0.timeIntervalSinceReferenceDate.bitPattern) })
        }
        hasher.combine(price.isTaxExcluded)
        return CatalogueDatasets.key(group: price.code ?? "", hasher.finalize().description)
    }
}
