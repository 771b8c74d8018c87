import Foundation

/// A customer's address.
///
/// Spec: omnium-contract.md §11, omnium-api.md §12.
public struct OmniumAddress: Codable, Sendable, Equatable {
    public var name: String?
    public var line1: String?
    public var line2: String?
    public var streetNumber: String?
    public var postalCode: String?
    public var city: String?
    public var countryCode: String?
    public var countryName: String?
    public var email: String?
    public var phone: String?
    public var purposes: [String]?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        name: String? = nil,
        line1: String? = nil,
        line2: String? = nil,
        streetNumber: String? = nil,
        postalCode: String? = nil,
        city: String? = nil,
        countryCode: String? = nil,
        countryName: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        purposes: [String]? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.name = name
        self.line1 = line1
        self.line2 = line2
        self.streetNumber = streetNumber
        self.postalCode = postalCode
        self.city = city
        self.countryCode = countryCode
        self.countryName = countryName
        self.email = email
        self.phone = phone
        self.purposes = purposes
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "name", "line1", "line2", "streetnumber", "postalcode", "city", "countrycode", "countryname", "email",
        "phone", "purposes"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        name = try container.decodeIfPresent(String.self, forKey: "name")
        line1 = try container.decodeIfPresent(String.self, forKey: "line1")
        line2 = try container.decodeIfPresent(String.self, forKey: "line2")
        streetNumber = try container.decodeIfPresent(String.self, forKey: "streetNumber")
        postalCode = try container.decodeIfPresent(String.self, forKey: "postalCode")
        city = try container.decodeIfPresent(String.self, forKey: "city")
        countryCode = try container.decodeIfPresent(String.self, forKey: "countryCode")
        countryName = try container.decodeIfPresent(String.self, forKey: "countryName")
        email = try container.decodeIfPresent(String.self, forKey: "email")
        phone = try container.decodeIfPresent(String.self, forKey: "phone")
        purposes = try container.decodeIfPresent([String].self, forKey: "purposes")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(name, forKey: "name")
        try container.encodeIfPresent(line1, forKey: "line1")
        try container.encodeIfPresent(line2, forKey: "line2")
        try container.encodeIfPresent(streetNumber, forKey: "streetNumber")
        try container.encodeIfPresent(postalCode, forKey: "postalCode")
        try container.encodeIfPresent(city, forKey: "city")
        try container.encodeIfPresent(countryCode, forKey: "countryCode")
        try container.encodeIfPresent(countryName, forKey: "countryName")
        try container.encodeIfPresent(email, forKey: "email")
        try container.encodeIfPresent(phone, forKey: "phone")
        try container.encodeIfPresent(purposes, forKey: "purposes")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
