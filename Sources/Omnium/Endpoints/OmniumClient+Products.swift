import Foundation

// MARK: - Products

/// Products: full documents by scroll, one page by search, one by id.
/// Spec: omnium-contract.md §6.
extension OmniumClient {
    /// `POST /api/Products/Scroll` then `GET /api/Products/Scroll/{id}`: every matching product,
    /// batch by batch. Restarts on an expired scroll (batches may repeat; dedupe on id + modified).
    /// Each product is decoded on its own: one the model cannot read arrives as `.undecodable`
    /// (error and raw JSON) and the rest of its batch as usual.
    public func scrollProducts(_ request: OmniumProductSearchRequest = OmniumProductSearchRequest(),
                               maxRestarts: Int = 3) -> AsyncThrowingStream<[OmniumPageRecord<OmniumProduct>], Error> {
        scrollPages(resource: "Products", request: request, maxRestarts: maxRestarts,
                    of: OmniumPageRecord<OmniumProduct>.self)
    }

    /// ``scrollProducts(_:maxRestarts:)`` with each product's JSON as Omnium sent it (`extract.products`
    /// stages that text instead of encoding the model again).
    public func scrollProductsAsReceived(_ request: OmniumProductSearchRequest = OmniumProductSearchRequest(),
                                         maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumReceivedRecord<OmniumProduct>], Error> {
        scrollPages(resource: "Products", request: request, maxRestarts: maxRestarts,
                    of: OmniumReceivedRecord<OmniumProduct>.self)
    }

    /// `POST /api/Products/SearchProducts`: one page (`take` ≤ 100, `page` 0-based, as set in `request`).
    public func searchProducts(_ request: OmniumProductSearchRequest) async throws -> OmniumSearchResult<OmniumProduct> {
        try await send(try .json(.post, "/api/Products/SearchProducts", body: request),
                       as: OmniumSearchResult<OmniumProduct>.self)
    }

    /// `POST /api/Products/SearchProducts`, page after page (up to Omnium's 10,000-hit window).
    /// Products are decoded one by one, as in `scrollProducts`.
    public func productPages(_ request: OmniumProductSearchRequest, take: Int = OmniumClient.maxTake)
        -> AsyncThrowingStream<[OmniumPageRecord<OmniumProduct>], Error> {
        searchPages("/api/Products/SearchProducts", request: request, take: take,
                    of: OmniumPageRecord<OmniumProduct>.self)
    }

    /// `GET /api/Products/{id}` by product id or SKU id.
    /// - Throws: `OmniumError` `.notFound` for an unknown id.
    public func product(id: String) async throws -> OmniumProduct {
        try await send(.get("/api/Products/\(OmniumRequest.segment(id))"), as: OmniumProduct.self)
    }

    /// `GET /api/Products/{id}`, the answer decoded leniently: a product the model cannot read comes
    /// back as `.undecodable` at once (not retried as a malformed answer, since repeating it reads
    /// the same record).
    /// - Throws: `OmniumError` `.notFound` for an unknown id.
    public func productRecord(id: String) async throws -> OmniumPageRecord<OmniumProduct> {
        try await send(.get("/api/Products/\(OmniumRequest.segment(id))"), as: OmniumPageRecord<OmniumProduct>.self)
    }
}

extension OmniumProductSearchRequest: OmniumPageableSearch {
    public mutating func setPaging(take: Int, page: Int) {
        self.take = take
        self.page = page
    }

    /// Delta query: products modified at or after `mark`, oldest first, facets off (contract §3).
    public static func modified(from mark: Date) -> OmniumProductSearchRequest {
        OmniumProductSearchRequest(modifiedFrom: mark, isFacetsDisabled: true, sortOrder: OmniumSortOrder.modifiedAscending)
    }
}
