import Foundation

/// Body of `POST /api/Orders/Search` and `/Scroll`. `page` is 0-based, `take` at most 100.
///
/// Spec: omnium-contract.md §10, omnium-api.md §5.8.
public struct OmniumOrderSearchRequest: Codable, Sendable, Equatable {
    public var modifiedFrom: Date?
    public var modifiedTo: Date?
    public var createdFrom: Date?
    public var createdTo: Date?
    public var selectedStatuses: [String]?
    public var excludedStatuses: [String]?
    public var selectedStores: [String]?
    public var selectedMarkets: [String]?
    public var orderType: String?
    public var orderNumber: String?
    public var customerId: String?
    public var externalIds: [String]?
    public var sortOrder: String?
    public var disableFacets: Bool?
    public var take: Int?
    public var page: Int?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        modifiedFrom: Date? = nil,
        modifiedTo: Date? = nil,
        createdFrom: Date? = nil,
        createdTo: Date? = nil,
        selectedStatuses: [String]? = nil,
        excludedStatuses: [String]? = nil,
        selectedStores: [String]? = nil,
        selectedMarkets: [String]? = nil,
        orderType: String? = nil,
        orderNumber: String? = nil,
        customerId: String? = nil,
        externalIds: [String]? = nil,
        sortOrder: String? = nil,
        disableFacets: Bool? = nil,
        take: Int? = nil,
        page: Int? = nil
    ) {
        self.modifiedFrom = modifiedFrom
        self.modifiedTo = modifiedTo
        self.createdFrom = createdFrom
        self.createdTo = createdTo
        self.selectedStatuses = selectedStatuses
        self.excludedStatuses = excludedStatuses
        self.selectedStores = selectedStores
        self.selectedMarkets = selectedMarkets
        self.orderType = orderType
        self.orderNumber = orderNumber
        self.customerId = customerId
        self.externalIds = externalIds
        self.sortOrder = sortOrder
        self.disableFacets = disableFacets
        self.take = take
        self.page = page
    }
}
