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
        purposes: [String]? = nil
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
    }
}
