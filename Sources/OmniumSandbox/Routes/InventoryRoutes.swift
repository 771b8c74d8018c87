import Foundation
import HTTPServer
import Omnium

/// Inventory reads: `POST /api/Inventory/Search` (at least one filter; a `scrollId` when more than
/// one batch matches), `GET /api/Inventory/Scroll/{scrollId}`, and
/// `GET /api/Inventory/{sku}?warehouseIds=A&warehouseIds=B` (a bare array). Spec: omnium-contract.md §8.
struct InventoryRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        let search = SearchResponder(services: services)
        router.post("/api/Inventory/Search", permission: .read(.inventory)) { request, context in
            let body = try request.omniumBody(OmniumInventorySearchRequest.self, emptyAsObject: true)
            return try search.searchWithScroll(resource: "Inventory", context: context) {
                try state.inventoryAnswers(matching: body)
            }
        }
        router.get("/api/Inventory/Scroll/{scrollId}", permission: .read(.inventory)) { _, context in
            try search.continueScroll(resource: "Inventory", context: context, as: SandboxRecordAnswer.self)
        }
        router.get("/api/Inventory/{sku}", permission: .read(.inventory)) { request, context in
            let items = state.inventory(sku: try context.parameter("sku"), warehouseCodes: request.queries("warehouseIds"))
            return try .omnium(items)
        }
    }
}
