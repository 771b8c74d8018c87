import Foundation

// MARK: - Prices

/// Selling and cost prices from the tenant price index.
/// Spec: omnium-contract.md §7.
extension OmniumClient {
    /// `POST /api/Prices/Search` (at least one filter; `scrollSize` ≤ 20,000) and, while it gives a
    /// `scrollId`, `GET /api/Prices/Scroll/{id}`: every matching price, batch by batch, each decoded on
    /// its own (`OmniumPageRecord`).
    public func searchPrices(_ request: OmniumPriceSearchRequest, maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumPageRecord<OmniumPrice>], Error> {
        scrollPages(start: { try .json(.post, "/api/Prices/Search", body: request) },
                    continuationPath: "/api/Prices/Scroll", maxRestarts: maxRestarts, of: OmniumPageRecord<OmniumPrice>.self)
    }

    /// ``searchPrices(_:maxRestarts:)`` with each price's JSON as Omnium sent it (`extract.prices` stages
    /// that text instead of encoding the model again).
    public func searchPricesAsReceived(_ request: OmniumPriceSearchRequest, maxRestarts: Int = 3)
        -> AsyncThrowingStream<[OmniumReceivedRecord<OmniumPrice>], Error> {
        scrollPages(start: { try .json(.post, "/api/Prices/Search", body: request) },
                    continuationPath: "/api/Prices/Scroll", maxRestarts: maxRestarts,
                    of: OmniumReceivedRecord<OmniumPrice>.self)
    }
}

extension OmniumPriceSearchRequest {
    /// Delta query: prices changed at or after `mark`, optionally for one market.
    public static func modified(from mark: Date, marketId: String? = nil) -> OmniumPriceSearchRequest {
        OmniumPriceSearchRequest(marketId: marketId, lastModified: mark)
    }
}
