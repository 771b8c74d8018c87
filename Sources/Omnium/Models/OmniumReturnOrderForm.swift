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
        externalIds: [OmniumExternalId]? = nil
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
    }
}
