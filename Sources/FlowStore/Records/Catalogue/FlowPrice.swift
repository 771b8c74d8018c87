import Foundation

/// One period of a product's price in a Flow price list.
///
/// The mapping resolves Omnium's overlapping prices into non-overlapping periods
/// (see docs/mapping-catalogue.md), so Flow never has to choose between two rows: at any
/// instant at most one row of a (list, product) is valid.
///
/// Spec: flow-integration.md §4; omnium-contract.md §7.
public struct FlowPrice: Sendable, Hashable, Codable, ContentHashable {
    public var priceListUid: String
    public var productUid: String
    /// Hundredths, including VAT for selling prices (Flow's sales price), excluding for cost.
    public var price: Int64
    /// `true` when the price is below the product's ordinary price (an Omnium campaign).
    public var isCampaign: Bool
    /// The ordinary price in hundredths, set for campaign prices only.
    public var originalPrice: Int64?
    /// Start of the period (inclusive); `nil` = since ever.
    public var validFrom: Date?
    /// End of the period (exclusive); `nil` = open-ended.
    public var validTo: Date?

    public init(priceListUid: String, productUid: String, price: Int64, isCampaign: Bool = false,
                originalPrice: Int64? = nil, validFrom: Date? = nil, validTo: Date? = nil) {
        self.priceListUid = priceListUid
        self.productUid = productUid
        self.price = price
        self.isCampaign = isCampaign
        self.originalPrice = originalPrice
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(price)
        hasher.combine(isCampaign)
        hasher.combine(originalPrice)
        hasher.combine(validFrom)
        hasher.combine(validTo)
    }
}
