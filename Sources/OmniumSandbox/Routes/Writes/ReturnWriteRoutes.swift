import Foundation
import HTTPServer
import Omnium

/// `POST /api/Returns/{orderId}/Return` (→ `OmniumReturnOrderForm`) and
/// `POST /api/Returns/{orderId}/UpdateStatus` (`{status, returnId}` → workflow result).
///
/// Spec: omnium-contract.md §10.
struct ReturnWriteRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.post("/api/Returns/{orderId}/Return", permission: .admin(.order)) { request, context in
            let model = try request.omniumBody(OmniumReturnRequestModel.self)
            return try .omnium(state.createReturn(orderId: try context.parameter("orderId"), request: model))
        }
        router.post("/api/Returns/{orderId}/UpdateStatus", permission: .admin(.order)) { request, context in
            let patch = try request.omniumBody(OmniumUpdateStatusPatch.self)
            return try .omnium(state.updateReturnStatus(orderId: try context.parameter("orderId"), patch: patch))
        }
    }
}
