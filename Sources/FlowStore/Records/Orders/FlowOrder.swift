import Foundation

// MARK: - FlowOrder

/// An order header on Flow's side; for inbound orders, created from an Omnium order.
///
/// Money in integer hundredths incl. VAT. Its items are `FlowOrderItem`s and its handling tasks
/// `FlowOrderHandling`s, stored in their own tables. Spec: flow-integration.md §7.1, §12.
public struct FlowOrder: Hashable, Sendable, Codable {
    public var orderUid: String
    public var orderNumber: String
    /// The Omnium order id, unsanitized.
    public var externalOrderNumber: String
    public var type: FlowOrderType
    public var orderState: FlowOrderState
    /// For Click & Collect the pickup store, else the selling store.
    public var storeUid: String
    public var customerUid: String?
    public var currency: String?
    /// Order total incl. VAT, shipping and discounts.
    public var orderTotal: Int64
    public var vatTotal: Int64
    public var discountTotal: Int64
    public var shippingTotal: Int64
    /// Click & Collect pickup deadline.
    public var validUntil: Date?
    public var omniumStatus: String?
    public var omniumModified: Date?

    public init(orderUid: String, orderNumber: String, externalOrderNumber: String, type: FlowOrderType,
                orderState: FlowOrderState, storeUid: String, customerUid: String? = nil, currency: String? = nil,
                orderTotal: Int64 = 0, vatTotal: Int64 = 0, discountTotal: Int64 = 0, shippingTotal: Int64 = 0,
                validUntil: Date? = nil, omniumStatus: String? = nil, omniumModified: Date? = nil) {
        self.orderUid = orderUid
        self.orderNumber = orderNumber
        self.externalOrderNumber = externalOrderNumber
        self.type = type
        self.orderState = orderState
        self.storeUid = storeUid
        self.customerUid = customerUid
        self.currency = currency
        self.orderTotal = orderTotal
        self.vatTotal = vatTotal
        self.discountTotal = discountTotal
        self.shippingTotal = shippingTotal
        self.validUntil = validUntil
        self.omniumStatus = omniumStatus
        self.omniumModified = omniumModified
    }
}
