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
        shippingTotal: Decimal? = nil
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
    }
}
