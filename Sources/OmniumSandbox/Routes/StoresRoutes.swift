import Foundation
import HTTPServer
import Omnium

/// `GET /api/Stores` (all stores, warehouses and pickup points; no paging, inactive included) and
/// `GET /api/Stores/{storeId}`. Spec: omnium-contract.md §5.
struct StoresRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.get("/api/Stores", permission: .read(.store)) { request, _ in
            var stores = state.stores()
            if let visible = try request.boolQuery("filterPublicVisible") {
                stores = stores.filter { ($0.isPublicVisible ?? false) == visible }
            }
            return try .omnium(OmniumSearchResult(totalHits: stores.count, result: stores, scrollId: nil, facets: []))
        }
        router.get("/api/Stores/{storeId}", permission: .read(.store)) { _, context in
            try SearchResponder.found(state.store(id: try context.parameter("storeId")), "Store")
        }
    }
}
