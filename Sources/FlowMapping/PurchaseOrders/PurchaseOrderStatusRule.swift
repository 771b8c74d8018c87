import FlowStore

// MARK: - PurchaseOrderStatusRule

/// The Flow status of a purchase order from its delivery progress (`ExportDeliveryAsPo = false`).
///
/// Spec: flow-integration.md §9.1 status table. Decisions (docs/mapping-orders.md):
/// - Cancelled in Omnium (status in `PurchaseOrderMappingSettings.cancelledStatuses`, compared
///   case-insensitively; default `OrderCanceled`, `Deleted`) → `CLOSED`, whatever was delivered.
/// - A line is complete when `delivered + cancelled >= ordered` (Omnium's own completion rule).
/// - Every line complete and something was delivered → `RECEIVED`; every line cancelled and nothing
///   delivered → `CLOSED` (nothing is left to receive).
/// - Something delivered on any line → `PARTIALLYRECEIVED`; nothing delivered (or no lines) → `SENTTOSUPPLIER`.
/// Omnium's `Completed` alone does not make a PO `RECEIVED`: the quantities decide, so goods
/// reception in Flow stays possible for what is still outstanding.
public enum PurchaseOrderStatusRule {
    /// Quantities of one line, in any consistent unit.
    public struct LineProgress: Hashable, Sendable {
        public var ordered: Int64
        public var delivered: Int64
        public var cancelled: Int64
        public init(ordered: Int64, delivered: Int64, cancelled: Int64 = 0) {
            self.ordered = ordered
            self.delivered = delivered
            self.cancelled = cancelled
        }
        var isComplete: Bool { delivered + cancelled >= ordered }
    }

    public static func isCancelled(omniumStatus: String?, cancelledStatuses: Set<String>) -> Bool {
        guard let status = omniumStatus?.lowercased(), !status.isEmpty else { return false }
        return cancelledStatuses.contains { $0.lowercased() == status }
    }

    public static func status(lines: [LineProgress], omniumStatus: String?,
                              cancelledStatuses: Set<String>) -> FlowPurchaseOrderStatus {
        if isCancelled(omniumStatus: omniumStatus, cancelledStatuses: cancelledStatuses) { return .closed }
        guard !lines.isEmpty else { return .sentToSupplier }
        let anyDelivered = lines.contains { $0.delivered > 0 }
        if lines.allSatisfy(\.isComplete) { return anyDelivered ? .received : .closed }
        return anyDelivered ? .partiallyReceived : .sentToSupplier
    }
}
