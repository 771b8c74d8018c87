import Foundation

/// An order line. `placedPrice` is the unit price including tax; `discounted` is the line discount in total. The CALC fields are computed by the server and ignored in requests.
///
/// Spec: omnium-contract.md §10.1, omnium-api.md §5.2.
public struct OmniumOrderLine: Codable, Sendable, Equatable {
    /// documented required; kept optional so one bad line never fails a whole page
    public var lineItemId: String?
    public var code: String?
    public var productId: String?
    public var displayName: String?
    public var quantity: Decimal?
    public var placedPrice: Decimal?
    public var taxRate: Decimal?
    public var discounted: Decimal?
    public var unit: String?
    public var ean: String?
    public var cost: Decimal?
    public var brand: String?
    public var color: String?
    public var size: String?
    public var imageUrl: String?
    public var deliveredQuantity: Decimal?
    public var canceledQuantity: Decimal?
    public var returnQuantity: Decimal?
    public var readyForPickupQuantity: Decimal?
    public var canceledDate: Date?
    public var returnDate: Date?
    public var deliveredDate: Date?
    public var cancelReason: String?
    public var returnReason: String?
    public var returnType: String?
    public var discountReasonCode: String?
    public var comment: String?
    /// CALC
    public var placedPriceExclTax: Decimal?
    /// CALC
    public var discountedPrice: Decimal?
    /// CALC
    public var discountedPriceExclTax: Decimal?
    /// CALC
    public var extendedPrice: Decimal?
    /// CALC
    public var extendedPriceExclTax: Decimal?
    /// CALC
    public var orderDiscountAmount: Decimal?
    /// CALC
    public var taxTotal: Decimal?
    public var properties: [OmniumProperty]?
    public var externalIds: [OmniumExternalId]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItemId: String? = nil,
        code: String? = nil,
        productId: String? = nil,
        displayName: String? = nil,
        quantity: Decimal? = nil,
        placedPrice: Decimal? = nil,
        taxRate: Decimal? = nil,
        discounted: Decimal? = nil,
        unit: String? = nil,
        ean: String? = nil,
        cost: Decimal? = nil,
        brand: String? = nil,
        color: String? = nil,
        size: String? = nil,
        imageUrl: String? = nil,
        deliveredQuantity: Decimal? = nil,
        canceledQuantity: Decimal? = nil,
        returnQuantity: Decimal? = nil,
        readyForPickupQuantity: Decimal? = nil,
        canceledDate: Date? = nil,
        returnDate: Date? = nil,
        deliveredDate: Date? = nil,
        cancelReason: String? = nil,
        returnReason: String? = nil,
        returnType: String? = nil,
        discountReasonCode: String? = nil,
        comment: String? = nil,
        placedPriceExclTax: Decimal? = nil,
        discountedPrice: Decimal? = nil,
        discountedPriceExclTax: Decimal? = nil,
        extendedPrice: Decimal? = nil,
        extendedPriceExclTax: Decimal? = nil,
        orderDiscountAmount: Decimal? = nil,
        taxTotal: Decimal? = nil,
        properties: [OmniumProperty]? = nil,
        externalIds: [OmniumExternalId]? = nil
    ) {
        self.lineItemId = lineItemId
        self.code = code
        self.productId = productId
        self.displayName = displayName
        self.quantity = quantity
        self.placedPrice = placedPrice
        self.taxRate = taxRate
        self.discounted = discounted
        self.unit = unit
        self.ean = ean
        self.cost = cost
        self.brand = brand
        self.color = color
        self.size = size
        self.imageUrl = imageUrl
        self.deliveredQuantity = deliveredQuantity
        self.canceledQuantity = canceledQuantity
        self.returnQuantity = returnQuantity
        self.readyForPickupQuantity = readyForPickupQuantity
        self.canceledDate = canceledDate
        self.returnDate = returnDate
        self.deliveredDate = deliveredDate
        self.cancelReason = cancelReason
        self.returnReason = returnReason
        self.returnType = returnType
        self.discountReasonCode = discountReasonCode
        self.comment = comment
        self.placedPriceExclTax = placedPriceExclTax
        self.discountedPrice = discountedPrice
        self.discountedPriceExclTax = discountedPriceExclTax
        self.extendedPrice = extendedPrice
        self.extendedPriceExclTax = extendedPriceExclTax
        self.orderDiscountAmount = orderDiscountAmount
        self.taxTotal = taxTotal
        self.properties = properties
        self.externalIds = externalIds
    }
}
