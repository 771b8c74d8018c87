import Foundation

/// A market (country/currency/tax context) orders and prices belong to.
///
/// Spec: omnium-api.md §10 (`GET /api/Markets`).
public struct OmniumMarket: Codable, Sendable, Equatable {
    public var marketId: String?
    public var marketName: String?
    public var countryCode: String?
    public var currency: String?
    public var defaultTaxRate: Decimal?
    public var isTaxExcluded: Bool?
    public var isDefaultMarket: Bool?
    public var isActive: Bool?
    public var language: String?
    public var marketType: String?
    public var marketGroupId: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        marketId: String? = nil,
        marketName: String? = nil,
        countryCode: String? = nil,
        currency: String? = nil,
        defaultTaxRate: Decimal? = nil,
        isTaxExcluded: Bool? = nil,
        isDefaultMarket: Bool? = nil,
        isActive: Bool? = nil,
        language: String? = nil,
        marketType: String? = nil,
        marketGroupId: String? = nil
    ) {
        self.marketId = marketId
        self.marketName = marketName
        self.countryCode = countryCode
        self.currency = currency
        self.defaultTaxRate = defaultTaxRate
        self.isTaxExcluded = isTaxExcluded
        self.isDefaultMarket = isDefaultMarket
        self.isActive = isActive
        self.language = language
        self.marketType = marketType
        self.marketGroupId = marketGroupId
    }
}
