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
        email: String? = nil
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
    }
}
