import Foundation

/// A shipment of order lines from `warehouseCode`; Click & Collect orders name the pickup store in `pickUpWarehouseCode`.
///
/// Spec: omnium-contract.md §10.1, omnium-api.md §5.2.
public struct OmniumShipment: Codable, Sendable, Equatable {
    /// documented required; validated by the server
    public var shipmentId: String?
    public var warehouseCode: String?
    public var pickUpWarehouseCode: String?
    public var shippingMethodName: String?
    public var shippingMethodId: String?
    public var status: String?
    public var orderStatus: String?
    public var lineItems: [OmniumOrderLine]?
    public var address: OmniumOrderAddress?
    public var shippingSubTotal: Decimal?
    public var shipmentTaxRate: Decimal?
    public var shipmentTrackingNumber: String?
    public var shipmentTrackingLink: String?
    public var properties: [OmniumProperty]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        shipmentId: String? = nil,
        warehouseCode: String? = nil,
        pickUpWarehouseCode: String? = nil,
        shippingMethodName: String? = nil,
        shippingMethodId: String? = nil,
        status: String? = nil,
        orderStatus: String? = nil,
        lineItems: [OmniumOrderLine]? = nil,
        address: OmniumOrderAddress? = nil,
        shippingSubTotal: Decimal? = nil,
        shipmentTaxRate: Decimal? = nil,
        shipmentTrackingNumber: String? = nil,
        shipmentTrackingLink: String? = nil,
        properties: [OmniumProperty]? = nil
    ) {
        self.shipmentId = shipmentId
        self.warehouseCode = warehouseCode
        self.pickUpWarehouseCode = pickUpWarehouseCode
        self.shippingMethodName = shippingMethodName
        self.shippingMethodId = shippingMethodId
        self.status = status
        self.orderStatus = orderStatus
        self.lineItems = lineItems
        self.address = address
        self.shippingSubTotal = shippingSubTotal
        self.shipmentTaxRate = shipmentTaxRate
        self.shipmentTrackingNumber = shipmentTrackingNumber
        self.shipmentTrackingLink = shipmentTrackingLink
        self.properties = properties
    }
}
