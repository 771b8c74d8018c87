import Foundation

/// A business (B2B) customer keyed by `customerId`; `taxId` is the organisation number.
///
/// Spec: omnium-contract.md §11, omnium-api.md §12.
public struct OmniumBusinessCustomer: Codable, Sendable, Equatable {
    public var customerId: String
    public var name: String?
    public var taxId: String?
    public var customerNumber: String?
    public var email: String?
    public var phone: String?
    public var address: OmniumAddress?
    public var addresses: [OmniumAddress]?
    public var contacts: [OmniumContactPerson]?
    public var creditLimit: Decimal?
    public var marketId: String?
    public var marketGroupId: String?
    public var storeIds: [String]?
    public var isInactive: Bool?
    public var tags: [String]?
    public var properties: [OmniumProperty]?
    public var externalIds: [OmniumExternalId]?
    public var created: Date?
    public var modified: Date?
    public var modifiedBy: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        customerId: String,
        name: String? = nil,
        taxId: String? = nil,
        customerNumber: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        address: OmniumAddress? = nil,
        addresses: [OmniumAddress]? = nil,
        contacts: [OmniumContactPerson]? = nil,
        creditLimit: Decimal? = nil,
        marketId: String? = nil,
        marketGroupId: String? = nil,
        storeIds: [String]? = nil,
        isInactive: Bool? = nil,
        tags: [String]? = nil,
        properties: [OmniumProperty]? = nil,
        externalIds: [OmniumExternalId]? = nil,
        created: Date? = nil,
        modified: Date? = nil,
        modifiedBy: String? = nil
    ) {
        self.customerId = customerId
        self.name = name
        self.taxId = taxId
        self.customerNumber = customerNumber
        self.email = email
        self.phone = phone
        self.address = address
        self.addresses = addresses
        self.contacts = contacts
        self.creditLimit = creditLimit
        self.marketId = marketId
        self.marketGroupId = marketGroupId
        self.storeIds = storeIds
        self.isInactive = isInactive
        self.tags = tags
        self.properties = properties
        self.externalIds = externalIds
        self.created = created
        self.modified = modified
        self.modifiedBy = modifiedBy
    }
}

/// A contact person of a business customer.
///
/// Spec: omnium-api.md §5.2 "Shared small types".
public struct OmniumContactPerson: Codable, Sendable, Equatable {
    public var id: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var address: OmniumAddress?
    public var roles: [String]?
    public var isPrimaryContact: Bool?
    public var privateCustomerId: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        firstName: String? = nil,
        lastName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        address: OmniumAddress? = nil,
        roles: [String]? = nil,
        isPrimaryContact: Bool? = nil,
        privateCustomerId: String? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.address = address
        self.roles = roles
        self.isPrimaryContact = isPrimaryContact
        self.privateCustomerId = privateCustomerId
    }
}
