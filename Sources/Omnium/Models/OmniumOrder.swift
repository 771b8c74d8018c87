import Foundation

/// An order of any type (`Pos`, `Online`, `ClickAndCollect`, ...). `id` is unique across markets; `status` and `orderType` are tenant-configured strings. Modified, completed and totals are CALC.
///
/// Spec: omnium-contract.md §10, omnium-api.md §5.
public struct OmniumOrder: Codable, Sendable, Equatable {
    public var id: String?
    public var orderNumber: String?
    public var orderType: String?
    public var status: String?
    public var marketId: String?
    public var storeId: String?
    public var billingCurrency: String?
    public var customerId: String?
    public var customerNumber: String?
    public var customerName: String?
    public var customerEmail: String?
    public var customerPhone: String?
    /// `B2C` | `B2B`
    public var customerType: String?
    public var customerReference: String?
    public var billingAddress: OmniumOrderAddress?
    public var orderForm: OmniumOrderForm?
    public var returnOrderForms: [OmniumReturnOrderForm]?
    public var created: Date?
    /// CALC
    public var modified: Date?
    /// CALC
    public var completed: Date?
    public var readyForPickup: Date?
    /// CALC
    public var customerPickupDeadline: Date?
    /// CALC
    public var storePickDate: Date?
    public var requestedDeliveryDate: Date?
    public var orderOrigin: String?
    public var salesChannel: String?
    public var salesPersonId: String?
    public var salesPersonName: String?
    public var properties: [OmniumProperty]?
    public var externalIds: [OmniumExternalId]?
    public var tags: [String]?
    public var assets: [OmniumAsset]?
    public var errors: [OmniumEntityError]?
    public var isReadOnly: Bool?
    public var versionId: String?
    /// CALC
    public var netTotal: Decimal?
    /// CALC
    public var netTotalExclTax: Decimal?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        orderNumber: String? = nil,
        orderType: String? = nil,
        status: String? = nil,
        marketId: String? = nil,
        storeId: String? = nil,
        billingCurrency: String? = nil,
        customerId: String? = nil,
        customerNumber: String? = nil,
        customerName: String? = nil,
        customerEmail: String? = nil,
        customerPhone: String? = nil,
        customerType: String? = nil,
        customerReference: String? = nil,
        billingAddress: OmniumOrderAddress? = nil,
        orderForm: OmniumOrderForm? = nil,
        returnOrderForms: [OmniumReturnOrderForm]? = nil,
        created: Date? = nil,
        modified: Date? = nil,
        completed: Date? = nil,
        readyForPickup: Date? = nil,
        customerPickupDeadline: Date? = nil,
        storePickDate: Date? = nil,
        requestedDeliveryDate: Date? = nil,
        orderOrigin: String? = nil,
        salesChannel: String? = nil,
        salesPersonId: String? = nil,
        salesPersonName: String? = nil,
        properties: [OmniumProperty]? = nil,
        externalIds: [OmniumExternalId]? = nil,
        tags: [String]? = nil,
        assets: [OmniumAsset]? = nil,
        errors: [OmniumEntityError]? = nil,
        isReadOnly: Bool? = nil,
        versionId: String? = nil,
        netTotal: Decimal? = nil,
        netTotalExclTax: Decimal? = nil
    ) {
        self.id = id
        self.orderNumber = orderNumber
        self.orderType = orderType
        self.status = status
        self.marketId = marketId
        self.storeId = storeId
        self.billingCurrency = billingCurrency
        self.customerId = customerId
        self.customerNumber = customerNumber
        self.customerName = customerName
        self.customerEmail = customerEmail
        self.customerPhone = customerPhone
        self.customerType = customerType
        self.customerReference = customerReference
        self.billingAddress = billingAddress
        self.orderForm = orderForm
        self.returnOrderForms = returnOrderForms
        self.created = created
        self.modified = modified
        self.completed = completed
        self.readyForPickup = readyForPickup
        self.customerPickupDeadline = customerPickupDeadline
        self.storePickDate = storePickDate
        self.requestedDeliveryDate = requestedDeliveryDate
        self.orderOrigin = orderOrigin
        self.salesChannel = salesChannel
        self.salesPersonId = salesPersonId
        self.salesPersonName = salesPersonName
        self.properties = properties
        self.externalIds = externalIds
        self.tags = tags
        self.assets = assets
        self.errors = errors
        self.isReadOnly = isReadOnly
        self.versionId = versionId
        self.netTotal = netTotal
        self.netTotalExclTax = netTotalExclTax
    }
}

/// An error recorded on an entity (`OmniumEntityError`).
///
/// Spec: omnium-api.md §2.7.
public struct OmniumEntityError: Codable, Sendable, Equatable {
    public var key: String?
    public var message: String?
    public var details: String?
    public var occurred: Date?
    public var severity: String?
    public var status: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        key: String? = nil,
        message: String? = nil,
        details: String? = nil,
        occurred: Date? = nil,
        severity: String? = nil,
        status: String? = nil
    ) {
        self.key = key
        self.message = message
        self.details = details
        self.occurred = occurred
        self.severity = severity
        self.status = status
    }
}
