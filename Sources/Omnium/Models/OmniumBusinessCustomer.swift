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
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

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
        modifiedBy: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
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
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "customerid", "name", "taxid", "customernumber", "email", "phone", "address", "addresses", "contacts",
        "creditlimit", "marketid", "marketgroupid", "storeids", "isinactive", "tags", "properties", "externalids",
        "created", "modified", "modifiedby"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        customerId = try container.decode(String.self, forKey: "customerId")
        name = try container.decodeIfPresent(String.self, forKey: "name")
        taxId = try container.decodeIfPresent(String.self, forKey: "taxId")
        customerNumber = try container.decodeIfPresent(String.self, forKey: "customerNumber")
        email = try container.decodeIfPresent(String.self, forKey: "email")
        phone = try container.decodeIfPresent(String.self, forKey: "phone")
        address = try container.decodeIfPresent(OmniumAddress.self, forKey: "address")
        addresses = try container.decodeIfPresent([OmniumAddress].self, forKey: "addresses")
        contacts = try container.decodeIfPresent([OmniumContactPerson].self, forKey: "contacts")
        creditLimit = try container.decodeIfPresent(Decimal.self, forKey: "creditLimit")
        marketId = try container.decodeIfPresent(String.self, forKey: "marketId")
        marketGroupId = try container.decodeIfPresent(String.self, forKey: "marketGroupId")
        storeIds = try container.decodeIfPresent([String].self, forKey: "storeIds")
        isInactive = try container.decodeIfPresent(Bool.self, forKey: "isInactive")
        tags = try container.decodeIfPresent([String].self, forKey: "tags")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        externalIds = try container.decodeIfPresent([OmniumExternalId].self, forKey: "externalIds")
        created = try container.decodeIfPresent(Date.self, forKey: "created")
        modified = try container.decodeIfPresent(Date.self, forKey: "modified")
        modifiedBy = try container.decodeIfPresent(String.self, forKey: "modifiedBy")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encode(customerId, forKey: "customerId")
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(taxId, forKey: "taxId")
        try container.encodeIfPresent(customerNumber, forKey: "customerNumber")
        try container.encodeIfPresent(email, forKey: "email")
        try container.encodeIfPresent(phone, forKey: "phone")
        try container.encodeIfPresent(address, forKey: "address")
        try container.encodeIfPresent(addresses, forKey: "addresses")
        try container.encodeIfPresent(contacts, forKey: "contacts")
        try container.encodeIfPresent(creditLimit, forKey: "creditLimit")
        try container.encodeIfPresent(marketId, forKey: "marketId")
        try container.encodeIfPresent(marketGroupId, forKey: "marketGroupId")
        try container.encodeIfPresent(storeIds, forKey: "storeIds")
        try container.encodeIfPresent(isInactive, forKey: "isInactive")
        try container.encodeIfPresent(tags, forKey: "tags")
        try container.encodeIfPresent(properties, forKey: "properties")
        try container.encodeIfPresent(externalIds, forKey: "externalIds")
        try container.encodeIfPresent(created, forKey: "created")
        try container.encodeIfPresent(modified, forKey: "modified")
        try container.encodeIfPresent(modifiedBy, forKey: "modifiedBy")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
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
    /// deprecated
    public var role: String?
    public var notify: Bool?
    public var externalIds: [OmniumExternalId]?
    public var properties: [OmniumProperty]?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

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
        privateCustomerId: String? = nil,
        role: String? = nil,
        notify: Bool? = nil,
        externalIds: [OmniumExternalId]? = nil,
        properties: [OmniumProperty]? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
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
        self.role = role
        self.notify = notify
        self.externalIds = externalIds
        self.properties = properties
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "id", "firstname", "lastname", "email", "phone", "address", "roles", "isprimarycontact",
        "privatecustomerid", "role", "notify", "externalids", "properties"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        id = try container.decodeIfPresent(String.self, forKey: "id")
        firstName = try container.decodeIfPresent(String.self, forKey: "firstName")
        lastName = try container.decodeIfPresent(String.self, forKey: "lastName")
        email = try container.decodeIfPresent(String.self, forKey: "email")
        phone = try container.decodeIfPresent(String.self, forKey: "phone")
        address = try container.decodeIfPresent(OmniumAddress.self, forKey: "address")
        roles = try container.decodeIfPresent([String].self, forKey: "roles")
        isPrimaryContact = try container.decodeIfPresent(Bool.self, forKey: "isPrimaryContact")
        privateCustomerId = try container.decodeIfPresent(String.self, forKey: "privateCustomerId")
        role = try container.decodeIfPresent(String.self, forKey: "role")
        notify = try container.decodeIfPresent(Bool.self, forKey: "notify")
        externalIds = try container.decodeIfPresent([OmniumExternalId].self, forKey: "externalIds")
        properties = try container.decodeIfPresent([OmniumProperty].self, forKey: "properties")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(id, forKey: "id")
        try container.encodeIfPresent(firstName, forKey: "firstName")
        try container.encodeIfPresent(lastName, forKey: "lastName")
        try container.encodeIfPresent(email, forKey: "email")
        try container.encodeIfPresent(phone, forKey: "phone")
        try container.encodeIfPresent(address, forKey: "address")
        try container.encodeIfPresent(roles, forKey: "roles")
        try container.encodeIfPresent(isPrimaryContact, forKey: "isPrimaryContact")
        try container.encodeIfPresent(privateCustomerId, forKey: "privateCustomerId")
        try container.encodeIfPresent(role, forKey: "role")
        try container.encodeIfPresent(notify, forKey: "notify")
        try container.encodeIfPresent(externalIds, forKey: "externalIds")
        try container.encodeIfPresent(properties, forKey: "properties")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
