import Foundation

/// Body of `POST /api/Prices/Search`; at least one filter must be set; `scrollSize` default 1,000, max 20,000.
///
/// Spec: omnium-contract.md §7.
public struct OmniumPriceSearchRequest: Codable, Sendable, Equatable {
    public var productCodes: [String]?
    public var marketId: String?
    public var customerId: String?
    public var customerGroupId: String?
    public var priceType: String?
    public var unit: String?
    public var lastModified: Date?
    public var scrollSize: Int?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        productCodes: [String]? = nil,
        marketId: String? = nil,
        customerId: String? = nil,
        customerGroupId: String? = nil,
        priceType: String? = nil,
        unit: String? = nil,
        lastModified: Date? = nil,
        scrollSize: Int? = nil
    ) {
        self.productCodes = productCodes
        self.marketId = marketId
        self.customerId = customerId
        self.customerGroupId = customerGroupId
        self.priceType = priceType
        self.unit = unit
        self.lastModified = lastModified
        self.scrollSize = scrollSize
    }
}
