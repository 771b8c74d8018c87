// MARK: - FlowCustomer

/// A customer on Flow's side, with Flow's field names.
///
/// Created from Omnium private and business customers (the customer of an inbound order); the same
/// record is what the outbound customer sync reads. Spec: flow-integration.md §6.
public struct FlowCustomer: Hashable, Sendable, Codable {
    public var customerUid: String
    public var type: FlowCustomerType
    public var firstName: String?
    public var lastName: String?
    public var displayName: String?
    public var companyName: String?
    public var email: String?
    public var mobile: String?
    public var address: String?
    public var postalCode: String?
    public var city: String?
    public var countryCode: String?
    public var vatNumber: String?
    public var loyaltyId: String?
    /// The Omnium `customerId`, unsanitized; set = the customer exists in Omnium.
    public var externalId: String?

    public init(customerUid: String, type: FlowCustomerType, firstName: String? = nil, lastName: String? = nil,
                displayName: String? = nil, companyName: String? = nil, email: String? = nil,
                mobile: String? = nil, address: String? = nil, postalCode: String? = nil, city: String? = nil,
                countryCode: String? = nil, vatNumber: String? = nil, loyaltyId: String? = nil,
                externalId: String? = nil) {
        self.customerUid = customerUid
        self.type = type
        self.firstName = firstName
        self.lastName = lastName
        self.displayName = displayName
        self.companyName = companyName
        self.email = email
        self.mobile = mobile
        self.address = address
        self.postalCode = postalCode
        self.city = city
        self.countryCode = countryCode
        self.vatNumber = vatNumber
        self.loyaltyId = loyaltyId
        self.externalId = externalId
    }
}
