// MARK: - PurchaseOrderMappingSettings

/// The connector settings that shape the purchase-order export.
///
/// Spec: flow-integration.md §9.1, §11.2 (`ExportDeliveryAsPo`).
public struct PurchaseOrderMappingSettings: Hashable, Sendable {
    /// `ExportDeliveryAsPo`: one Flow PO per Omnium delivery instead of per Omnium PO. Default `false`.
    public var exportDeliveryAsPo: Bool
    /// Omnium PO statuses meaning "cancelled" (→ Flow `CLOSED`), compared case-insensitively.
    /// Omnium statuses are tenant-configured; the defaults are Omnium's built-in ones.
    public var cancelledStatuses: Set<String>

    public static let defaultCancelledStatuses: Set<String> = ["OrderCanceled", "Deleted"]

    public init(exportDeliveryAsPo: Bool = false,
                cancelledStatuses: Set<String> = PurchaseOrderMappingSettings.defaultCancelledStatuses) {
        self.exportDeliveryAsPo = exportDeliveryAsPo
        self.cancelledStatuses = cancelledStatuses
    }
}
