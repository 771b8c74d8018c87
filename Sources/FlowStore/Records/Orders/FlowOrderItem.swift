import Foundation

// MARK: - FlowOrderItem

/// An order line on Flow's side.
///
/// Quantities are ×100 like Flow's PO quantities (an Omnium quantity is a decimal: 1.5 kg → 150),
/// money is integer hundredths incl. VAT. `deliveredQuantity` belongs to Flow (picked / handed
/// over in the store) and is never written by the inbound mapping. Spec: flow-integration.md §7.1, §12.
public struct FlowOrderItem: Hashable, Sendable, Codable {
    public var orderUid: String
    /// The Omnium `lineItemId`.
    public var externalId: String
    /// Position of the line in the Omnium order, for stable ordering.
    public var position: Int
    public var productUid: String?
    public var sku: String
    public var name: String?
    /// Quantity ×100.
    public var quantity: Int64
    /// Unit price incl. VAT, hundredths.
    public var itemPrice: Int64
    /// Discount on the whole line, hundredths incl. VAT.
    public var itemDiscountAmount: Int64
    /// VAT rate in percent (25 = 25 %); nil = the market's default.
    public var vatRate: Decimal?
    /// Cancelled quantity ×100 (from Omnium).
    public var cancelledQuantity: Int64
    /// Returned quantity ×100 (from Omnium).
    public var returnedQuantity: Int64
    /// Picked or handed-over quantity ×100, owned by Flow.
    public var deliveredQuantity: Int64

    public init(orderUid: String, externalId: String, position: Int, productUid: String? = nil, sku: String,
                name: String? = nil, quantity: Int64, itemPrice: Int64, itemDiscountAmount: Int64 = 0,
                vatRate: Decimal? = nil, cancelledQuantity: Int64 = 0, returnedQuantity: Int64 = 0,
                deliveredQuantity: Int64 = 0) {
        self.orderUid = orderUid
        self.externalId = externalId
        self.position = position
        self.productUid = productUid
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.itemPrice = itemPrice
        self.itemDiscountAmount = itemDiscountAmount
        self.vatRate = vatRate
        self.cancelledQuantity = cancelledQuantity
        self.returnedQuantity = returnedQuantity
        self.deliveredQuantity = deliveredQuantity
    }
}
