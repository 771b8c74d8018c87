import Foundation
import HTTPServer
import Omnium

/// Purchase order and delivery reads: `POST /api/PurchaseOrders/Search|Scroll`,
/// `GET /api/PurchaseOrders/Scroll/{scrollId}`, `GET /api/PurchaseOrders/{id}`,
/// `GET /api/Deliveries/{deliveryId}`, `GET /api/Deliveries/{deliveryId}/PurchaseOrderLines` (a bare
/// array). Spec: omnium-contract.md §9.
struct PurchaseOrdersRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        let search = SearchResponder(services: services)
        router.post("/api/PurchaseOrders/Search", permission: .read(.purchaseOrder)) { request, _ in
            let body = try request.omniumBody(OmniumPurchaseOrderSearchRequest.self, emptyAsObject: true)
            return try search.page(take: body.take, page: body.page) { try state.purchaseOrders(matching: body) }
        }
        router.post("/api/PurchaseOrders/Scroll", permission: .read(.purchaseOrder)) { request, context in
            let body = try request.omniumBody(OmniumPurchaseOrderSearchRequest.self, emptyAsObject: true)
            return try search.startScroll(resource: "PurchaseOrders", context: context) {
                try state.purchaseOrders(matching: body)
            }
        }
        router.get("/api/PurchaseOrders/Scroll/{scrollId}", permission: .read(.purchaseOrder)) { _, context in
            try search.continueScroll(resource: "PurchaseOrders", context: context, as: OmniumPurchaseOrder.self)
        }
        router.get("/api/PurchaseOrders/{purchaseOrderId}", permission: .read(.purchaseOrder)) { _, context in
            try SearchResponder.found(state.purchaseOrder(id: try context.parameter("purchaseOrderId")), "Purchase order")
        }
        router.get("/api/Deliveries/{deliveryId}", permission: .read(.purchaseOrder)) { _, context in
            try SearchResponder.found(state.delivery(id: try context.parameter("deliveryId")), "Delivery")
        }
        router.get("/api/Deliveries/{deliveryId}/PurchaseOrderLines", permission: .read(.purchaseOrder)) { _, context in
            try SearchResponder.found(state.purchaseOrderLines(deliveryId: try context.parameter("deliveryId")), "Delivery")
        }
    }
}
