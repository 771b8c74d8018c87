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
        modifiedBy: String? = nil
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
    }
}
