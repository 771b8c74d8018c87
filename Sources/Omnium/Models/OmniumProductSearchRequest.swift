import Foundation

/// Body of `POST /api/Products/SearchProducts` and `/Scroll`.
///
/// Spec: omnium-contract.md §6, omnium-api.md §7.
public struct OmniumProductSearchRequest: Codable, Sendable, Equatable {
    public var modifiedFrom: Date?
    public var modifiedTo: Date?
    public var marketId: String?
    public var marketIds: [String]?
    public var productIds: [String]?
    public var isActive: Bool?
    public var isSku: Bool?
    public var isFacetsDisabled: Bool?
    public var sortOrder: String?
    public var take: Int?
    public var page: Int?
    /// Products carrying any of these assortment codes (omnium-api.md §7 `assortmentCodeIds[]`).
    public var assortmentCodeIds: [String]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        modifiedFrom: Date? = nil,
        modifiedTo: Date? = nil,
        marketId: String? = nil,
        marketIds: [String]? = nil,
        productIds: [String]? = nil,
        isActive: Bool? = nil,
        isSku: Bool? = nil,
        isFacetsDisabled: Bool? = nil,
        sortOrder: String? = nil,
        take: Int? = nil,
        page: Int? = nil,
        assortmentCodeIds: [String]? = nil
    ) {
        self.assortmentCodeIds = assortmentCodeIds
        self.modifiedFrom = modifiedFrom
        self.modifiedTo = modifiedTo
        self.marketId = marketId
        self.marketIds = marketIds
        self.productIds = productIds
        self.isActive = isActive
        self.isSku = isSku
        self.isFacetsDisabled = isFacetsDisabled
        self.sortOrder = sortOrder
        self.take = take
        self.page = page
    }
}
