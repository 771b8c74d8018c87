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
    public var customerContact: String?
    public var customerRequisition: String?
    public var customerClubMemberId: String?
    public var isNewCustomer: Bool?
    public var contactPerson: OmniumContactPerson?
    /// CALC
    public var modifiedBy: String?
    public var received: Date?
    public var followUpDate: Date?
    public var updateStatusDate: Date?
    public var nextOrderStatus: String?
    /// internal
    public var orderNotes: [OmniumComment]?
    /// customer-visible
    public var publicOrderNotes: [OmniumComment]?
    public var groups: [OmniumOrderGroup]?
    public var relatedOrders: [String]?
    public var replacementOrderIds: [String]?
    public var projectIds: [String]?
    /// obsolete
    public var projectId: String?
    public var subscriptionId: String?
    public var secretKey: String?
    public var session: String?
    public var isNotificationsDisabled: Bool?
    public var invoiceComment: String?
    public var paymentTermsNet: Int?
    /// CALC
    public var lineItemsCost: Decimal?
    /// CALC
    public var remainingPayment: Decimal?
    /// CALC
    public var shippingSubTotal: Decimal?
    /// CALC, obsolete order-level total
    public var subTotal: Decimal?
    /// CALC, obsolete order-level total
    public var subTotalExclTax: Decimal?
    /// CALC, obsolete order-level total
    public var taxTotal: Decimal?
    /// CALC, obsolete order-level total
    public var total: Decimal?
    /// CALC, obsolete order-level total
    public var totalExclTax: Decimal?
    /// CALC, obsolete order-level total
    public var discountTotalIncVat: Decimal?
    /// CALC, obsolete order-level total
    public var shippingDiscountTotal: Decimal?
    /// obsolete
    public var paymentType: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

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
        netTotalExclTax: Decimal? = nil,
        customerContact: String? = nil,
        customerRequisition: String? = nil,
        customerClubMemberId: String? = nil,
        isNewCustomer: Bool? = nil,
        contactPerson: OmniumContactPerson? = nil,
        modifiedBy: String? = nil,
        received: Date? = nil,
        followUpDate: Date? = nil,
        updateStatusDate: Date? = nil,
        nextOrderStatus: String? = nil,
        orderNotes: [OmniumComment]? = nil,
        publicOrderNotes: [OmniumComment]? = nil,
        groups: [OmniumOrderGroup]? = nil,
        relatedOrders: [String]? = nil,
        replacementOrderIds: [String]? = nil,
        projectIds: [String]? = nil,
        projectId: String? = nil,
        subscriptionId: String? = nil,
        secretKey: String? = nil,
        session: String? = nil,
        isNotificationsDisabled: Bool? = nil,
        invoiceComment: String? = nil,
        paymentTermsNet: Int? = nil,
        lineItemsCost: Decimal? = nil,
        remainingPayment: Decimal? = nil,
        shippingSubTotal: Decimal? = nil,
        subTotal: Decimal? = nil,
        subTotalExclTax: Decimal? = nil,
        taxTotal: Decimal? = nil,
        total: Decimal? = nil,
        totalExclTax: Decimal? = nil,
        discountTotalIncVat: Decimal? = nil,
        shippingDiscountTotal: Decimal? = nil,
        paymentType: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
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
        self.customerContact = customerContact
        self.customerRequisition = customerRequisition
        self.customerClubMemberId = customerClubMemberId
        self.isNewCustomer = isNewCustomer
        self.contactPerson = contactPerson
        self.modifiedBy = modifiedBy
        self.received = received
        self.followUpDate = followUpDate
        self.updateStatusDate = updateStatusDate
        self.nextOrderStatus = nextOrderStatus
        self.orderNotes = orderNotes
        self.publicOrderNotes = publicOrderNotes
        self.groups = groups
        self.relatedOrders = relatedOrders
        self.replacementOrderIds = replacementOrderIds
        self.projectIds = projectIds
        self.projectId = projectId
        self.subscriptionId = subscriptionId
        self.secretKey = secretKey
        self.session = session
        self.isNotificationsDisabled = isNotificationsDisabled
        self.invoiceComment = invoiceComment
        self.paymentTermsNet = paymentTermsNet
        self.lineItemsCost = lineItemsCost
        self.remainingPayment = remainingPayment
        self.shippingSubTotal = shippingSubTotal
        self.subTotal = subTotal
        self.subTotalExclTax = subTotalExclTax
        self.taxTotal = taxTotal
        self.total = total
        self.totalExclTax = totalExclTax
        self.discountTotalIncVat = discountTotalIncVat
        self.shippingDiscountTotal = shippingDiscountTotal
        self.paymentType = paymentType
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "id", "ordernumber", "ordertype", "status", "marketid", "storeid", "billingcurrency", "customerid",
        "customernumber", "customername", "customeremail", "customerphone", "customertype", "customerreference",
        "billingaddress", "orderform", "returnorderforms", "created", "modified", "completed", "readyforpickup",
        "customerpickupdeadline", "storepickdate", "requesteddeliverydate", "orderorigin", "saleschannel",
        "salespersonid", "salespersonname", "properties", "externalids", "tags", "assets", "errors", "isreadonly",
        "versionid", "nettotal", "nettotalexcltax", "customercontact", "customerrequisition",
        "customerclubmemberid", "isnewcustomer", "contactperson", "modifiedby", "received", "followupdate",
        "updatestatusdate", "nextorderstatus", "ordernotes", "publicordernotes", "groups", "relatedorders",
        "replacementorderids", "projectids", "projectid", "subscriptionid", "secretkey", "session",
        "isnotificationsdisabled", "invoicecomment", "paymenttermsnet", "lineitemscost", "remainingpayment",
        "shippingsubtotal", "subtotal", "subtotalexcltax", "taxtotal", "total", "totalexcltax",
        "discounttotalincvat", "shippingdiscounttotal", "paymenttype"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        id = try container.decodeIfPresent(String.self, forKey: "id")
        orderNumber = try container.decodeIfPresent(String.self, forKey: "orderNumber")
        orderType = try container.decodeIfPresent(String.self, forKey: "orderType")
        status = try container.decodeIfPresent(String.self, forKey: "status")
        marketId = try container.decodeIfPresent(String.self, forKey: "marketId")
        storeId = try container.decodeIfPresent(String.self, forKey: "storeId")
        billingCurrency = try container.decodeIfPresent(String.self, forKey: "billingCurrency")
        customerId = try container.decodeIfPresent(String.self, forKey: "customerId")
        customerNumber = try container.decodeIfPresent(String.self, forKey: "customerNumber")
        customerName = try container.decodeIfPresent(String.self, forKey: "customerName")
        customerEmail = try container.decodeIfPresent(String.self, forKey: "customerEmail")
        customerPhone = try container.decodeIfPresent(String.self, forKey: "customerPhone")
        customerType = try container.decodeIfPresent(String.self, forKey: "customerType")
        customerReference = try container.decodeIfPresent(String.self, forKey: "customerReference")
        billingAddress = try container.decodeIfPresent(OmniumOrderAddress.self, forKey: "billingAddress")
        orderForm = try container.decodeIfPresent(OmniumOrderForm.self, forKey: "orderForm")
        returnOrderForms = try container.decodeIfPresent([OmniumReturnOrderForm].self, forKey: "returnOrderForms")
        created = try container.decodeIfPresent(Date.self, forKey: "created")
        modified = try container.decodeIfPresent(Date.self, forKey: "modified")
        completed = try container.decodeIfPresent(Date.self, forKey: "completed")
        readyForPickup = try container.decodeIfPresent(Date.self, forKey: "readyForPickup")
        customerPickupDeadline = try container.decodeIfPresent(Date.self, forKey: "customerPickupDeadline")
        storePickDate = try container.decodeIfPresent(Date.self, forKey: "storePickDate")
        requestedDeliveryDate = try container.decodeIfPresent(Date.self, forKey: "requestedDeliveryDate")
        orderOrigin = try container.decodeIfPresent(String.self, forKey: "orderOrigin")
        salesChannel = try container.decodeIfPresent(String.self, forKey: "salesChannel")
        salesPersonId = try container.decodeIfPresent(String.self, forKey: "salesPersonId")
        salesPersonName = try container.decodeIfPresent(String.self, forKey: "salesPersonName")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        externalIds = try container.decodeIfPresent([OmniumExternalId].self, forKey: "externalIds")
        tags = try container.decodeIfPresent([String].self, forKey: "tags")
        assets = try container.decodeIfPresent([OmniumAsset].self, forKey: "assets")
        errors = try container.decodeIfPresent([OmniumEntityError].self, forKey: "errors")
        isReadOnly = try container.decodeIfPresent(Bool.self, forKey: "isReadOnly")
        versionId = try container.decodeIfPresent(String.self, forKey: "versionId")
        netTotal = try container.decodeIfPresent(Decimal.self, forKey: "netTotal")
        netTotalExclTax = try container.decodeIfPresent(Decimal.self, forKey: "netTotalExclTax")
        customerContact = try container.decodeIfPresent(String.self, forKey: "customerContact")
        customerRequisition = try container.decodeIfPresent(String.self, forKey: "customerRequisition")
        customerClubMemberId = try container.decodeIfPresent(String.self, forKey: "customerClubMemberId")
        isNewCustomer = try container.decodeIfPresent(Bool.self, forKey: "isNewCustomer")
        contactPerson = try container.decodeIfPresent(OmniumContactPerson.self, forKey: "contactPerson")
        modifiedBy = try container.decodeIfPresent(String.self, forKey: "modifiedBy")
        received = try container.decodeIfPresent(Date.self, forKey: "received")
        followUpDate = try container.decodeIfPresent(Date.self, forKey: "followUpDate")
        updateStatusDate = try container.decodeIfPresent(Date.self, forKey: "updateStatusDate")
        nextOrderStatus = try container.decodeIfPresent(String.self, forKey: "nextOrderStatus")
        orderNotes = try container.decodeIfPresent([OmniumComment].self, forKey: "orderNotes")
        publicOrderNotes = try container.decodeIfPresent([OmniumComment].self, forKey: "publicOrderNotes")
        groups = try container.decodeIfPresent([OmniumOrderGroup].self, forKey: "groups")
        relatedOrders = try container.decodeIfPresent([String].self, forKey: "relatedOrders")
        replacementOrderIds = try container.decodeIfPresent([String].self, forKey: "replacementOrderIds")
        projectIds = try container.decodeIfPresent([String].self, forKey: "projectIds")
        projectId = try container.decodeIfPresent(String.self, forKey: "projectId")
        subscriptionId = try container.decodeIfPresent(String.self, forKey: "subscriptionId")
        secretKey = try container.decodeIfPresent(String.self, forKey: "secretKey")
        session = try container.decodeIfPresent(String.self, forKey: "session")
        isNotificationsDisabled = try container.decodeIfPresent(Bool.self, forKey: "isNotificationsDisabled")
        invoiceComment = try container.decodeIfPresent(String.self, forKey: "invoiceComment")
        paymentTermsNet = try container.decodeIfPresent(Int.self, forKey: "paymentTermsNet")
        lineItemsCost = try container.decodeIfPresent(Decimal.self, forKey: "lineItemsCost")
        remainingPayment = try container.decodeIfPresent(Decimal.self, forKey: "remainingPayment")
        shippingSubTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingSubTotal")
        subTotal = try container.decodeIfPresent(Decimal.self, forKey: "subTotal")
        subTotalExclTax = try container.decodeIfPresent(Decimal.self, forKey: "subTotalExclTax")
        taxTotal = try container.decodeIfPresent(Decimal.self, forKey: "taxTotal")
        total = try container.decodeIfPresent(Decimal.self, forKey: "total")
        totalExclTax = try container.decodeIfPresent(Decimal.self, forKey: "totalExclTax")
        discountTotalIncVat = try container.decodeIfPresent(Decimal.self, forKey: "discountTotalIncVat")
        shippingDiscountTotal = try container.decodeIfPresent(Decimal.self, forKey: "shippingDiscountTotal")
        paymentType = try container.decodeIfPresent(String.self, forKey: "paymentType")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(id, forKey: "id")
        try container.encodeIfPresent(orderNumber, forKey: "orderNumber")
        try container.encodeIfPresent(orderType, forKey: "orderType")
        try container.encodeIfPresent(status, forKey: "status")
        try container.encodeIfPresent(marketId, forKey: "marketId")
        try container.encodeIfPresent(storeId, forKey: "storeId")
        try container.encodeIfPresent(billingCurrency, forKey: "billingCurrency")
        try container.encodeIfPresent(customerId, forKey: "customerId")
        try container.encodeIfPresent(customerNumber, forKey: "customerNumber")
        try container.encodeIfPresent(customerName, forKey: "customerName")
        try container.encodeIfPresent(customerEmail, forKey: "customerEmail")
        try container.encodeIfPresent(customerPhone, forKey: "customerPhone")
        try container.encodeIfPresent(customerType, forKey: "customerType")
        try container.encodeIfPresent(customerReference, forKey: "customerReference")
        try container.encodeIfPresent(billingAddress, forKey: "billingAddress")
        try container.encodeIfPresent(orderForm, forKey: "orderForm")
        try container.encodeIfPresent(returnOrderForms, forKey: "returnOrderForms")
        try container.encodeIfPresent(created, forKey: "created")
        try container.encodeIfPresent(modified, forKey: "modified")
        try container.encodeIfPresent(completed, forKey: "completed")
        try container.encodeIfPresent(readyForPickup, forKey: "readyForPickup")
        try container.encodeIfPresent(customerPickupDeadline, forKey: "customerPickupDeadline")
        try container.encodeIfPresent(storePickDate, forKey: "storePickDate")
        try container.encodeIfPresent(requestedDeliveryDate, forKey: "requestedDeliveryDate")
        try container.encodeIfPresent(orderOrigin, forKey: "orderOrigin")
        try container.encodeIfPresent(salesChannel, forKey: "salesChannel")
        try container.encodeIfPresent(salesPersonId, forKey: "salesPersonId")
        try container.encodeIfPresent(salesPersonName, forKey: "salesPersonName")
        try container.encodeIfPresent(properties, forKey: "properties")
        try container.encodeIfPresent(externalIds, forKey: "externalIds")
        try container.encodeIfPresent(tags, forKey: "tags")
        try container.encodeIfPresent(assets, forKey: "assets")
        try container.encodeIfPresent(errors, forKey: "errors")
        try container.encodeIfPresent(isReadOnly, forKey: "isReadOnly")
        try container.encodeIfPresent(versionId, forKey: "versionId")
        try container.encodeIfPresent(netTotal, forKey: "netTotal")
        try container.encodeIfPresent(netTotalExclTax, forKey: "netTotalExclTax")
        try container.encodeIfPresent(customerContact, forKey: "customerContact")
        try container.encodeIfPresent(customerRequisition, forKey: "customerRequisition")
        try container.encodeIfPresent(customerClubMemberId, forKey: "customerClubMemberId")
        try container.encodeIfPresent(isNewCustomer, forKey: "isNewCustomer")
        try container.encodeIfPresent(contactPerson, forKey: "contactPerson")
        try container.encodeIfPresent(modifiedBy, forKey: "modifiedBy")
        try container.encodeIfPresent(received, forKey: "received")
        try container.encodeIfPresent(followUpDate, forKey: "followUpDate")
        try container.encodeIfPresent(updateStatusDate, forKey: "updateStatusDate")
        try container.encodeIfPresent(nextOrderStatus, forKey: "nextOrderStatus")
        try container.encodeIfPresent(orderNotes, forKey: "orderNotes")
        try container.encodeIfPresent(publicOrderNotes, forKey: "publicOrderNotes")
        try container.encodeIfPresent(groups, forKey: "groups")
        try container.encodeIfPresent(relatedOrders, forKey: "relatedOrders")
        try container.encodeIfPresent(replacementOrderIds, forKey: "replacementOrderIds")
        try container.encodeIfPresent(projectIds, forKey: "projectIds")
        try container.encodeIfPresent(projectId, forKey: "projectId")
        try container.encodeIfPresent(subscriptionId, forKey: "subscriptionId")
        try container.encodeIfPresent(secretKey, forKey: "secretKey")
        try container.encodeIfPresent(session, forKey: "session")
        try container.encodeIfPresent(isNotificationsDisabled, forKey: "isNotificationsDisabled")
        try container.encodeIfPresent(invoiceComment, forKey: "invoiceComment")
        try container.encodeIfPresent(paymentTermsNet, forKey: "paymentTermsNet")
        try container.encodeIfPresent(lineItemsCost, forKey: "lineItemsCost")
        try container.encodeIfPresent(remainingPayment, forKey: "remainingPayment")
        try container.encodeIfPresent(shippingSubTotal, forKey: "shippingSubTotal")
        try container.encodeIfPresent(subTotal, forKey: "subTotal")
        try container.encodeIfPresent(subTotalExclTax, forKey: "subTotalExclTax")
        try container.encodeIfPresent(taxTotal, forKey: "taxTotal")
        try container.encodeIfPresent(total, forKey: "total")
        try container.encodeIfPresent(totalExclTax, forKey: "totalExclTax")
        try container.encodeIfPresent(discountTotalIncVat, forKey: "discountTotalIncVat")
        try container.encodeIfPresent(shippingDiscountTotal, forKey: "shippingDiscountTotal")
        try container.encodeIfPresent(paymentType, forKey: "paymentType")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
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
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        key: String? = nil,
        message: String? = nil,
        details: String? = nil,
        occurred: Date? = nil,
        severity: String? = nil,
        status: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.key = key
        self.message = message
        self.details = details
        self.occurred = occurred
        self.severity = severity
        self.status = status
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "key", "message", "details", "occurred", "severity", "status"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        key = try container.decodeIfPresent(String.self, forKey: "key")
        message = try container.decodeIfPresent(String.self, forKey: "message")
        details = try container.decodeIfPresent(String.self, forKey: "details")
        occurred = try container.decodeIfPresent(Date.self, forKey: "occurred")
        severity = try container.decodeIfPresent(String.self, forKey: "severity")
        status = try container.decodeIfPresent(String.self, forKey: "status")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(key, forKey: "key")
        try container.encodeIfPresent(message, forKey: "message")
        try container.encodeIfPresent(details, forKey: "details")
        try container.encodeIfPresent(occurred, forKey: "occurred")
        try container.encodeIfPresent(severity, forKey: "severity")
        try container.encodeIfPresent(status, forKey: "status")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
