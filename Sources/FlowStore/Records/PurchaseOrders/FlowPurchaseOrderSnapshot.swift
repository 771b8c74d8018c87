// MARK: - FlowPurchaseOrderSnapshot

/// A purchase order with all its lines: the unit the mapping produces and the table stores.
///
/// Why together: Flow's PO export replaces the line set ("lines that exist in Flow but no longer in
/// Omnium are automatically deleted", flow-integration.md §9.1), which needs the whole set at once.
public struct FlowPurchaseOrderSnapshot: Hashable, Sendable, Codable {
    public var purchaseOrder: FlowPurchaseOrder
    /// In `position` order.
    public var lines: [FlowPurchaseOrderLine]

    public init(purchaseOrder: FlowPurchaseOrder, lines: [FlowPurchaseOrderLine]) {
        self.purchaseOrder = purchaseOrder
        self.lines = lines
    }
}
