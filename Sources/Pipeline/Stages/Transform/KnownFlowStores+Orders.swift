import FlowMapping
import FlowStore
import Foundation

// MARK: - KnownFlowStores from the Flow store

extension KnownFlowStores {
    /// The stores and warehouses Flow has now, for the order and purchase-order mappings.
    ///
    /// Why from the Flow store and not from this run's staged stores: an order may only name a store
    /// that Flow really has; the order and PO stages take the external `flow.stores` (written by
    /// `load.stores`) as an input, so the plan runs them after the stores are in Flow.
    /// A warehouse shared by several stores resolves to the first store (by uid) that lists it.
    static func read(from flow: FlowDatabase) throws -> KnownFlowStores {
        try flow.read { db in
            let stores = try StoresTable.storeUids(in: db)
            var owners: [String: String] = [:]
            for store in stores.sorted() {
                for warehouse in try StoresTable.warehouseUids(ofStore: store, in: db) where owners[warehouse] == nil {
                    owners[warehouse] = store
                }
            }
            let storeless = Set(try StoresTable.warehouses(in: db).map(\.warehouseUid))
                .subtracting(owners.keys).subtracting(stores)
            return KnownFlowStores(storeUids: stores, storeUidByWarehouseUid: owners, storelessWarehouseUids: storeless)
        }
    }
}
