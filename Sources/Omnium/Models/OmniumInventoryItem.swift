import Foundation

/// Stock of one SKU in one warehouse, keyed by (`sku`, `warehouseCode`). Available = `inventory - reservedInventory`; a missing item means zero.
///
/// Spec: omnium-contract.md §8, omnium-api.md §9.
public struct OmniumInventoryItem: Codable, Sendable, Equatable {
    public var sku: String?
    public var warehouseCode: String?
    public var inventory: Decimal?
    public var reservedInventory: Decimal?
    public var location: String?
    public var cost: Decimal?
    public var costCurrency: String?
    public var minQuantity: Decimal?
    public var maxQuantity: Decimal?
    public var reorderMinQuantity: Decimal?
    public var created: Date?
    public var modified: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        sku: String? = nil,
        warehouseCode: String? = nil,
        inventory: Decimal? = nil,
        reservedInventory: Decimal? = nil,
        location: String? = nil,
        cost: Decimal? = nil,
        costCurrency: String? = nil,
        minQuantity: Decimal? = nil,
        maxQuantity: Decimal? = nil,
        reorderMinQuantity: Decimal? = nil,
        created: Date? = nil,
        modified: Date? = nil
    ) {
        self.sku = sku
        self.warehouseCode = warehouseCode
        self.inventory = inventory
        self.reservedInventory = reservedInventory
        self.location = location
        self.cost = cost
        self.costCurrency = costCurrency
        self.minQuantity = minQuantity
        self.maxQuantity = maxQuantity
        self.reorderMinQuantity = reorderMinQuantity
        self.created = created
        self.modified = modified
    }
}
