import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// The periods one (price list, product) is to have, as staged between `transform.prices` and
/// `load.prices`; empty `periods` = every period ended, the stored ones go.
struct FlowPriceEntry: Codable, Sendable, Equatable {
    var key: FlowPriceKey
    var periods: [FlowPrice]
}

extension FlowPriceEntry: StagedJSONDecodable {
    /// This entry's staged JSON, written by hand: the staging encoder's bytes (a test compares them), at a
    /// fraction of `JSONEncoder`'s cost.
    var stagedJSON: Data {
        var writer = StagedJSONWriter(capacity: 96 + 160 * periods.count)
        writer.beginObject()
        writer.key("key")
        key.writeStagedJSON(to: &writer)
        writer.key("periods")
        writer.list(periods) { period, writer in period.writeStagedJSON(to: &writer) }
        writer.endObject()
        return writer.data
    }

    /// Reads ``stagedJSON`` back without `JSONDecoder`; nil when the bytes are not in its shape.
    init?(stagedJSON: Data) {
        var reader = StagedJSONReader(stagedJSON)
        reader.beginObject()
        guard reader.member("key") else { return nil }
        let key = FlowPriceKey(stagedJSON: &reader)
        guard reader.member("periods") else { return nil }
        let periods = reader.list { FlowPrice(stagedJSON: &$0) }
        reader.endObject()
        guard reader.finished else { return nil }
        self.init(key: key, periods: periods)
    }
}

/// `transform.prices`: Omnium prices → Flow price lists and, per (list, product), the periods in force
/// on the run's business date and after, by `PriceMapping` / `PriceTimeline`.
///
/// Chunks never split a SKU (the staged key starts with it), because the mapping must see all of a
/// SKU's prices to resolve overlaps and campaigns. A SKU's staged rows (one per answer page that held it) are
/// read together; of equal prices one is kept, and the mapping gets a SKU's prices in the order of their
/// fingerprints (``ExtractPrices/key(_:)``), as when each price was a staged row keyed by it. Invalid prices
/// are quarantined with their reason; deliberately skipped ones (customer prices, other markets…) are counted
/// in the notes.
public struct TransformPrices: Stage {
    public let name = "transform.prices"
    public let version = 2
    public let inputs: [Dataset] = [.staged(CatalogueDatasets.omniumPrices)]
    public let outputs: [Dataset] = [.staged(CatalogueDatasets.flowPrices), .staged(CatalogueDatasets.flowPriceLists)]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// Staged rows (a SKU's prices of one answer page, about 3 in the sandbox's catalogue) per chunk.
    public var chunkSize = 700

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let settings = try context.configuration.catalogueMappingSettings()
        let staging = context.staging
        let open = try context.openQuarantineKeys(MappingIssue.Entity.price.rawValue)
        var lists: [String: FlowPriceList] = [:]
        var skipped: [String: Int] = [:]
        var read = 0, quarantined = 0
        var resolved: [String] = []

        try staging.beginPending(CatalogueDatasets.flowPrices)
        let businessDate = context.businessDate
        try staging.forEachPage(CatalogueDatasets.omniumPrices, size: chunkSize, grouped: true, prepare: { page in
            let prices = Self.prices(page)
            let result = PriceMapping.map(prices, settings: settings, businessDate: businessDate)
            let byKey = Dictionary(grouping: result.prices) {
                FlowPriceKey(priceListUid: $0.priceListUid, productUid: $0.productUid)
            }
            let entries = Set(result.replacedKeys).union(byKey.keys).sorted().map {
                FlowPriceEntry(key: $0, periods: byKey[$0] ?? [])
            }
            let rows = entries.map { entry in
                DatasetRow(key: CatalogueDatasets.key(group: entry.key.priceListUid, entry.key.productUid),
                           payload: entry.stagedJSON).digested()   // hashed here, on the page-ahead worker
            }
            return (prices: prices, result: result, rows: rows)
        }) { page in
            let (prices, result) = (page.prices, page.result)
            read += prices.count
            _ = try staging.appendPendingRows(CatalogueDatasets.flowPrices.name, rows: page.rows)
            for list in result.priceLists { lists[list.priceListUid] = list }
            for (reason, count) in result.skipped { skipped[reason, default: 0] += count }
            quarantined += try context.quarantine(result.issues)
            if !open.isEmpty {
                let failed = Set(result.issues.map(\.recordKey))
                resolved += Set(prices.compactMap(\.code)).filter { open.contains($0) && !failed.contains($0) }
            }
        }
        let entries = try staging.publishPending(CatalogueDatasets.flowPrices)
        try context.resolveQuarantine(entity: .price, keys: resolved)
        try staging.replaceDataset(CatalogueDatasets.flowPriceLists,
                                   records: lists.values.sorted { $0.priceListUid < $1.priceListUid },
                                   key: \.priceListUid)

        var notes = ["\(entries.rowCount) (price list, product) pairs in \(lists.count) list(s)"]
        notes += skipped.sorted { $0.key < $1.key }.map { "skipped \($0.value): \($0.key)" }
        return StageOutcome(rowsRead: read, rowsWritten: entries.rowCount, quarantined: quarantined, notes: notes)
    }

    /// The prices of a chunk's staged rows, SKU by SKU: each SKU's prices ordered by their fingerprint key,
    /// equal ones (the same key) kept once, the later read.
    static func prices(_ rows: [(key: String, record: OmniumRecordList<OmniumPrice>)]) -> [OmniumPrice] {
        var prices: [OmniumPrice] = []
        prices.reserveCapacity(rows.reduce(0) { $0 + $1.record.items.count })
        var group: (sku: Substring, byKey: [String: OmniumPrice])?
        func flush() {
            guard let byKey = group?.byKey else { return }
            prices += byKey.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map(\.value)
        }
        for row in rows {
            let sku = CatalogueDatasets.group(ofKey: row.key)
            if group?.sku != sku {
                flush()
                group = (sku, [:])
            }
            for price in row.record.items { group?.byKey[ExtractPrices.key(price)] = price }
        }
        flush()
        return prices
    }
}
