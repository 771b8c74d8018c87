import Foundation

/// A private (B2C) customer keyed by `customerId`; `fullName` is CALC (`firstName lastName`).
///
/// Spec: omnium-contract.md §11, omnium-api.md §12.
public struct OmniumPrivateCustomer: Codable, Sendable, Equatable {
    public var customerId: String
    public var customerNumber: String?
    public var firstName: String?
    public var lastName: String?
    public var fullName: String?
    public var email: String?
    public var phone: String?
    public var address: OmniumAddress?
    public var addresses: [OmniumAddress]?
    public var birthDate: Date?
    public var gender: String?
    public var marketId: String?
    public var marketGroupId: String?
    public var storeIds: [String]?
    public var isCustomerClubMember: Bool?
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
        customerNumber: String? = nil,
        firstName: String? = nil,
        lastName: String? = nil,
        fullName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        address: OmniumAddress? = nil,
        addresses: [OmniumAddress]? = nil,
        birthDate: Date? = nil,
        gender: String? = nil,
        marketId: String? = nil,
        marketGroupId: String? = nil,
        storeIds: [String]? = nil,
        isCustomerClubMember: Bool? = nil,
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
        self.customerNumber = customerNumber
        self.firstName = firstName
        self.lastName = lastName
        self.fullName = fullName
        self.email = email
        self.phone = phone
        self.address = address
        self.addresses = addresses
        self.birthDate = birthDate
        self.gender = gender
        self.marketId = marketId
        self.marketGroupId = marketGroupId
        self.storeIds = storeIds
        self.isCustomerClubMember = isCustomerClubMember
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
        "customerid", "customernumber", "firstname", "lastname", "fullname", "email", "phone", "address",
        "addresses", "birthdate", "gender", "marketid", "marketgroupid", "storeids", "iscustomerclubmember",
        "isinactive", "tags", "properties", "externalids", "created", "modified", "modifiedby"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        customerId = try container.decode(String.self, forKey: "customerId")
        customerNumber = try container.decodeIfPresent(String.self, forKey: "customerNumber")
        firstName = try container.decodeIfPresent(String.self, forKey: "firstName")
        lastName = try container.decodeIfPresent(String.self, forKey: "lastName")
        fullName = try container.decodeIfPresent(String.self, forKey: "fullName")
        email = try container.decodeIfPresent(String.self, forKey: "email")
        phone = try container.decodeIfPresent(String.self, forKey: "phone")
        address = try container.decodeIfPresent(OmniumAddress.self, forKey: "address")
        addresses = try container.decodeIfPresent([OmniumAddress].self, forKey: "addresses")
        birthDate = try container.decodeIfPresent(Date.self, forKey: "birthDate")
        gender = try container.decodeIfPresent(String.self, forKey: "gender")
        marketId = try container.decodeIfPresent(String.self, forKey: "marketId")
        marketGroupId = try container.decodeIfPresent(String.self, forKey: "marketGroupId")
        storeIds = try container.decodeIfPresent([String].self, forKey: "storeIds")
        isCustomerClubMember = try container.decodeIfPresent(Bool.self, forKey: "isCustomerClubMember")
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
        try container.encodeIfPresent(customerNumber, forKey: "customerNumber")
        try container.encodeIfPresent(firstName, forKey: "firstName")
        try container.encodeIfPresent(lastName, forKey: "lastName")
        try container.encodeIfPresent(fullName, forKey: "fullName")
        try container.encodeIfPresent(email, forKey: "email")
        try container.encodeIfPresent(phone, forKey: "phone")
        try container.encodeIfPresent(address, forKey: "address")
        try container.encodeIfPresent(addresses, forKey: "addresses")
        try container.encodeIfPresent(birthDate, forKey: "birthDate")
        try container.encodeIfPresent(gender, forKey: "gender")
        try container.encodeIfPresent(marketId, forKey: "marketId")
        try container.encodeIfPresent(marketGroupId, forKey: "marketGroupId")
        try container.encodeIfPresent(storeIds, forKey: "storeIds")
        try container.encodeIfPresent(isCustomerClubMember, forKey: "isCustomerClubMember")
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
