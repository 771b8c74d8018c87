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
    public var maxDiscountAmount: Decimal?
    /// lower first
    public var priority: Int?
    public var canBeCombinedWithOtherPromotions: Bool?
    public var alwaysApply: Bool?
    public var isBonusPointsReward: Bool?
    public var promotionFixedPriceReward: OmniumPromotionFixedPriceReward?
    public var promotionMultiBuyReward: OmniumPromotionMultiBuyReward?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

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
        discountSource: String? = nil,
        maxDiscountAmount: Decimal? = nil,
        priority: Int? = nil,
        canBeCombinedWithOtherPromotions: Bool? = nil,
        alwaysApply: Bool? = nil,
        isBonusPointsReward: Bool? = nil,
        promotionFixedPriceReward: OmniumPromotionFixedPriceReward? = nil,
        promotionMultiBuyReward: OmniumPromotionMultiBuyReward? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
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
        self.maxDiscountAmount = maxDiscountAmount
        self.priority = priority
        self.canBeCombinedWithOtherPromotions = canBeCombinedWithOtherPromotions
        self.alwaysApply = alwaysApply
        self.isBonusPointsReward = isBonusPointsReward
        self.promotionFixedPriceReward = promotionFixedPriceReward
        self.promotionMultiBuyReward = promotionMultiBuyReward
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "discountid", "discountname", "discountcode", "discounttype", "rewardtype", "discountvalue",
        "discountamount", "skuids", "discountsource", "maxdiscountamount", "priority",
        "canbecombinedwithotherpromotions", "alwaysapply", "isbonuspointsreward", "promotionfixedpricereward",
        "promotionmultibuyreward"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        discountId = try container.decodeIfPresent(String.self, forKey: "discountId")
        discountName = try container.decodeIfPresent(String.self, forKey: "discountName")
        discountCode = try container.decodeIfPresent(String.self, forKey: "discountCode")
        discountType = try container.decodeIfPresent(String.self, forKey: "discountType")
        rewardType = try container.decodeIfPresent(String.self, forKey: "rewardType")
        discountValue = try container.decodeIfPresent(Decimal.self, forKey: "discountValue")
        discountAmount = try container.decodeIfPresent(Decimal.self, forKey: "discountAmount")
        skuIds = try container.decodeIfPresent([String].self, forKey: "skuIds")
        discountSource = try container.decodeIfPresent(String.self, forKey: "discountSource")
        maxDiscountAmount = try container.decodeIfPresent(Decimal.self, forKey: "maxDiscountAmount")
        priority = try container.decodeIfPresent(Int.self, forKey: "priority")
        canBeCombinedWithOtherPromotions = try container.decodeIfPresent(Bool.self, forKey: "canBeCombinedWithOtherPromotions")
        alwaysApply = try container.decodeIfPresent(Bool.self, forKey: "alwaysApply")
        isBonusPointsReward = try container.decodeIfPresent(Bool.self, forKey: "isBonusPointsReward")
        promotionFixedPriceReward = try container.decodeIfPresent(OmniumPromotionFixedPriceReward.self, forKey: "promotionFixedPriceReward")
        promotionMultiBuyReward = try container.decodeIfPresent(OmniumPromotionMultiBuyReward.self, forKey: "promotionMultiBuyReward")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(discountId, forKey: "discountId")
        try container.encodeIfPresent(discountName, forKey: "discountName")
        try container.encodeIfPresent(discountCode, forKey: "discountCode")
        try container.encodeIfPresent(discountType, forKey: "discountType")
        try container.encodeIfPresent(rewardType, forKey: "rewardType")
        try container.encodeIfPresent(discountValue, forKey: "discountValue")
        try container.encodeIfPresent(discountAmount, forKey: "discountAmount")
        try container.encodeIfPresent(skuIds, forKey: "skuIds")
        try container.encodeIfPresent(discountSource, forKey: "discountSource")
        try container.encodeIfPresent(maxDiscountAmount, forKey: "maxDiscountAmount")
        try container.encodeIfPresent(priority, forKey: "priority")
        try container.encodeIfPresent(canBeCombinedWithOtherPromotions, forKey: "canBeCombinedWithOtherPromotions")
        try container.encodeIfPresent(alwaysApply, forKey: "alwaysApply")
        try container.encodeIfPresent(isBonusPointsReward, forKey: "isBonusPointsReward")
        try container.encodeIfPresent(promotionFixedPriceReward, forKey: "promotionFixedPriceReward")
        try container.encodeIfPresent(promotionMultiBuyReward, forKey: "promotionMultiBuyReward")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
