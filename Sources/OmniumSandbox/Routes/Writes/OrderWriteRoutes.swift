import Foundation
import HTTPServer
import Omnium

/// `PUT /api/Orders/PosOrders`, `POST /api/Orders`, `PUT /api/Orders` (generated number),
/// `POST /api/Orders/ImportMany` (add, no workflows; 200 empty), `POST /api/Orders/UpdateMany`,
/// `POST /api/Orders/{orderId}/UpdateStatus`, `POST /api/Orders/{orderId}/OrderLines/{lineItemId}/Cancel`.
///
/// Spec: omnium-contract.md §10 (write table: stored order, stored order, empty, workflow result, order).
struct OrderWriteRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.put("/api/Orders/PosOrders", permission: .admin(.order)) { request, _ in
            try .omnium(state.createPosOrder(try request.omniumOrderBody()))
        }
        router.post("/api/Orders", permission: .admin(.order)) { request, _ in
            try .omnium(state.createOrder(try request.omniumOrderBody()))
        }
        router.put("/api/Orders", permission: .admin(.order)) { request, _ in
            try .omnium(state.createOrderWithGeneratedNumber(try request.omniumOrderBody()))
        }
        router.post("/api/Orders/ImportMany", permission: .admin(.order)) { request, _ in
            try state.importOrders(try request.omniumBody([OmniumOrder].self))
            return .empty(.ok)
        }
        router.post("/api/Orders/UpdateMany", permission: .admin(.order)) { request, _ in
            // runWorkflow is accepted and ignored: workflows are not simulated (Sandbox choice).
            _ = try request.boolQuery("runWorkflow")
            try state.upsertOrders(try request.omniumBody([OmniumOrder].self))
            return .empty(.ok)
        }
        router.post("/api/Orders/{orderId}/UpdateStatus", permission: .admin(.order)) { request, context in
            let patch = try request.omniumBody(OmniumUpdateStatusPatch.self)
            return try .omnium(state.updateOrderStatus(orderId: try context.parameter("orderId"), patch: patch))
        }
        router.post("/api/Orders/{orderId}/OrderLines/{lineItemId}/Cancel", permission: .admin(.order)) { request, context in
            _ = try request.boolQuery("sendNotifications")
            return try .omnium(state.cancelOrderLine(orderId: try context.parameter("orderId"),
                                                     lineItemId: try context.parameter("lineItemId")))
        }
    }
}
