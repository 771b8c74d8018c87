import FlowStore
import Foundation
import Omnium
import Staging

// MARK: - Names

/// The staged datasets and watermark streams of the catalogue stages (products, prices, inventory).
///
/// Why in one place, as typed keys: each dataset is written by exactly one stage and read by others;
/// the key carries the record type, so no reader restates the name or the type (docs/CONTRACTS.md
/// "Datasets"). Products, prices and stock items are staged as Omnium sent them (``DatasetCoding/omniumWire``).
enum CatalogueDatasets {
    static let omniumProducts = DatasetKey<OmniumProduct>("omnium.products", coding: .omniumWire)
    static let omniumProductsMark = DatasetKey<CatalogueMark>("omnium.products.mark")
    static let flowProducts = DatasetKey<FlowProductEntry>("flow.products")
    static let flowBrands = DatasetKey<FlowBrand>("flow.brands")
    static let flowProductGroups = DatasetKey<FlowProductGroup>("flow.product_groups")

    /// One row per SKU and answer page (`<sku>␟<page>`): that page's prices of the SKU, as received.
    static let omniumPrices = DatasetKey<OmniumRecordList<OmniumPrice>>("omnium.prices", coding: .omniumWire)
    static let omniumPricesMark = DatasetKey<CatalogueMark>("omnium.prices.mark")
    static let flowPrices = DatasetKey<FlowPriceEntry>("flow.prices")
    static let flowPriceLists = DatasetKey<FlowPriceList>("flow.price_lists")

    /// One row per SKU and answer page (`<sku>␟<page>`): that page's items of the SKU, as received.
    static let omniumInventory = DatasetKey<OmniumRecordList<OmniumInventoryItem>>("omnium.inventory", coding: .omniumWire)
    static let omniumInventoryMark = DatasetKey<CatalogueMark>("omnium.inventory.mark")
    static let inventoryWarehouses = DatasetKey<InventoryWarehouse>("omnium.inventory.warehouses")
    /// One row per product, keyed by its product UID: its levels in every warehouse, each with its content hash,
    /// for `load.inventory`'s set-based upsert. One row per level cost two staged rows more per level (issue 8).
    static let flowStock = DatasetKey<[HashedRecord<FlowStock>]>("flow.stock")

    /// Separates the group part of a staged key from the rest (`<sku>␟<page>`): rows of one
    /// group sort together, so a chunked transform sees all of them at once (see `forEachPage`).
    static let groupSeparator: Character = "\u{1F}"

    static func key(group: String, _ rest: String) -> String { "\(group)\(groupSeparator)\(rest)" }

    /// The group part of a staged key (all of it when it has no separator).
    static func group(ofKey key: String) -> Substring { key.prefix { $0 != groupSeparator } }
}

/// The watermark streams: the `modified` high-water mark of each Omnium delta query.
public enum CatalogueStreams {
    public static let products = "omnium.products.modified"
    public static let prices = "omnium.prices.modified"
    public static let inventory = "omnium.inventory.modified"
    /// When prices were last read whole and reconciled (`OMNIFLOW_FULL_RECONCILIATION_HOURS`).
    public static let pricesFull = "omnium.prices.full"
    /// When stock was last read whole and reconciled.
    public static let inventoryFull = "omnium.inventory.full"
}

// MARK: - CatalogueMark

/// What an extract saw of its stream, handed to the load so the watermark moves only after the Flow
/// store commit (a crash between the two re-reads rather than skips).
///
/// Values are Omnium timestamps as text (`OmniumDateFormat`, 7 fraction digits): staged JSON keeps
/// dates to the millisecond only, which would move an inclusive mark backwards or forwards.
struct CatalogueMark: Codable, Sendable, Equatable {
    var stream: String
    /// The watermark the extract started from; nil = the first (full) load.
    var previous: String?
    /// The latest `modified` the extract read; nil when it read nothing new.
    var latest: String?
    /// Set when the extract read the stream whole: the load then reconciles (removes what Omnium no
    /// longer has) and records the time in the full-read stream.
    var full: FullRead? = nil
    /// SKUs with a record Omnium sent that could not be read (quarantined as `price_unreadable` /
    /// `stock_unreadable`): a reconciliation after a full read leaves their Flow rows alone, since
    /// "not read" is not "gone" for them.
    var withheldSkus: [String]? = nil

    /// A full read: the stream to record its time in, the time (the extract's start, Omnium format),
    /// how many Omnium records it returned, and, for stock, the Flow warehouses it covered.
    struct FullRead: Codable, Sendable, Equatable {
        var stream: String
        var at: String
        var recordsRead: Int
        var warehouseUids: [String]? = nil
    }

    /// The value to store after the load: the later of the two, nil when there is nothing to store.
    var next: String? {
        guard let latest else { return nil }
        guard let previous, let from = OmniumDateFormat.date(from: previous),
              let to = OmniumDateFormat.date(from: latest) else { return latest }
        return to > from ? latest : nil
    }

    static func read(_ dataset: DatasetKey<CatalogueMark>, from staging: RunStaging) throws -> CatalogueMark? {
        try staging.records(dataset).last
    }

    func write(_ dataset: DatasetKey<CatalogueMark>, to staging: RunStaging) throws {
        try staging.replaceDataset(dataset, records: [self], key: \.stream)
    }
}

/// Tracks the latest `modified` seen while pages stream by.
struct LatestModified {
    private(set) var date: Date?

    mutating func see(_ modified: Date?) {
        guard let modified, modified > (date ?? .distantPast) else { return }
        date = modified
    }

    var text: String? { date.map(OmniumDateFormat.string(from:)) }
}

// MARK: - Watermark access

extension StageContext {
    /// The stream's watermark as a date, nil on the first run.
    func watermarkDate(_ stream: String) throws -> (text: String?, date: Date?) {
        guard let text = try control.watermark(for: stream)?.value else { return (nil, nil) }
        return (text, OmniumDateFormat.date(from: text))
    }

    /// Moves the stream's watermark after a successful load; logs the move.
    func advanceWatermark(_ mark: CatalogueMark?) throws -> String? {
        guard let mark, let next = mark.next else { return nil }
        try control.setWatermark(next, for: mark.stream)
        log.info("watermark advanced", ["stage": stageName, "stream": mark.stream, "value": next])
        return "watermark \(mark.stream) = \(next)"
    }

    /// Whether the stream is due a full read: never read whole, `OMNIFLOW_FULL_RECONCILIATION_HOURS` is 0,
    /// or the last full read is at least that many hours old.
    func fullReadDue(_ fullStream: String) throws -> Bool {
        let hours = configuration.fullReconciliationHours
        guard hours > 0, let text = try control.watermark(for: fullStream)?.value,
              let last = OmniumDateFormat.date(from: text) else { return true }
        return now.timeIntervalSince(last) >= Double(hours) * 3_600
    }

    /// Records a full read's time after its load committed (a reconciliation that was refused leaves
    /// the time alone, so the next run reads whole again).
    func recordFullRead(_ full: CatalogueMark.FullRead) throws -> String {
        try control.setWatermark(full.at, for: full.stream)
        log.info("full read recorded", ["stage": stageName, "stream": full.stream, "value": full.at])
        return "full read \(full.stream) = \(full.at)"
    }

    /// Open quarantine keys of one entity (for retries and resolution).
    func openQuarantineKeys(_ entity: String) throws -> Set<String> {
        Set(try control.openQuarantine().filter { $0.entity == entity }.map(\.recordKey))
    }
}
