import Foundation

/// Body of `UpdateStatus` on orders and returns: the target `status` (required), and for returns the `returnId`.
///
/// Spec: omnium-contract.md §10, omnium-api.md §5.6.
public struct OmniumUpdateStatusPatch: Codable, Sendable, Equatable {
    public var status: String
    public var returnId: String?
    public var skipRunWorkflow: Bool?
    public var userId: String?
    public var shipmentInfo: OmniumUpdateShipmentInfo?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        status: String,
        returnId: String? = nil,
        skipRunWorkflow: Bool? = nil,
        userId: String? = nil,
        shipmentInfo: OmniumUpdateShipmentInfo? = nil
    ) {
        self.status = status
        self.returnId = returnId
        self.skipRunWorkflow = skipRunWorkflow
        self.userId = userId
        self.shipmentInfo = shipmentInfo
    }
}

/// Shipment details that may come with a status update (ignored by the sandbox).
///
/// Spec: omnium-api.md §5.6.
public struct OmniumUpdateShipmentInfo: Codable, Sendable, Equatable {
    public var shipmentId: String?
    public var shipmentMethodName: String?
    public var warehouseCode: String?
    public var trackingNumber: String?
    public var trackingUrl: String?
    public var orderStatus: String?
    public var comment: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        shipmentId: String? = nil,
        shipmentMethodName: String? = nil,
        warehouseCode: String? = nil,
        trackingNumber: String? = nil,
        trackingUrl: String? = nil,
        orderStatus: String? = nil,
        comment: String? = nil
    ) {
        self.shipmentId = shipmentId
        self.shipmentMethodName = shipmentMethodName
        self.warehouseCode = warehouseCode
        self.trackingNumber = trackingNumber
        self.trackingUrl = trackingUrl
        self.orderStatus = orderStatus
        self.comment = comment
    }
}
