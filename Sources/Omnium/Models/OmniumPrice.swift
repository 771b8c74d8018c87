import Foundation

/// A selling (or cost) price of one SKU for a market, store, customer or price list, valid from `validFrom` until `validUntil`. Amounts are major units (`199.50`), including tax unless `isTaxExcluded`.
///
/// Spec: omnium-contract.md §7, omnium-api.md §8.
public struct OmniumPrice: Codable, Sendable, Equatable {
    /// the SKU
    public var code: String?
    public var productId: String?
    public var marketId: String?
    public var marketGroupId: String?
    public var storeId: String?
    public var currencyCode: String?
    public var unitPrice: Decimal?
    public var originalUnitPrice: Decimal?
    public var discountAmount: Decimal?
    public var discountPercent: Decimal?
    public var recommendedRetailPrice: Decimal?
    public var cost: Decimal?
    public var minQuantity: Decimal?
    public var validFrom: Date?
    public var validUntil: Date?
    public var isTaxExcluded: Bool?
    /// percent; nil = market default
    public var taxRate: Decimal?
    public var customerId: String?
    public var customerGroup: String?
    public var priceListId: String?
    public var priceType: String?
    public var promotionId: String?
    public var promotionName: String?
    public var unit: String?
    public var modified: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        code: String? = nil,
        productId: String? = nil,
        marketId: String? = nil,
        marketGroupId: String? = nil,
        storeId: String? = nil,
        currencyCode: String? = nil,
        unitPrice: Decimal? = nil,
        originalUnitPrice: Decimal? = nil,
        discountAmount: Decimal? = nil,
        discountPercent: Decimal? = nil,
        recommendedRetailPrice: Decimal? = nil,
        cost: Decimal? = nil,
        minQuantity: Decimal? = nil,
        validFrom: Date? = nil,
        validUntil: Date? = nil,
        isTaxExcluded: Bool? = nil,
        taxRate: Decimal? = nil,
        customerId: String? = nil,
        customerGroup: String? = nil,
        priceListId: String? = nil,
        priceType: String? = nil,
        promotionId: String? = nil,
        promotionName: String? = nil,
        unit: String? = nil,
        modified: Date? = nil
    ) {
        self.code = code
        self.productId = productId
        self.marketId = marketId
        self.marketGroupId = marketGroupId
        self.storeId = storeId
        self.currencyCode = currencyCode
        self.unitPrice = unitPrice
        self.originalUnitPrice = originalUnitPrice
        self.discountAmount = discountAmount
        self.discountPercent = discountPercent
        self.recommendedRetailPrice = recommendedRetailPrice
        self.cost = cost
        self.minQuantity = minQuantity
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.isTaxExcluded = isTaxExcluded
        self.taxRate = taxRate
        self.customerId = customerId
        self.customerGroup = customerGroup
        self.priceListId = priceListId
        self.priceType = priceType
        self.promotionId = promotionId
        self.promotionName = promotionName
        self.unit = unit
        self.modified = modified
    }
}
