import Foundation
import HTTPServer
import Omnium

/// `POST /api/Deliveries/{deliveryId}/ProcessGoodsReception` (checks `goodsReceptionId`) and the
/// generic `POST /api/Deliveries/ProcessGoodsReception`; 200 with an empty body.
///
/// Spec: omnium-contract.md §9.
struct DeliveryWriteRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.post("/api/Deliveries/{deliveryId}/ProcessGoodsReception", permission: .admin(.purchaseOrder)) { request, context in
            let lines = try request.omniumBody([OmniumGoodsReceptionLine].self)
            try state.processGoodsReception(deliveryId: try context.parameter("deliveryId"), lines: lines)
            return .empty(.ok)
        }
        router.post("/api/Deliveries/ProcessGoodsReception", permission: .admin(.purchaseOrder)) { request, _ in
            try state.processGoodsReception(deliveryId: nil, lines: try request.omniumBody([OmniumGoodsReceptionLine].self))
            return .empty(.ok)
        }
    }
}
