import Foundation

/// The lines, shipments, payments and discounts of an order; `lineItems` is the authoritative line list. Totals are CALC.
///
/// Spec: omnium-contract.md §10.1, omnium-api.md §5.2.
public struct OmniumOrderForm: Codable, Sendable, Equatable {
    public var lineItems: [OmniumOrderLine]?
    public var shipments: [OmniumShipment]?
    public var payments: [OmniumPayment]?
    public var discounts: [OmniumDiscount]?
    public var couponCodes: [String]?
    public var properties: [OmniumProperty]?
    /// CALC
    public var subTotal: Decimal?
    /// CALC
    public var subTotalExclTax: Decimal?
    /// CALC
    public var taxTotal: Decimal?
    /// CALC
    public var total: Decimal?
    /// CALC
    public var totalExclTax: Decimal?
    /// CALC
    public var discountAmount: Decimal?
    /// CALC
    public var shippingSubTotal: Decimal?
    /// CALC
    public var shippingTotal: Decimal?
    public var cartId: String?
    public var cartName: String?
    public var purchaseOrderId: String?
    public var isPriority: Bool?
    public var fullRefund: Bool?
    public var grossRoundoff: Decimal?
    public var handlingTotal: Decimal?
    public var orderLevelTax: Decimal?
    /// obsolete; kept as sent
    public var charges: OmniumJSONValue?
    /// CALC
    public var shippingSubTotalExclTax: Decimal?
    /// CALC
    public var shippingDiscountTotal: Decimal?
    /// CALC
    public var shippingCreditedTotal: Decimal?
    /// CALC
    public var authorizedPaymentTotal: Decimal?
    /// CALC
    public var capturedPaymentTotal: Decimal?
    /// CALC
    public var creditPaymentTotal: Decimal?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItems: [OmniumOrderLine]? = nil,
        shipments: [OmniumShipment]? = nil,
        payments: [OmniumPayment]? = nil,
        discounts: [OmniumDiscount]? = nil,
        couponCodes: [String]? = nil,
        properties: [OmniumProperty]? = nil,
        subTotal: Decimal? = nil,
        subTotalExclTax: Decimal? = nil,
        taxTotal: Decimal? = nil,
        total: Decimal? = nil,
        totalExclTax: Decimal? = nil,
        discountAmount: Decimal? = nil,
        shippingSubTotal: Decimal? = nil,
        shippingTotal: Decimal? = nil,
        cartId: String? = nil,
        cartName: String? = nil,
        purchaseOrderId: String? = nil,
        isPriority: Bool? = nil,
        fullRefund: Bool? = nil,
        grossRoundoff: Decimal? = nil,
        handlingTotal: Decimal? = nil,
        orderLevelTax: Decimal? = nil,
        charges: OmniumJSONValue? = nil,
        shippingSubTotalExclTax: Decimal? = nil,
        shippingDiscountTotal: Decimal? = nil,
        shippingCreditedTotal: Decimal? = nil,
        authorizedPaymentTotal: Decimal? = nil,
        capturedPaymentTotal: Decimal? = nil,
        creditPaymentTotal: Decimal? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.lineItems = lineItems
        self.shipments = shipments
        self.payments = payments
        self.discounts = discounts
        self.couponCodes = couponCodes
        self.properties = properties
        self.subTotal = subTotal
        self.subTotalExclTax = subTotalExclTax
        self.taxTotal = taxTotal
        self.total = total
        self.totalExclTax = totalExclTax
        self.discountAmount = discountAmount
        self.shippingSubTotal = shippingSubTotal
        self.shippingTotal = shippingTotal
        self.cartId = cartId
        self.cartName = cartName
        self.purchaseOrderId = purchaseOrderId
        self.isPriority = isPriority
        self.fullRefund = fullRefund
        self.grossRoundoff = grossRoundoff
        self.handlingTotal = handlingTotal
        self.orderLevelTax = orderLevelTax
        self.charges = charges
        self.shippingSubTotalExclTax = shippingSubTotalExclTax
        self.shippingDiscountTotal = shippingDiscountTotal
        self.shippingCreditedTotal = shippingCreditedTotal
        self.authorizedPaymentTotal = authorizedPaymentTotal
        self.capturedPaymentTotal = capturedPaymentTotal
        self.creditPaymentTotal = creditPaymentTotal
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "lineitems", "shipments", "payments", "discounts", "couponcodes", "properties", "subtotal",
        "subtotalexcltax", "taxtotal", "total", "totalexcltax", "discountamount", "shippingsubtotal",
        "shippingtotal", "cartid", "cartname", "purchaseorderid", "ispriority", "fullrefund", "grossroundoff",
        "handlingtotal", "orderleveltax", "charges", "shippingsubtotalexcltax", "shippingdiscounttotal",
        "shippingcreditedtotal", "authorizedpaymenttotal", "capturedpaymenttotal", "creditpaymenttotal"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        lineItems = try container.decodeIfPresent([OmniumOrderLine].self, forKey: "lineItems")
        shipments = try container.decodeIfPresent([OmniumShipment].self, forKey: "shipments")
        payments = try container.decodeIfPresent([OmniumPayment].self, forKey: "payments")
        discounts = try container.decodeIfPresent([OmniumDiscount].self, forKey: "discounts")
        couponCodes = try container.decodeIfPresent([String].self, forKey: "couponCodes")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        subTotal = try container.decodeIfPresent(Decimal.self, forKey: "subTotal")
        subTotalExclTax = try container.decodeIfPresent(Decimal.self, forKey: "subTotalExclTax")
        taxTotal = try container.decodeIfPresent(Decimal.self, forKey: "taxTotal")
        total = try container.decodeIfPresent(Decimal.self, forKey: "total")
        totalExclTax = try container.decodeIfPresent(Decimal.self, forKey: "totalExclTax")
        discountAmount = try container.decodeIfPresent(Decimal.self, forKey: "discountAmount")
        shippingSubTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingSubTotal")
        shippingTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingTotal")
        cartId = try container.decodeIfPresent(String.self, forKey: "cartId")
        cartName = try container.decodeIfPresent(String.self, forKey: "cartName")
        purchaseOrderId = try container.decodeIfPresent(String.self, forKey: "purchaseOrderId")
        isPriority = try container.decodeIfPresent(Bool.self, forKey: "isPriority")
        fullRefund = try container.decodeIfPresent(Bool.self, forKey: "fullRefund")
        grossRoundoff = try container.decodeIfPresent(Decimal.self, forKey: "grossRoundoff")
        handlingTotal = try container.decodeIfPresent(Decimal.self, forKey: "handlingTotal")
        orderLevelTax = try container.decodeIfPresent(Decimal.self, forKey: "orderLevelTax")
        charges = try container.decodeIfPresent(OmniumJSONValue.self, forKey: "charges")
        shippingSubTotalExclTax = try container.decodeIfPresent(Decimal.self, forKey: "shippingSubTotalExclTax")
        shippingDiscountTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingDiscountTotal")
        shippingCreditedTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingCreditedTotal")
        authorizedPaymentTotal = try container.decodeIfPresent(Decimal.self, forKey: "authorizedPaymentTotal")
        capturedPaymentTotal = try container.decodeIfPresent(Decimal.self, forKey: "capturedPaymentTotal")
        creditPaymentTotal = try container.decodeIfPresent(Decimal.self, forKey: "creditPaymentTotal")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(lineItems, forKey: "lineItems")
        try container.encodeIfPresent(shipments, forKey: "shipments")
        try container.encodeIfPresent(payments, forKey: "payments")
        try container.encodeIfPresent(discounts, forKey: "discounts")
        try container.encodeIfPresent(couponCodes, forKey: "couponCodes")
        try container.encodeIfPresent(properties, forKey: "properties")
        try container.encodeIfPresent(subTotal, forKey: "subTotal")
        try container.encodeIfPresent(subTotalExclTax, forKey: "subTotalExclTax")
        try container.encodeIfPresent(taxTotal, forKey: "taxTotal")
        try container.encodeIfPresent(total, forKey: "total")
        try container.encodeIfPresent(totalExclTax, forKey: "totalExclTax")
        try container.encodeIfPresent(discountAmount, forKey: "discountAmount")
        try container.encodeIfPresent(shippingSubTotal, forKey: "shippingSubTotal")
        try container.encodeIfPresent(shippingTotal, forKey: "shippingTotal")
        try container.encodeIfPresent(cartId, forKey: "cartId")
        try container.encodeIfPresent(cartName, forKey: "cartName")
        try container.encodeIfPresent(purchaseOrderId, forKey: "purchaseOrderId")
        try container.encodeIfPresent(isPriority, forKey: "isPriority")
        try container.encodeIfPresent(fullRefund, forKey: "fullRefund")
        try container.encodeIfPresent(grossRoundoff, forKey: "grossRoundoff")
        try container.encodeIfPresent(handlingTotal, forKey: "handlingTotal")
        try container.encodeIfPresent(orderLevelTax, forKey: "orderLevelTax")
        try container.encodeIfPresent(charges, forKey: "charges")
        try container.encodeIfPresent(shippingSubTotalExclTax, forKey: "shippingSubTotalExclTax")
        try container.encodeIfPresent(shippingDiscountTotal, forKey: "shippingDiscountTotal")
        try container.encodeIfPresent(shippingCreditedTotal, forKey: "shippingCreditedTotal")
        try container.encodeIfPresent(authorizedPaymentTotal, forKey: "authorizedPaymentTotal")
        try container.encodeIfPresent(capturedPaymentTotal, forKey: "capturedPaymentTotal")
        try container.encodeIfPresent(creditPaymentTotal, forKey: "creditPaymentTotal")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
