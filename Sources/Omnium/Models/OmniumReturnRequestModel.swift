import Foundation

/// Body of `POST /api/Returns/{orderId}/Return`. `rmaNumber` is generated when omitted; the client sends Flow's return order uid.
///
/// Spec: omnium-contract.md §10, omnium-api.md §5.9.
public struct OmniumReturnRequestModel: Codable, Sendable, Equatable {
    public var returns: [OmniumLineItemReturn]?
    public var storeId: String?
    public var creditPayment: Bool?
    public var creditShipment: Bool?
    public var creditAmount: Decimal?
    public var comment: String?
    public var rmaNumber: String?
    public var returnType: String?
    public var status: String?
    public var userId: String?
    public var properties: [OmniumProperty]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        returns: [OmniumLineItemReturn]? = nil,
        storeId: String? = nil,
        creditPayment: Bool? = nil,
        creditShipment: Bool? = nil,
        creditAmount: Decimal? = nil,
        comment: String? = nil,
        rmaNumber: String? = nil,
        returnType: String? = nil,
        status: String? = nil,
        userId: String? = nil,
        properties: [OmniumProperty]? = nil
    ) {
        self.returns = returns
        self.storeId = storeId
        self.creditPayment = creditPayment
        self.creditShipment = creditShipment
        self.creditAmount = creditAmount
        self.comment = comment
        self.rmaNumber = rmaNumber
        self.returnType = returnType
        self.status = status
        self.userId = userId
        self.properties = properties
    }
}

/// One returned line of a return request.
///
/// Spec: omnium-contract.md §10.
public struct OmniumLineItemReturn: Codable, Sendable, Equatable {
    public var lineItemId: String?
    public var returnQuantity: Decimal?
    public var returnReason: String?
    public var returnType: String?
    public var creditAmount: Decimal?
    public var isStockUpdated: Bool?
    public var properties: [OmniumProperty]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItemId: String? = nil,
        returnQuantity: Decimal? = nil,
        returnReason: String? = nil,
        returnType: String? = nil,
        creditAmount: Decimal? = nil,
        isStockUpdated: Bool? = nil,
        properties: [OmniumProperty]? = nil
    ) {
        self.lineItemId = lineItemId
        self.returnQuantity = returnQuantity
        self.returnReason = returnReason
        self.returnType = returnType
        self.creditAmount = creditAmount
        self.isStockUpdated = isStockUpdated
        self.properties = properties
    }
}
