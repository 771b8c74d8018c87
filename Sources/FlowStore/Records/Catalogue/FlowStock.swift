/// A product's stock level in one Flow warehouse, for warehouses where Omnium is stock master.
///
/// Quantities are in hundredths of a unit (×100), Flow's convention for PO quantities, so
/// fractional units (kg, metres) survive: `12` pieces are stored as `1200`.
///
/// Spec: flow-integration.md §5.2; omnium-contract.md §8 (available = inventory − reserved).
public struct FlowStock: Sendable, Hashable, Codable, ContentHashable {
    public var warehouseUid: String
    public var productUid: String
    /// On hand, ×100 (Omnium `inventory`).
    public var quantity: Int64
    /// Reserved for open orders, ×100 (Omnium `reservedInventory`).
    public var reserved: Int64
    /// `quantity − reserved`, ×100; negative when oversold.
    public var available: Int64

    public init(warehouseUid: String, productUid: String, quantity: Int64, reserved: Int64 = 0) {
        self.warehouseUid = warehouseUid
        self.productUid = productUid
        self.quantity = quantity
        self.reserved = reserved
        self.available = quantity - reserved
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(quantity)
        hasher.combine(reserved)
        hasher.combine(available)
    }
}
