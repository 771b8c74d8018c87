import Foundation

/// A billing or shipping address on an order.
///
/// Spec: omnium-contract.md §10.1, omnium-api.md §5.2.
public struct OmniumOrderAddress: Codable, Sendable, Equatable {
    public var name: String?
    public var firstName: String?
    public var lastName: String?
    public var organization: String?
    public var organizationalNumber: String?
    public var line1: String?
    public var line2: String?
    public var streetNumber: String?
    public var postalCode: String?
    public var city: String?
    public var state: String?
    public var countryCode: String?
    public var countryName: String?
    public var phone: String?
    public var daytimePhoneNumber: String?
    public var email: String?
    public var apartmentNumber: String?
    public var regionCode: String?
    public var regionName: String?
    public var eveningPhoneNumber: String?
    public var externalId: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        name: String? = nil,
        firstName: String? = nil,
        lastName: String? = nil,
        organization: String? = nil,
        organizationalNumber: String? = nil,
        line1: String? = nil,
        line2: String? = nil,
        streetNumber: String? = nil,
        postalCode: String? = nil,
        city: String? = nil,
        state: String? = nil,
        countryCode: String? = nil,
        countryName: String? = nil,
        phone: String? = nil,
        daytimePhoneNumber: String? = nil,
        email: String? = nil,
        apartmentNumber: String? = nil,
        regionCode: String? = nil,
        regionName: String? = nil,
        eveningPhoneNumber: String? = nil,
        externalId: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.name = name
        self.firstName = firstName
        self.lastName = lastName
        self.organization = organization
        self.organizationalNumber = organizationalNumber
        self.line1 = line1
        self.line2 = line2
        self.streetNumber = streetNumber
        self.postalCode = postalCode
        self.city = city
        self.state = state
        self.countryCode = countryCode
        self.countryName = countryName
        self.phone = phone
        self.daytimePhoneNumber = daytimePhoneNumber
        self.email = email
        self.apartmentNumber = apartmentNumber
        self.regionCode = regionCode
        self.regionName = regionName
        self.eveningPhoneNumber = eveningPhoneNumber
        self.externalId = externalId
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "name", "firstname", "lastname", "organization", "organizationalnumber", "line1", "line2", "streetnumber",
        "postalcode", "city", "state", "countrycode", "countryname", "phone", "daytimephonenumber", "email",
        "apartmentnumber", "regioncode", "regionname", "eveningphonenumber", "externalid"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name")
        firstName = try container.decodeIfPresent(String.self, forKey: "firstName")
        lastName = try container.decodeIfPresent(String.self, forKey: "lastName")
        organization = try container.decodeIfPresent(String.self, forKey: "organization")
        organizationalNumber = try container.decodeIfPresent(String.self, forKey: "organizationalNumber")
        line1 = try container.decodeIfPresent(String.self, forKey: "line1")
        line2 = try container.decodeIfPresent(String.self, forKey: "line2")
        streetNumber = try container.decodeIfPresent(String.self, forKey: "streetNumber")
        postalCode = try container.decodeIfPresent(String.self, forKey: "postalCode")
        city = try container.decodeIfPresent(String.self, forKey: "city")
        state = try container.decodeIfPresent(String.self, forKey: "state")
        countryCode = try container.decodeIfPresent(String.self, forKey: "countryCode")
        countryName = try container.decodeIfPresent(String.self, forKey: "countryName")
        phone = try container.decodeIfPresent(String.self, forKey: "phone")
        daytimePhoneNumber = try container.decodeIfPresent(String.self, forKey: "daytimePhoneNumber")
        email = try container.decodeIfPresent(String.self, forKey: "email")
        apartmentNumber = try container.decodeIfPresent(String.self, forKey: "apartmentNumber")
        regionCode = try container.decodeIfPresent(String.self, forKey: "regionCode")
        regionName = try container.decodeIfPresent(String.self, forKey: "regionName")
        eveningPhoneNumber = try container.decodeIfPresent(String.self, forKey: "eveningPhoneNumber")
        externalId = try container.decodeIfPresent(String.self, forKey: "externalId")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(firstName, forKey: "firstName")
        try container.encodeIfPresent(lastName, forKey: "lastName")
        try container.encodeIfPresent(organization, forKey: "organization")
        try container.encodeIfPresent(organizationalNumber, forKey: "organizationalNumber")
        try container.encodeIfPresent(line1, forKey: "line1")
        try container.encodeIfPresent(line2, forKey: "line2")
        try container.encodeIfPresent(streetNumber, forKey: "streetNumber")
        try container.encodeIfPresent(postalCode, forKey: "postalCode")
        try container.encodeIfPresent(city, forKey: "city")
        try container.encodeIfPresent(state, forKey: "state")
        try container.encodeIfPresent(countryCode, forKey: "countryCode")
        try container.encodeIfPresent(countryName, forKey: "countryName")
        try container.encodeIfPresent(phone, forKey: "phone")
        try container.encodeIfPresent(daytimePhoneNumber, forKey: "daytimePhoneNumber")
        try container.encodeIfPresent(email, forKey: "email")
        try container.encodeIfPresent(apartmentNumber, forKey: "apartmentNumber")
        try container.encodeIfPresent(regionCode, forKey: "regionCode")
        try container.encodeIfPresent(regionName, forKey: "regionName")
        try container.encodeIfPresent(eveningPhoneNumber, forKey: "eveningPhoneNumber")
        try container.encodeIfPresent(externalId, forKey: "externalId")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
