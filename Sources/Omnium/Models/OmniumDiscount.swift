import Foundation

/// A discount on an order, line or shipment. `discountAmount` is CALC.
///
/// Spec: omnium-contract.md §10.1, omnium-api.md §5.2.
public struct OmniumDiscount: Codable, Sendable, Equatable {
    public var discountId: String?
    public var discountName: String?
    public var discountCode: String?
    /// `LineItem` | `Order` | `Shipping` | `Manual` | ...
    public var discountType: String?
    /// `Money` | `Percentage` | `FixedPrice` | ...
    public var rewardType: String?
    public var discountValue: Decimal?
    /// CALC
    public var discountAmount: Decimal?
    public var skuIds: [String]?
    public var discountSource: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        discountId: String? = nil,
        discountName: String? = nil,
        discountCode: String? = nil,
        discountType: String? = nil,
        rewardType: String? = nil,
        discountValue: Decimal? = nil,
        discountAmount: Decimal? = nil,
        skuIds: [String]? = nil,
        discountSource: String? = nil
    ) {
        self.discountId = discountId
        self.discountName = discountName
        self.discountCode = discountCode
        self.discountType = discountType
        self.rewardType = rewardType
        self.discountValue = discountValue
        self.discountAmount = discountAmount
        self.skuIds = skuIds
        self.discountSource = discountSource
    }
}
