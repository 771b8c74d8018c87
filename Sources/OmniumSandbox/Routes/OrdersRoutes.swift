import Foundation
import HTTPServer
import Omnium

/// Order reads: `POST /api/Orders/Search|Scroll`, `GET /api/Orders/Scroll/{scrollId}`,
/// `GET /api/Orders/{orderId}` (404 `"Order was not found"`). Spec: omnium-contract.md §10.
struct OrdersRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        let search = SearchResponder(services: services)
        router.post("/api/Orders/Search", permission: .read(.order)) { request, _ in
            let body = try request.omniumBody(OmniumOrderSearchRequest.self, emptyAsObject: true)
            return try search.page(take: body.take, page: body.page) { try state.orders(matching: body) }
        }
        router.post("/api/Orders/Scroll", permission: .read(.order)) { request, context in
            let body = try request.omniumBody(OmniumOrderSearchRequest.self, emptyAsObject: true)
            return try search.startScroll(resource: "Orders", context: context) { try state.orders(matching: body) }
        }
        router.get("/api/Orders/Scroll/{scrollId}", permission: .read(.order)) { _, context in
            try search.continueScroll(resource: "Orders", context: context, as: OmniumOrder.self)
        }
        router.get("/api/Orders/{orderId}", permission: .read(.order)) { _, context in
            try SearchResponder.found(state.order(id: try context.parameter("orderId")), "Order")
        }
    }
}
