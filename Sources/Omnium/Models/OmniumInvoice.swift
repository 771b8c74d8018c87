import Foundation

/// An invoice or receipt record; Flow creates one per settled receipt and attaches its PDF.
///
/// Spec: omnium-contract.md §12, omnium-api.md §6.
public struct OmniumInvoice: Codable, Sendable, Equatable {
    public var id: String?
    public var invoiceNumber: String?
    /// `Ingoing` | `Outgoing`
    public var invoiceType: String?
    public var isCreditNote: Bool?
    public var orderId: String?
    public var invoiceDate: Date?
    public var invoiceDueDate: Date?
    public var deliveryDate: Date?
    public var amount: Decimal?
    public var amountExcludingTax: Decimal?
    public var amountOutstanding: Decimal?
    public var amountRoundoff: Decimal?
    public var currency: String?
    public var kid: String?
    public var customerId: String?
    public var customerName: String?
    public var customerEmail: String?
    /// `Business` | `Private`
    public var customerType: String?
    public var customerAddress: OmniumOrderAddress?
    public var lineItems: [OmniumOrderLine]?
    public var payments: [OmniumPayment]?
    public var paymentMethodName: String?
    public var marketId: String?
    public var storeId: String?
    public var comment: String?
    public var url: String?
    public var assets: [OmniumAsset]?
    public var externalIds: [OmniumExternalId]?
    public var properties: [OmniumProperty]?
    public var created: Date?
    public var modified: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        invoiceNumber: String? = nil,
        invoiceType: String? = nil,
        isCreditNote: Bool? = nil,
        orderId: String? = nil,
        invoiceDate: Date? = nil,
        invoiceDueDate: Date? = nil,
        deliveryDate: Date? = nil,
        amount: Decimal? = nil,
        amountExcludingTax: Decimal? = nil,
        amountOutstanding: Decimal? = nil,
        amountRoundoff: Decimal? = nil,
        currency: String? = nil,
        kid: String? = nil,
        customerId: String? = nil,
        customerName: String? = nil,
        customerEmail: String? = nil,
        customerType: String? = nil,
        customerAddress: OmniumOrderAddress? = nil,
        lineItems: [OmniumOrderLine]? = nil,
        payments: [OmniumPayment]? = nil,
        paymentMethodName: String? = nil,
        marketId: String? = nil,
        storeId: String? = nil,
        comment: String? = nil,
        url: String? = nil,
        assets: [OmniumAsset]? = nil,
        externalIds: [OmniumExternalId]? = nil,
        properties: [OmniumProperty]? = nil,
        created: Date? = nil,
        modified: Date? = nil
    ) {
        self.id = id
        self.invoiceNumber = invoiceNumber
        self.invoiceType = invoiceType
        self.isCreditNote = isCreditNote
        self.orderId = orderId
        self.invoiceDate = invoiceDate
        self.invoiceDueDate = invoiceDueDate
        self.deliveryDate = deliveryDate
        self.amount = amount
        self.amountExcludingTax = amountExcludingTax
        self.amountOutstanding = amountOutstanding
        self.amountRoundoff = amountRoundoff
        self.currency = currency
        self.kid = kid
        self.customerId = customerId
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.customerType = customerType
        self.customerAddress = customerAddress
        self.lineItems = lineItems
        self.payments = payments
        self.paymentMethodName = paymentMethodName
        self.marketId = marketId
        self.storeId = storeId
        self.comment = comment
        self.url = url
        self.assets = assets
        self.externalIds = externalIds
        self.properties = properties
        self.created = created
        self.modified = modified
    }
}
