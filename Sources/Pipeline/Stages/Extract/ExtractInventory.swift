import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// `extract.inventory`: Omnium stock of the warehouses whose stock Omnium masters, changed since the
/// last load, into `omnium.inventory`; the warehouse look-up into `omnium.inventory.warehouses`.
///
/// Only warehouses Flow has and whose stores leave stock to Omnium (`OMNIUM_FLOW_STOCK_MASTER` false)
/// are asked for, plus web warehouses when `FlowWebWarehouse` is set (`CatalogueWarehouses`). The
/// look-up is read from the Flow store, so this stage reads the external `flow.stores` and runs after the stores
/// flow (the plan keeps `load.stores`, declared first, ahead of it). Delta by `lastModified = mark`
/// (inclusive) and `warehouseCodes`; no watermark = every item of those warehouses. When several web
/// warehouses are summed into `FlowWebWarehouse`, a SKU whose web stock changed is re-read in all of
/// them, since the sum needs every part. A row holds one SKU's items of one answer page, as a JSON list of
/// the items as Omnium sent them (no second encoding; `DatasetCoding.omniumWire`), keyed `<sku>␟<page>`
/// (``ReceivedRecordRows/groupedRows(_:page:for:group:)``); `transform.inventory` reads a SKU's rows
/// together, a later page's item for a warehouse replacing an earlier one. When the last full read is
/// older than `OMNIFLOW_FULL_RECONCILIATION_HOURS`, every item is read again and the mark carries `full`
/// with the Flow warehouses the read covered, which `load.inventory` reconciles.
/// Spec: omnium-contract.md §3, §8; flow-integration.md §5.
public struct ExtractInventory: Stage {
    public let name = "extract.inventory"
    public let version = 2
    public let inputs: [Dataset] = [.remote("omnium.api.inventory"), .staged(ExtractStores.dataset), .external("flow.stores")]
    public let outputs: [Dataset] = [.staged(CatalogueDatasets.omniumInventory),
                                     .staged(CatalogueDatasets.omniumInventoryMark),
                                     .staged(CatalogueDatasets.inventoryWarehouses)]
    public let concurrency = StageConcurrency.besideIndependentStages
    /// Warehouse codes or SKUs per search request.
    public var codesPerRequest = 200

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let settings = try context.configuration.catalogueMappingSettings()
        let staging = context.staging
        var omniumStores: [OmniumStore] = []
        try staging.forEachRecord(ExtractStores.dataset) { omniumStores.append($1) }
        let warehouses = try CatalogueWarehouses.lookup(flow: context.flow, omniumStores: omniumStores,
                                                        configuration: context.configuration, settings: settings)
        try staging.replaceDataset(CatalogueDatasets.inventoryWarehouses, records: warehouses, key: \.warehouseCode)
        let codes = warehouses.filter(\.isExtracted).map(\.warehouseCode)
        let flowMastered = warehouses.filter { !$0.isExtracted }.map(\.warehouseCode)

        let dataset = CatalogueDatasets.omniumInventory
        let mark = try context.watermarkDate(CatalogueStreams.inventory)
        let startedAt = OmniumDateFormat.string(from: context.now)
        let full = try mark.date == nil || context.fullReadDue(CatalogueStreams.inventoryFull)
        var unreadable = try UnreadableCatalogueRecords(entity: .unreadableStock, context: context)
        let since = full ? nil : mark.date
        try staging.beginPending(dataset)
        var latest = LatestModified()
        var read = 0, pages = 0
        var changedWebSkus = Set<String>()
        let webCodes = Set(settings.flowWebWarehouse == nil ? [] : warehouses.filter(\.warehouse.isWebWarehouse)
            .map(\.warehouseCode))

        for chunk in Self.chunks(codes, size: codesPerRequest) {
            let request = OmniumInventorySearchRequest(warehouseCodes: chunk, lastModified: since)
            for try await batch in PagesAhead(context.omnium.searchInventoryAsReceived(request)) {
                read += batch.count
                context.advance(read)
                let page = try unreadable.take(batch.map(\.item), context, sku: \.sku, warehouse: \.warehouseCode)
                for item in page {
                    latest.see(item.modified)
                    if let code = item.warehouseCode, webCodes.contains(code), let sku = item.sku { changedWebSkus.insert(sku) }
                }
                pages += 1
                _ = try staging.appendPendingRows(dataset.name, rows: Self.rows(batch, page: pages))
            }
        }
        if since != nil, webCodes.count > 1, !changedWebSkus.isEmpty {
            for skus in Self.chunks(changedWebSkus.sorted(), size: codesPerRequest) {
                let request = OmniumInventorySearchRequest(productCodes: skus, warehouseCodes: webCodes.sorted())
                for try await batch in PagesAhead(context.omnium.searchInventoryAsReceived(request)) {
                    read += batch.count
                    context.advance(read)
                    _ = try unreadable.take(batch.map(\.item), context, sku: \.sku, warehouse: \.warehouseCode)
                    pages += 1
                    _ = try staging.appendPendingRows(dataset.name, rows: Self.rows(batch, page: pages))
                }
            }
        }

        let summary = try staging.publishPending(dataset)
        let fullRead = full ? CatalogueMark.FullRead(
            stream: CatalogueStreams.inventoryFull, at: startedAt, recordsRead: read,
            warehouseUids: Self.reconciledWarehouseUids(warehouses, flowWebWarehouse: settings.flowWebWarehouse)) : nil
        try CatalogueMark(stream: CatalogueStreams.inventory, previous: mark.text, latest: latest.text, full: fullRead,
                          withheldSkus: unreadable.markValue)
            .write(CatalogueDatasets.omniumInventoryMark, to: staging)
        var notes = [mark.date == nil ? "full load" : full ? "full read (reconciliation)"
                        : "changed since \(mark.text ?? "")",
                     "\(codes.count) warehouse(s) read"]
        if let note = unreadable.note("stock item(s)", resolved: try unreadable.resolve(context)) { notes.append(note) }
        if !flowMastered.isEmpty {
            notes.append("Flow is stock master, not read: \(flowMastered.joined(separator: ", "))")
        }
        return StageOutcome(rowsRead: read, rowsWritten: summary.rowCount, notes: notes)
    }

    /// A page's rows: one per SKU, keyed `<sku>␟<page>`, so one SKU's warehouses sort together (web
    /// warehouses are summed).
    static func rows(_ batch: [OmniumReceivedRecord<OmniumInventoryItem>], page: Int) throws -> [DatasetRow] {
        try ReceivedRecordRows.groupedRows(batch, page: page, for: CatalogueDatasets.omniumInventory) { $0.sku ?? "" }
    }

    /// The Flow warehouses whose stock this read covers whole, as `StockMapping` names them (web
    /// warehouses go to `FlowWebWarehouse` when set); a warehouse Flow masters is never among them.
    static func reconciledWarehouseUids(_ warehouses: [InventoryWarehouse], flowWebWarehouse: String?) -> [String] {
        let web = flowWebWarehouse?.trimmingCharacters(in: .whitespaces)
        let flowMastered = Set(warehouses.filter { $0.warehouse.stockMaster == .flow }.map(\.warehouse.warehouseUid))
        var uids = Set<String>()
        for entry in warehouses where entry.isExtracted {
            if entry.warehouse.isWebWarehouse, let web, !web.isEmpty {
                uids.insert(web)
            } else if entry.warehouse.stockMaster == .omnium {
                uids.insert(entry.warehouse.warehouseUid)
            }
        }
        return uids.subtracting(flowMastered).sorted()
    }

    static func chunks<T>(_ values: [T], size: Int) -> [[T]] {
        stride(from: 0, to: values.count, by: max(1, size)).map { Array(values[$0..<min($0 + max(1, size), values.count)]) }
    }
}
