import Foundation

// MARK: - Deliveries and goods reception

/// Deliveries of purchase orders and the delivery-scoped goods reception.
/// Spec: omnium-contract.md §9.
extension OmniumClient {
    /// `GET /api/Deliveries/{deliveryId}`.
    public func delivery(id: String) async throws -> OmniumDelivery {
        try await send(.get("/api/Deliveries/\(OmniumRequest.segment(id))"), as: OmniumDelivery.self)
    }

    /// `GET /api/Deliveries/{deliveryId}/PurchaseOrderLines`: the PO lines this delivery carries.
    public func deliveryPurchaseOrderLines(deliveryId: String) async throws -> [OmniumPurchaseOrderLine] {
        try await send(.get("/api/Deliveries/\(OmniumRequest.segment(deliveryId))/PurchaseOrderLines"),
                       as: OmniumList<OmniumPurchaseOrderLine>.self).items
    }

    /// `POST /api/Deliveries/{deliveryId}/ProcessGoodsReception`: receive lines (incremental
    /// `deliveredQuantity`) under the idempotency key `goodsReceptionId`.
    ///
    /// A repeat with a known `goodsReceptionId` is refused with 400 listing the duplicate ids and
    /// applies nothing (contract §9): the caller verifies the delivered quantities with
    /// `deliveryPurchaseOrderLines` and marks the reception done. Not repeated by the client after
    /// an unreadable answer (any 2xx is success here; the body is ignored).
    /// - Throws: `OmniumError` `.badRequest` (validation or duplicate id), `.notFound` (unknown delivery).
    public func processGoodsReception(deliveryId: String, lines: [OmniumGoodsReceptionLine]) async throws {
        let path = "/api/Deliveries/\(OmniumRequest.segment(deliveryId))/ProcessGoodsReception"
        // `deliveredQuantity` is incremental: a repeat is safe only when every line carries the
        // `goodsReceptionId` Omnium rejects a second time (400, nothing applied).
        let isKeyed = lines.allSatisfy { !($0.goodsReceptionId?.isEmpty ?? true) }
        try await send(try .json(.post, path, body: lines, repeatability: isKeyed ? .idempotent : .notRepeatable))
    }
}
