import Foundation

// MARK: - Purchase orders

/// Purchase orders and internal transfers (goods reception is under Deliveries).
/// Spec: omnium-contract.md §9.
extension OmniumClient {
    /// `POST /api/PurchaseOrders/Search`: one page as set in `request`.
    public func searchPurchaseOrders(_ request: OmniumPurchaseOrderSearchRequest) async throws
        -> OmniumSearchResult<OmniumPurchaseOrder> {
        try await send(try .json(.post, "/api/PurchaseOrders/Search", body: request),
                       as: OmniumSearchResult<OmniumPurchaseOrder>.self)
    }

    /// `POST /api/PurchaseOrders/Search`, page after page (up to Omnium's 10,000-hit window).
    /// Each purchase order decoded on its own (`OmniumPageRecord`).
    public func purchaseOrderPages(_ request: OmniumPurchaseOrderSearchRequest, take: Int = OmniumClient.maxTake)
        -> AsyncThrowingStream<[OmniumPageRecord<OmniumPurchaseOrder>], Error> {
        searchPages("/api/PurchaseOrders/Search", request: request, take: take,
                    of: OmniumPageRecord<OmniumPurchaseOrder>.self)
    }

    /// `POST /api/PurchaseOrders/Scroll` then `GET /api/PurchaseOrders/Scroll/{id}`; each purchase order
    /// decoded on its own, so one the model cannot read does not sink its batch.
    public func scrollPurchaseOrders(_ request: OmniumPurchaseOrderSearchRequest = OmniumPurchaseOrderSearchRequest(),
                                     maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumPageRecord<OmniumPurchaseOrder>], Error> {
        scrollPages(resource: "PurchaseOrders", request: request, maxRestarts: maxRestarts,
                    of: OmniumPageRecord<OmniumPurchaseOrder>.self)
    }

    /// `GET /api/PurchaseOrders/{id}`.
    public func purchaseOrder(id: String) async throws -> OmniumPurchaseOrder {
        try await send(.get("/api/PurchaseOrders/\(OmniumRequest.segment(id))"), as: OmniumPurchaseOrder.self)
    }

    /// `GET /api/PurchaseOrders/{id}`, decoded leniently (an unreadable one is `.undecodable`, not retried).
    public func purchaseOrderRecord(id: String) async throws -> OmniumPageRecord<OmniumPurchaseOrder> {
        try await send(.get("/api/PurchaseOrders/\(OmniumRequest.segment(id))"),
                       as: OmniumPageRecord<OmniumPurchaseOrder>.self)
    }
}

extension OmniumPurchaseOrderSearchRequest: OmniumPageableSearch {
    public mutating func setPaging(take: Int, page: Int) {
        self.take = take
        self.page = page
    }

    /// Delta query: purchase orders modified at or after `mark`, oldest first.
    public static func modified(from mark: Date) -> OmniumPurchaseOrderSearchRequest {
        OmniumPurchaseOrderSearchRequest(modifiedFrom: mark, sortOrder: OmniumSortOrder.modifiedAscending)
    }
}
