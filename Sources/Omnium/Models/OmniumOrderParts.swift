import Foundation

/// A group an order belongs to.
///
/// Spec: omnium-api.md §5.2.
public struct OmniumOrderGroup: Codable, Sendable, Equatable {
    public var id: String?
    public var name: String?
    public var description: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        name: String? = nil,
        description: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "id", "name", "description"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        id = try container.decodeIfPresent(String.self, forKey: "id")
        name = try container.decodeIfPresent(String.self, forKey: "name")
        description = try container.decodeIfPresent(String.self, forKey: "description")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(id, forKey: "id")
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(description, forKey: "description")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// One step of a shipment's status history.
///
/// Spec: omnium-api.md §5.2 (`orderStatusLog`).
public struct OmniumOrderStatusLogEntry: Codable, Sendable, Equatable {
    public var status: String?
    public var timestamp: Date?
    public var durationSincePreviousMs: Int64?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        status: String? = nil,
        timestamp: Date? = nil,
        durationSincePreviousMs: Int64? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.status = status
        self.timestamp = timestamp
        self.durationSincePreviousMs = durationSincePreviousMs
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "status", "timestamp", "durationsincepreviousms"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        status = try container.decodeIfPresent(String.self, forKey: "status")
        timestamp = try container.decodeIfPresent(Date.self, forKey: "timestamp")
        durationSincePreviousMs = try container.decodeIfPresent(Int64.self, forKey: "durationSincePreviousMs")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(status, forKey: "status")
        try container.encodeIfPresent(timestamp, forKey: "timestamp")
        try container.encodeIfPresent(durationSincePreviousMs, forKey: "durationSincePreviousMs")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// A parcel of a shipment: weight, dimensions, tracking and the lines in it.
///
/// Spec: omnium-api.md §5.2 (`OmniumShipmentPackage`).
public struct OmniumShipmentPackage: Codable, Sendable, Equatable {
    public var id: String?
    public var barcode: String?
    public var weightInKg: Decimal?
    public var volume: Decimal?
    public var goodsDescription: String?
    public var dimensions: OmniumShipmentPackageDimensions?
    public var shipmentTracking: OmniumShipmentTracking?
    public var lineItemReferences: [OmniumOrderLineReference]?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        barcode: String? = nil,
        weightInKg: Decimal? = nil,
        volume: Decimal? = nil,
        goodsDescription: String? = nil,
        dimensions: OmniumShipmentPackageDimensions? = nil,
        shipmentTracking: OmniumShipmentTracking? = nil,
        lineItemReferences: [OmniumOrderLineReference]? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.id = id
        self.barcode = barcode
        self.weightInKg = weightInKg
        self.volume = volume
        self.goodsDescription = goodsDescription
        self.dimensions = dimensions
        self.shipmentTracking = shipmentTracking
        self.lineItemReferences = lineItemReferences
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "id", "barcode", "weightinkg", "volume", "goodsdescription", "dimensions", "shipmenttracking",
        "lineitemreferences"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        id = try container.decodeIfPresent(String.self, forKey: "id")
        barcode = try container.decodeIfPresent(String.self, forKey: "barcode")
        weightInKg = try container.decodeIfPresent(Decimal.self, forKey: "weightInKg")
        volume = try container.decodeIfPresent(Decimal.self, forKey: "volume")
        goodsDescription = try container.decodeIfPresent(String.self, forKey: "goodsDescription")
        dimensions = try container.decodeIfPresent(OmniumShipmentPackageDimensions.self, forKey: "dimensions")
        shipmentTracking = try container.decodeIfPresent(OmniumShipmentTracking.self, forKey: "shipmentTracking")
        lineItemReferences = try container.decodeIfPresent([OmniumOrderLineReference].self, forKey: "lineItemReferences")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(id, forKey: "id")
        try container.encodeIfPresent(barcode, forKey: "barcode")
        try container.encodeIfPresent(weightInKg, forKey: "weightInKg")
        try container.encodeIfPresent(volume, forKey: "volume")
        try container.encodeIfPresent(goodsDescription, forKey: "goodsDescription")
        try container.encodeIfPresent(dimensions, forKey: "dimensions")
        try container.encodeIfPresent(shipmentTracking, forKey: "shipmentTracking")
        try container.encodeIfPresent(lineItemReferences, forKey: "lineItemReferences")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// A parcel's size in whole centimetres.
///
/// Spec: omnium-api.md §5.2.
public struct OmniumShipmentPackageDimensions: Codable, Sendable, Equatable {
    public var lengthInCm: Int?
    public var widthInCm: Int?
    public var heightInCm: Int?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lengthInCm: Int? = nil,
        widthInCm: Int? = nil,
        heightInCm: Int? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.lengthInCm = lengthInCm
        self.widthInCm = widthInCm
        self.heightInCm = heightInCm
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "lengthincm", "widthincm", "heightincm"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        lengthInCm = try container.decodeIfPresent(Int.self, forKey: "lengthInCm")
        widthInCm = try container.decodeIfPresent(Int.self, forKey: "widthInCm")
        heightInCm = try container.decodeIfPresent(Int.self, forKey: "heightInCm")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(lengthInCm, forKey: "lengthInCm")
        try container.encodeIfPresent(widthInCm, forKey: "widthInCm")
        try container.encodeIfPresent(heightInCm, forKey: "heightInCm")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// Tracking of one parcel.
///
/// Spec: omnium-api.md §5.2.
public struct OmniumShipmentTracking: Codable, Sendable, Equatable {
    public var shipmentTrackingNumber: String?
    public var shipmentTrackingLink: String?
    public var shipmentLabelLink: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        shipmentTrackingNumber: String? = nil,
        shipmentTrackingLink: String? = nil,
        shipmentLabelLink: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.shipmentTrackingNumber = shipmentTrackingNumber
        self.shipmentTrackingLink = shipmentTrackingLink
        self.shipmentLabelLink = shipmentLabelLink
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "shipmenttrackingnumber", "shipmenttrackinglink", "shipmentlabellink"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        shipmentTrackingNumber = try container.decodeIfPresent(String.self, forKey: "shipmentTrackingNumber")
        shipmentTrackingLink = try container.decodeIfPresent(String.self, forKey: "shipmentTrackingLink")
        shipmentLabelLink = try container.decodeIfPresent(String.self, forKey: "shipmentLabelLink")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(shipmentTrackingNumber, forKey: "shipmentTrackingNumber")
        try container.encodeIfPresent(shipmentTrackingLink, forKey: "shipmentTrackingLink")
        try container.encodeIfPresent(shipmentLabelLink, forKey: "shipmentLabelLink")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// The carrier's pickup point of a shipment (address and opening hours kept as sent).
///
/// Spec: omnium-api.md §5.2.
public struct OmniumPickUpPointInformation: Codable, Sendable, Equatable {
    public var servicePointId: String?
    public var name: String?
    public var address: OmniumJSONValue?
    public var openingHours: [OmniumJSONValue]?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        servicePointId: String? = nil,
        name: String? = nil,
        address: OmniumJSONValue? = nil,
        openingHours: [OmniumJSONValue]? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.servicePointId = servicePointId
        self.name = name
        self.address = address
        self.openingHours = openingHours
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "servicepointid", "name", "address", "openinghours"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        servicePointId = try container.decodeIfPresent(String.self, forKey: "servicePointId")
        name = try container.decodeIfPresent(String.self, forKey: "name")
        address = try container.decodeIfPresent(OmniumJSONValue.self, forKey: "address")
        openingHours = try container.decodeIfPresent([OmniumJSONValue].self, forKey: "openingHours")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(servicePointId, forKey: "servicePointId")
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(address, forKey: "address")
        try container.encodeIfPresent(openingHours, forKey: "openingHours")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// A discount as it applies to one order line: the order discount's fields plus the amount per item.
///
/// Spec: omnium-api.md §5.2 (`OmniumOrderLineDiscount`).
public struct OmniumOrderLineDiscount: Codable, Sendable, Equatable {
    public var discountId: String?
    public var discountName: String?
    public var discountCode: String?
    public var discountType: String?
    public var rewardType: String?
    public var discountValue: Decimal?
    public var discountAmount: Decimal?
    public var skuIds: [String]?
    public var discountSource: String?
    public var maxDiscountAmount: Decimal?
    public var priority: Int?
    public var canBeCombinedWithOtherPromotions: Bool?
    public var alwaysApply: Bool?
    public var isBonusPointsReward: Bool?
    public var discountAmountPrItem: Decimal?
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
        discountAmountPrItem: Decimal? = nil,
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
        self.discountAmountPrItem = discountAmountPrItem
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "discountid", "discountname", "discountcode", "discounttype", "rewardtype", "discountvalue",
        "discountamount", "skuids", "discountsource", "maxdiscountamount", "priority",
        "canbecombinedwithotherpromotions", "alwaysapply", "isbonuspointsreward", "discountamountpritem"
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
        discountAmountPrItem = try container.decodeIfPresent(Decimal.self, forKey: "discountAmountPrItem")
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
        try container.encodeIfPresent(discountAmountPrItem, forKey: "discountAmountPrItem")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// A fixed price for a quantity (`promotionFixedPriceReward`).
///
/// Spec: omnium-api.md §5.2.
public struct OmniumPromotionFixedPriceReward: Codable, Sendable, Equatable {
    public var fixedPriceQuantity: Int?
    public var fixedPricePrice: Decimal?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        fixedPriceQuantity: Int? = nil,
        fixedPricePrice: Decimal? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.fixedPriceQuantity = fixedPriceQuantity
        self.fixedPricePrice = fixedPricePrice
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "fixedpricequantity", "fixedpriceprice"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        fixedPriceQuantity = try container.decodeIfPresent(Int.self, forKey: "fixedPriceQuantity")
        fixedPricePrice = try container.decodeIfPresent(Decimal.self, forKey: "fixedPricePrice")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(fixedPriceQuantity, forKey: "fixedPriceQuantity")
        try container.encodeIfPresent(fixedPricePrice, forKey: "fixedPricePrice")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// Buy n, get m discounted (`promotionMultiBuyReward`); further members kept as sent.
///
/// Spec: omnium-api.md §5.2.
public struct OmniumPromotionMultiBuyReward: Codable, Sendable, Equatable {
    public var requiredBuyAmount: Decimal?
    public var numberOfDiscountedItems: Int?
    public var percentage: Decimal?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        requiredBuyAmount: Decimal? = nil,
        numberOfDiscountedItems: Int? = nil,
        percentage: Decimal? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.requiredBuyAmount = requiredBuyAmount
        self.numberOfDiscountedItems = numberOfDiscountedItems
        self.percentage = percentage
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "requiredbuyamount", "numberofdiscounteditems", "percentage"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        requiredBuyAmount = try container.decodeIfPresent(Decimal.self, forKey: "requiredBuyAmount")
        numberOfDiscountedItems = try container.decodeIfPresent(Int.self, forKey: "numberOfDiscountedItems")
        percentage = try container.decodeIfPresent(Decimal.self, forKey: "percentage")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(requiredBuyAmount, forKey: "requiredBuyAmount")
        try container.encodeIfPresent(numberOfDiscountedItems, forKey: "numberOfDiscountedItems")
        try container.encodeIfPresent(percentage, forKey: "percentage")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
