import Foundation

/// Body of `POST /api/PrivateCustomers/Search` and `/api/BusinessCustomers/Search` (and their Scroll).
///
/// Spec: omnium-contract.md §11.
public struct OmniumCustomerSearchRequest: Codable, Sendable, Equatable {
    public var customerId: String?
    public var customerIds: [String]?
    public var customerNumbers: [String]?
    public var email: String?
    public var phone: String?
    public var externalIds: [String]?
    public var modifiedFrom: Date?
    public var modifiedTo: Date?
    public var sortOrder: String?
    public var take: Int?
    public var page: Int?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        customerId: String? = nil,
        customerIds: [String]? = nil,
        customerNumbers: [String]? = nil,
        email: String? = nil,
        phone: String? = nil,
        externalIds: [String]? = nil,
        modifiedFrom: Date? = nil,
        modifiedTo: Date? = nil,
        sortOrder: String? = nil,
        take: Int? = nil,
        page: Int? = nil
    ) {
        self.customerId = customerId
        self.customerIds = customerIds
        self.customerNumbers = customerNumbers
        self.email = email
        self.phone = phone
        self.externalIds = externalIds
        self.modifiedFrom = modifiedFrom
        self.modifiedTo = modifiedTo
        self.sortOrder = sortOrder
        self.take = take
        self.page = page
    }
}
