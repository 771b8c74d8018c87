import Foundation

/// Body of `POST /api/Inventory/Search`; at least one filter must be set.
///
/// Spec: omnium-contract.md §8.
public struct OmniumInventorySearchRequest: Codable, Sendable, Equatable {
    public var productCodes: [String]?
    public var warehouseCodes: [String]?
    public var isWebWarehouse: Bool?
    public var marketId: String?
    public var marketGroupId: String?
    public var lastModified: Date?
    public var isInStock: Bool?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        productCodes: [String]? = nil,
        warehouseCodes: [String]? = nil,
        isWebWarehouse: Bool? = nil,
        marketId: String? = nil,
        marketGroupId: String? = nil,
        lastModified: Date? = nil,
        isInStock: Bool? = nil
    ) {
        self.productCodes = productCodes
        self.warehouseCodes = warehouseCodes
        self.isWebWarehouse = isWebWarehouse
        self.marketId = marketId
        self.marketGroupId = marketGroupId
        self.lastModified = lastModified
        self.isInStock = isInStock
    }
}
