import Foundation

// MARK: - FlowPurchaseOrder

/// A purchase order header on Flow's side, as exported from Omnium.
///
/// One per Omnium purchase order, or one per Omnium delivery when `ExportDeliveryAsPo` is on
/// (`purchaseOrderUid` then ends in `-delivery-{deliveryId}`). Spec: flow-integration.md §9.1.
public struct FlowPurchaseOrder: Hashable, Sendable, Codable {
    /// Sanitized Omnium PO id (plus the delivery suffix in delivery mode).
    public var purchaseOrderUid: String
    /// The Omnium purchase order id, unsanitized (for goods reception back to Omnium).
    public var omniumPurchaseOrderId: String
    /// The Omnium delivery id in delivery mode, else nil.
    public var omniumDeliveryId: String?
    public var purchaseOrderNumber: String?
    public var supplierUid: String
    public var supplierName: String?
    public var currency: String?
    public var supplierReferenceNumber: String?
    /// Omnium's purchase-order notes, comma-joined.
    public var note: String?
    public var status: FlowPurchaseOrderStatus
    /// The Flow store that owns the receiving warehouse.
    public var storeUid: String?
    /// The receiving warehouse.
    public var warehouseUid: String?
    public var expectedDeliveryDate: Date?
    /// Omnium's own status, kept for support ("why is this PO CLOSED?").
    public var omniumStatus: String?
    public var omniumModified: Date?

    public init(purchaseOrderUid: String, omniumPurchaseOrderId: String, omniumDeliveryId: String? = nil,
                purchaseOrderNumber: String? = nil, supplierUid: String, supplierName: String? = nil,
                currency: String? = nil, supplierReferenceNumber: String? = nil, note: String? = nil,
                status: FlowPurchaseOrderStatus, storeUid: String? = nil, warehouseUid: String? = nil,
                expectedDeliveryDate: Date? = nil, omniumStatus: String? = nil, omniumModified: Date? = nil) {
        self.purchaseOrderUid = purchaseOrderUid
        self.omniumPurchaseOrderId = omniumPurchaseOrderId
        self.omniumDeliveryId = omniumDeliveryId
        self.purchaseOrderNumber = purchaseOrderNumber
        self.supplierUid = supplierUid
        self.supplierName = supplierName
        self.currency = currency
        self.supplierReferenceNumber = supplierReferenceNumber
        self.note = note
        self.status = status
        self.storeUid = storeUid
        self.warehouseUid = warehouseUid
        self.expectedDeliveryDate = expectedDeliveryDate
        self.omniumStatus = omniumStatus
        self.omniumModified = omniumModified
    }
}
