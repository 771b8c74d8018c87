import FlowMapping
import FlowStore
import Foundation
import Omnium

/// One Omnium warehouse code and what the stock rule needs to know about it, as staged in
/// `omnium.inventory.warehouses` by `extract.inventory` and read by `transform.inventory`.
struct InventoryWarehouse: Codable, Sendable, Equatable {
    var warehouseCode: String
    var warehouse: StockWarehouse
    /// Whether Omnium's stock of this warehouse reaches Flow at all (Omnium is master, or it is a
    /// web warehouse and `FlowWebWarehouse` is set).
    var isExtracted: Bool
}

/// Builds the `StockWarehouse` look-up from the Flow store's stores and warehouses.
///
/// Why from the Flow store: stock may only go to warehouses Flow has (loaded by `load.stores`), and the
/// stock master is a per-store Flow setting (`OMNIUM_FLOW_STOCK_MASTER`). A warehouse shared by several
/// stores is Flow-mastered as soon as one of its stores is: a Flow-master store's stock is never
/// overwritten. Omnium warehouse codes are store ids; their Flow UID is `FlowUID.sanitize(code)`, so the
/// codes come from the extracted Omnium stores (ids and `availableWarehouses`), and a Flow warehouse
/// whose code is not among them is asked for by its UID. With `FlowWebWarehouse` set, Omnium web
/// warehouses feed it even when they are not Flow warehouses themselves (a webshop's warehouse).
/// Spec: flow-integration.md §5.1, §10, §11.1.
enum CatalogueWarehouses {
    static func lookup(flow: FlowDatabase, omniumStores: [OmniumStore], configuration: OmniflowConfiguration,
                       settings: CatalogueMappingSettings) throws -> [InventoryWarehouse] {
        let (warehouses, links) = try flow.read { db in
            let links = try StoresTable.stores(in: db).map { store in
                (store.storeUid, try StoresTable.warehouseUids(ofStore: store.storeUid, in: db))
            }
            return (try StoresTable.warehouses(in: db), links)
        }

        // Omnium ids by Flow UID (a store id and its sanitized UID are normally the same text).
        var omniumIDs: [String: Set<String>] = [:]
        var codes = Set<String>()
        for store in omniumStores {
            codes.insert(store.id)
            for entry in store.availableWarehouses ?? [] { if let code = entry.warehouseCode { codes.insert(code) } }
        }
        for code in codes { if let uid = FlowUID.sanitize(code) { omniumIDs[uid, default: []].insert(code) } }

        // Stores whose stock Flow masters, by Flow UID; the setting may name the store by either id.
        var flowMastered = Set<String>()
        for (storeUid, _) in links {
            let ids = (omniumIDs[storeUid] ?? []).union([storeUid])
            if ids.contains(where: configuration.isFlowStockMaster(storeID:)) { flowMastered.insert(storeUid) }
        }
        var mastersOf: [String: StockMaster] = [:]
        for (storeUid, warehouseUids) in links {
            for uid in warehouseUids where mastersOf[uid] != .flow {
                mastersOf[uid] = flowMastered.contains(storeUid) ? .flow : .omnium
            }
        }

        let web = settings.flowWebWarehouse.map { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? false
        var result: [InventoryWarehouse] = []
        for warehouse in warehouses {
            let stockWarehouse = StockWarehouse(warehouseUid: warehouse.warehouseUid,
                                                stockMaster: mastersOf[warehouse.warehouseUid] ?? .omnium,
                                                isWebWarehouse: warehouse.isWebWarehouse)
            let isExtracted = (warehouse.isWebWarehouse && web) || stockWarehouse.stockMaster == .omnium
            for code in (omniumIDs[warehouse.warehouseUid] ?? [warehouse.warehouseUid]).sorted() {
                result.append(InventoryWarehouse(warehouseCode: code, warehouse: stockWarehouse, isExtracted: isExtracted))
            }
        }
        // Omnium web warehouses Flow does not have as warehouses still feed `FlowWebWarehouse` when it is set.
        if web {
            let known = Set(result.map(\.warehouseCode))
            for store in omniumStores where store.isWebWarehouse == true && !known.contains(store.id) {
                let stockWarehouse = StockWarehouse(warehouseUid: FlowUID.sanitize(store.id) ?? store.id,
                                                    stockMaster: .omnium, isWebWarehouse: true)
                result.append(InventoryWarehouse(warehouseCode: store.id, warehouse: stockWarehouse, isExtracted: true))
            }
        }
        return result.sorted { $0.warehouseCode < $1.warehouseCode }
    }
}
