import Foundation

// MARK: - FlowPurchaseOrderLine

/// A purchase order line on Flow's side.
///
/// Quantities are Flow's ×100 integers ("converted to cents"), `unitPrice` is integer hundredths
/// of the PO currency. Spec: flow-integration.md §9.1, §15.
public struct FlowPurchaseOrderLine: Hashable, Sendable, Codable {
    public var purchaseOrderUid: String
    /// Sanitized Omnium `lineItemId` (unique across Omnium POs).
    public var lineUid: String
    /// The Omnium `lineItemId`, unsanitized (goods reception is reported per Omnium line).
    public var omniumLineItemId: String
    /// Position of the line in the Omnium PO, for stable ordering.
    public var position: Int
    public var sku: String
    public var ean: String?
    public var name: String?
    public var supplierSku: String?
    /// Ordered quantity ×100.
    public var quantityOrdered: Int64
    /// Received (delivered) quantity ×100.
    public var quantityReceived: Int64
    /// Discounted price per unit, hundredths.
    public var unitPrice: Int64
    public var warehouseUid: String?
    public var expectedDeliveryDate: Date?
    public var omniumDeliveryId: String?

    public init(purchaseOrderUid: String, lineUid: String, omniumLineItemId: String, position: Int, sku: String,
                ean: String? = nil, name: String? = nil, supplierSku: String? = nil, quantityOrdered: Int64,
                quantityReceived: Int64, unitPrice: Int64, warehouseUid: String? = nil,
                expectedDeliveryDate: Date? = nil, omniumDeliveryId: String? = nil) {
        self.purchaseOrderUid = purchaseOrderUid
        self.lineUid = lineUid
        self.omniumLineItemId = omniumLineItemId
        self.position = position
        self.sku = sku
        self.ean = ean
        self.name = name
        self.supplierSku = supplierSku
        self.quantityOrdered = quantityOrdered
        self.quantityReceived = quantityReceived
        self.unitPrice = unitPrice
        self.warehouseUid = warehouseUid
        self.expectedDeliveryDate = expectedDeliveryDate
        self.omniumDeliveryId = omniumDeliveryId
    }
}
