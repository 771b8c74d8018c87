import Foundation

/// A payment transaction. `transactionType`: `Authorization`, `Capture`, `Sale` (POS), `Credit` (refund), `Invoiced`, `Void`; `status`: `Processed` or `Failed`.
///
/// Spec: omnium-contract.md §10.1, omnium-api.md §5.2.
public struct OmniumPayment: Codable, Sendable, Equatable {
    public var id: String?
    public var transactionId: String?
    public var paymentMethodName: String?
    public var paymentType: String?
    public var transactionType: String?
    public var status: String?
    public var amount: Decimal?
    public var paidDate: Date?
    public var created: Date?
    public var shipmentId: String?
    public var storeId: String?
    public var invoiceId: String?
    public var internalReference: String?
    public var orderLineReferences: [OmniumOrderLineReference]?
    public var properties: [OmniumProperty]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        transactionId: String? = nil,
        paymentMethodName: String? = nil,
        paymentType: String? = nil,
        transactionType: String? = nil,
        status: String? = nil,
        amount: Decimal? = nil,
        paidDate: Date? = nil,
        created: Date? = nil,
        shipmentId: String? = nil,
        storeId: String? = nil,
        invoiceId: String? = nil,
        internalReference: String? = nil,
        orderLineReferences: [OmniumOrderLineReference]? = nil,
        properties: [OmniumProperty]? = nil
    ) {
        self.id = id
        self.transactionId = transactionId
        self.paymentMethodName = paymentMethodName
        self.paymentType = paymentType
        self.transactionType = transactionType
        self.status = status
        self.amount = amount
        self.paidDate = paidDate
        self.created = created
        self.shipmentId = shipmentId
        self.storeId = storeId
        self.invoiceId = invoiceId
        self.internalReference = internalReference
        self.orderLineReferences = orderLineReferences
        self.properties = properties
    }
}

/// A reference from a payment to an order line.
///
/// Spec: omnium-contract.md §10.1.
public struct OmniumOrderLineReference: Codable, Sendable, Equatable {
    public var lineItemId: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItemId: String? = nil
    ) {
        self.lineItemId = lineItemId
    }
}
