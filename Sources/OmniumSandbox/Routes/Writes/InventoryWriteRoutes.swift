import Foundation
import HTTPServer
import Omnium

/// `PUT /api/Inventory/UpdateMany?isReservedInventoryOverwritten=bool`: upsert by (`sku`,
/// `warehouseCode`), at most 1,000 items, 200 with an empty body.
///
/// Spec: omnium-contract.md §8.
struct InventoryWriteRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.put("/api/Inventory/UpdateMany", permission: .admin(.inventory)) { request, _ in
            let overwrite = try request.boolQuery("isReservedInventoryOverwritten") ?? false
            try state.updateInventory(try request.omniumBody([OmniumInventoryItem].self), isReservedInventoryOverwritten: overwrite)
            return .empty(.ok)
        }
    }
}
