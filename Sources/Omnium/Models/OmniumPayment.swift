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
    public var authorizationCode: String?
    public var authorizationExpires: Date?
    public var reason: String?
    public var comment: String?
    public var customerName: String?
    public var isManuallyAdded: Bool?
    public var externalIds: [OmniumExternalId]?
    /// deprecated
    public var paymentId: Int?
    /// deprecated
    public var paymentMethodId: String?
    /// deprecated
    public var validationCode: String?
    /// deprecated
    public var implementationClass: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

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
        properties: [OmniumProperty]? = nil,
        authorizationCode: String? = nil,
        authorizationExpires: Date? = nil,
        reason: String? = nil,
        comment: String? = nil,
        customerName: String? = nil,
        isManuallyAdded: Bool? = nil,
        externalIds: [OmniumExternalId]? = nil,
        paymentId: Int? = nil,
        paymentMethodId: String? = nil,
        validationCode: String? = nil,
        implementationClass: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
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
        self.authorizationCode = authorizationCode
        self.authorizationExpires = authorizationExpires
        self.reason = reason
        self.comment = comment
        self.customerName = customerName
        self.isManuallyAdded = isManuallyAdded
        self.externalIds = externalIds
        self.paymentId = paymentId
        self.paymentMethodId = paymentMethodId
        self.validationCode = validationCode
        self.implementationClass = implementationClass
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "id", "transactionid", "paymentmethodname", "paymenttype", "transactiontype", "status", "amount",
        "paiddate", "created", "shipmentid", "storeid", "invoiceid", "internalreference", "orderlinereferences",
        "properties", "authorizationcode", "authorizationexpires", "reason", "comment", "customername",
        "ismanuallyadded", "externalids", "paymentid", "paymentmethodid", "validationcode", "implementationclass"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        id = try container.decodeIfPresent(String.self, forKey: "id")
        transactionId = try container.decodeIfPresent(String.self, forKey: "transactionId")
        paymentMethodName = try container.decodeIfPresent(String.self, forKey: "paymentMethodName")
        paymentType = try container.decodeIfPresent(String.self, forKey: "paymentType")
        transactionType = try container.decodeIfPresent(String.self, forKey: "transactionType")
        status = try container.decodeIfPresent(String.self, forKey: "status")
        amount = try container.decodeIfPresent(Decimal.self, forKey: "amount")
        paidDate = try container.decodeIfPresent(Date.self, forKey: "paidDate")
        created = try container.decodeIfPresent(Date.self, forKey: "created")
        shipmentId = try container.decodeIfPresent(String.self, forKey: "shipmentId")
        storeId = try container.decodeIfPresent(String.self, forKey: "storeId")
        invoiceId = try container.decodeIfPresent(String.self, forKey: "invoiceId")
        internalReference = try container.decodeIfPresent(String.self, forKey: "internalReference")
        orderLineReferences = try container.decodeIfPresent([OmniumOrderLineReference].self, forKey: "orderLineReferences")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        authorizationCode = try container.decodeIfPresent(String.self, forKey: "authorizationCode")
        authorizationExpires = try container.decodeIfPresent(Date.self, forKey: "authorizationExpires")
        reason = try container.decodeIfPresent(String.self, forKey: "reason")
        comment = try container.decodeIfPresent(String.self, forKey: "comment")
        customerName = try container.decodeIfPresent(String.self, forKey: "customerName")
        isManuallyAdded = try container.decodeIfPresent(Bool.self, forKey: "isManuallyAdded")
        externalIds = try container.decodeIfPresent([OmniumExternalId].self, forKey: "externalIds")
        paymentId = try container.decodeIfPresent(Int.self, forKey: "paymentId")
        paymentMethodId = try container.decodeIfPresent(String.self, forKey: "paymentMethodId")
        validationCode = try container.decodeIfPresent(String.self, forKey: "validationCode")
        implementationClass = try container.decodeIfPresent(String.self, forKey: "implementationClass")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(id, forKey: "id")
        try container.encodeIfPresent(transactionId, forKey: "transactionId")
        try container.encodeIfPresent(paymentMethodName, forKey: "paymentMethodName")
        try container.encodeIfPresent(paymentType, forKey: "paymentType")
        try container.encodeIfPresent(transactionType, forKey: "transactionType")
        try container.encodeIfPresent(status, forKey: "status")
        try container.encodeIfPresent(amount, forKey: "amount")
        try container.encodeIfPresent(paidDate, forKey: "paidDate")
        try container.encodeIfPresent(created, forKey: "created")
        try container.encodeIfPresent(shipmentId, forKey: "shipmentId")
        try container.encodeIfPresent(storeId, forKey: "storeId")
        try container.encodeIfPresent(invoiceId, forKey: "invoiceId")
        try container.encodeIfPresent(internalReference, forKey: "internalReference")
        try container.encodeIfPresent(orderLineReferences, forKey: "orderLineReferences")
        try container.encodeIfPresent(properties, forKey: "properties")
        try container.encodeIfPresent(authorizationCode, forKey: "authorizationCode")
        try container.encodeIfPresent(authorizationExpires, forKey: "authorizationExpires")
        try container.encodeIfPresent(reason, forKey: "reason")
        try container.encodeIfPresent(comment, forKey: "comment")
        try container.encodeIfPresent(customerName, forKey: "customerName")
        try container.encodeIfPresent(isManuallyAdded, forKey: "isManuallyAdded")
        try container.encodeIfPresent(externalIds, forKey: "externalIds")
        try container.encodeIfPresent(paymentId, forKey: "paymentId")
        try container.encodeIfPresent(paymentMethodId, forKey: "paymentMethodId")
        try container.encodeIfPresent(validationCode, forKey: "validationCode")
        try container.encodeIfPresent(implementationClass, forKey: "implementationClass")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}

/// A reference from a payment to an order line.
///
/// Spec: omnium-contract.md §10.1.
public struct OmniumOrderLineReference: Codable, Sendable, Equatable {
    public var lineItemId: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        lineItemId: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.lineItemId = lineItemId
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "lineitemid"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        lineItemId = try container.decodeIfPresent(String.self, forKey: "lineItemId")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(lineItemId, forKey: "lineItemId")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
