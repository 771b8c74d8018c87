import Foundation

/// A return of some order lines (`rmaNumber` = Flow's return order uid); also appended to the order's `returnOrderForms`.
///
/// Spec: omnium-contract.md §10, omnium-api.md §5.9.
public struct OmniumReturnOrderForm: Codable, Sendable, Equatable {
    public var returnId: String?
    public var rmaNumber: String?
    public var status: String?
    public var returnType: String?
    public var returnComment: String?
    public var storeId: String?
    public var userId: String?
    public var created: Date?
    public var modified: Date?
    public var lineItems: [OmniumOrderLine]?
    public var payments: [OmniumPayment]?
    public var creditPayment: Bool?
    public var creditAmount: Decimal?
    public var subTotal: Decimal?
    public var taxTotal: Decimal?
    public var total: Decimal?
    public var totalExclTax: Decimal?
    public var properties: [OmniumProperty]?
    public var externalIds: [OmniumExternalId]?
    public var shipments: [OmniumShipment]?
    /// kept as sent
    public var returnCharges: [OmniumJSONValue]?
    /// kept as sent
    public var claim: OmniumJSONValue?
    public var replacementOrderIds: [String]?
    public var sentNotificationIds: [String]?
    public var errors: [OmniumEntityError]?
    public var handlingTotal: Decimal?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        returnId: String? = nil,
        rmaNumber: String? = nil,
        status: String? = nil,
        returnType: String? = nil,
        returnComment: String? = nil,
        storeId: String? = nil,
        userId: String? = nil,
        created: Date? = nil,
        modified: Date? = nil,
        lineItems: [OmniumOrderLine]? = nil,
        payments: [OmniumPayment]? = nil,
        creditPayment: Bool? = nil,
        creditAmount: Decimal? = nil,
        subTotal: Decimal? = nil,
        taxTotal: Decimal? = nil,
        total: Decimal? = nil,
        totalExclTax: Decimal? = nil,
        properties: [OmniumProperty]? = nil,
        externalIds: [OmniumExternalId]? = nil,
        shipments: [OmniumShipment]? = nil,
        returnCharges: [OmniumJSONValue]? = nil,
        claim: OmniumJSONValue? = nil,
        replacementOrderIds: [String]? = nil,
        sentNotificationIds: [String]? = nil,
        errors: [OmniumEntityError]? = nil,
        handlingTotal: Decimal? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.returnId = returnId
        self.rmaNumber = rmaNumber
        self.status = status
        self.returnType = returnType
        self.returnComment = returnComment
        self.storeId = storeId
        self.userId = userId
        self.created = created
        self.modified = modified
        self.lineItems = lineItems
        self.payments = payments
        self.creditPayment = creditPayment
        self.creditAmount = creditAmount
        self.subTotal = subTotal
        self.taxTotal = taxTotal
        self.total = total
        self.totalExclTax = totalExclTax
        self.properties = properties
        self.externalIds = externalIds
        self.shipments = shipments
        self.returnCharges = returnCharges
        self.claim = claim
        self.replacementOrderIds = replacementOrderIds
        self.sentNotificationIds = sentNotificationIds
        self.errors = errors
        self.handlingTotal = handlingTotal
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "returnid", "rmanumber", "status", "returntype", "returncomment", "storeid", "userid", "created",
        "modified", "lineitems", "payments", "creditpayment", "creditamount", "subtotal", "taxtotal", "total",
        "totalexcltax", "properties", "externalids", "shipments", "returncharges", "claim", "replacementorderids",
        "sentnotificationids", "errors", "handlingtotal"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        returnId = try container.decodeIfPresent(String.self, forKey: "returnId")
        rmaNumber = try container.decodeIfPresent(String.self, forKey: "rmaNumber")
        status = try container.decodeIfPresent(String.self, forKey: "status")
        returnType = try container.decodeIfPresent(String.self, forKey: "returnType")
        returnComment = try container.decodeIfPresent(String.self, forKey: "returnComment")
        storeId = try container.decodeIfPresent(String.self, forKey: "storeId")
        userId = try container.decodeIfPresent(String.self, forKey: "userId")
        created = try container.decodeIfPresent(Date.self, forKey: "created")
        modified = try container.decodeIfPresent(Date.self, forKey: "modified")
        lineItems = try container.decodeIfPresent([OmniumOrderLine].self, forKey: "lineItems")
        payments = try container.decodeIfPresent([OmniumPayment].self, forKey: "payments")
        creditPayment = try container.decodeIfPresent(Bool.self, forKey: "creditPayment")
        creditAmount = try container.decodeIfPresent(Decimal.self, forKey: "creditAmount")
        subTotal = try container.decodeIfPresent(Decimal.self, forKey: "subTotal")
        taxTotal = try container.decodeIfPresent(Decimal.self, forKey: "taxTotal")
        total = try container.decodeIfPresent(Decimal.self, forKey: "total")
        totalExclTax = try container.decodeIfPresent(Decimal.self, forKey: "totalExclTax")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        externalIds = try container.decodeIfPresent([OmniumExternalId].self, forKey: "externalIds")
        shipments = try container.decodeIfPresent([OmniumShipment].self, forKey: "shipments")
        returnCharges = try container.decodeIfPresent([OmniumJSONValue].self, forKey: "returnCharges")
        claim = try container.decodeIfPresent(OmniumJSONValue.self, forKey: "claim")
        replacementOrderIds = try container.decodeIfPresent([String].self, forKey: "replacementOrderIds")
        sentNotificationIds = try container.decodeIfPresent([String].self, forKey: "sentNotificationIds")
        errors = try container.decodeIfPresent([OmniumEntityError].self, forKey: "errors")
        handlingTotal = try container.decodeIfPresent(Decimal.self, forKey: "handlingTotal")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(returnId, forKey: "returnId")
        try container.encodeIfPresent(rmaNumber, forKey: "rmaNumber")
        try container.encodeIfPresent(status, forKey: "status")
        try container.encodeIfPresent(returnType, forKey: "returnType")
        try container.encodeIfPresent(returnComment, forKey: "returnComment")
        try container.encodeIfPresent(storeId, forKey: "storeId")
        try container.encodeIfPresent(userId, forKey: "userId")
        try container.encodeIfPresent(created, forKey: "created")
        try container.encodeIfPresent(modified, forKey: "modified")
        try container.encodeIfPresent(lineItems, forKey: "lineItems")
        try container.encodeIfPresent(payments, forKey: "payments")
        try container.encodeIfPresent(creditPayment, forKey: "creditPayment")
        try container.encodeIfPresent(creditAmount, forKey: "creditAmount")
        try container.encodeIfPresent(subTotal, forKey: "subTotal")
        try container.encodeIfPresent(taxTotal, forKey: "taxTotal")
        try container.encodeIfPresent(total, forKey: "total")
        try container.encodeIfPresent(totalExclTax, forKey: "totalExclTax")
        try container.encodeIfPresent(properties, forKey: "properties")
        try container.encodeIfPresent(externalIds, forKey: "externalIds")
        try container.encodeIfPresent(shipments, forKey: "shipments")
        try container.encodeIfPresent(returnCharges, forKey: "returnCharges")
        try container.encodeIfPresent(claim, forKey: "claim")
        try container.encodeIfPresent(replacementOrderIds, forKey: "replacementOrderIds")
        try container.encodeIfPresent(sentNotificationIds, forKey: "sentNotificationIds")
        try container.encodeIfPresent(errors, forKey: "errors")
        try container.encodeIfPresent(handlingTotal, forKey: "handlingTotal")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
