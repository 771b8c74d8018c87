import Foundation

/// An inbound delivery of purchase order lines to a warehouse. Status goes `Created` → `InProgress` → `Completed` as goods are received.
///
/// Spec: omnium-contract.md §9, omnium-api.md §11.
public struct OmniumDelivery: Codable, Sendable, Equatable {
    public var id: String?
    public var deliveryStatus: String?
    public var warehouseCode: String?
    public var supplierWarehouseCode: String?
    /// `PurchaseOrder` | `InternalTransfer`
    public var orderType: String?
    public var supplierIds: [String]?
    public var estimatedTimeOfArrival: Date?
    public var isAutoDeliveryStatusDisabled: Bool?
    public var properties: [OmniumProperty]?
    public var created: Date?
    public var modified: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        deliveryStatus: String? = nil,
        warehouseCode: String? = nil,
        supplierWarehouseCode: String? = nil,
        orderType: String? = nil,
        supplierIds: [String]? = nil,
        estimatedTimeOfArrival: Date? = nil,
        isAutoDeliveryStatusDisabled: Bool? = nil,
        properties: [OmniumProperty]? = nil,
        created: Date? = nil,
        modified: Date? = nil
    ) {
        self.id = id
        self.deliveryStatus = deliveryStatus
        self.warehouseCode = warehouseCode
        self.supplierWarehouseCode = supplierWarehouseCode
        self.orderType = orderType
        self.supplierIds = supplierIds
        self.estimatedTimeOfArrival = estimatedTimeOfArrival
        self.isAutoDeliveryStatusDisabled = isAutoDeliveryStatusDisabled
        self.properties = properties
        self.created = created
        self.modified = modified
    }
}
