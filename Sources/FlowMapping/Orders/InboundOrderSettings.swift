// MARK: - InboundOrderSettings

/// Flow's extension settings for orders coming from Omnium.
///
/// Spec: flow-integration.md §7.1, §11.1.
public struct InboundOrderSettings: Hashable, Sendable {
    /// `OMNIUM_CLICK_COLLECT_ORDERHANDLING_UID`: handling task attached to Click & Collect orders (none if nil).
    public var clickCollectOrderHandlingUid: String?
    /// `OMNIUM_ONLINE_ORDER_HANDLING_UID`: handling task attached to Online orders (none if nil).
    public var onlineOrderHandlingUid: String?
    /// `OMNIUM_CLICK_COLLECT_EXPIRY_DAYS`: working days until the pickup deadline (no deadline if nil).
    public var clickCollectExpiryDays: Int?
    /// Omnium statuses after which an order that Flow does not know yet is not created (compared
    /// case-insensitively): there is nothing left for the store to do. Orders Flow knows are still updated.
    public var finalStatuses: Set<String>

    public static let defaultFinalStatuses: Set<String> = [
        "OrderCanceled", "Deleted", "Completed", "PickedUp", "NotCollected", "Expired", "Returned", "Closed",
    ]

    public init(clickCollectOrderHandlingUid: String? = nil, onlineOrderHandlingUid: String? = nil,
                clickCollectExpiryDays: Int? = nil,
                finalStatuses: Set<String> = InboundOrderSettings.defaultFinalStatuses) {
        self.clickCollectOrderHandlingUid = clickCollectOrderHandlingUid
        self.onlineOrderHandlingUid = onlineOrderHandlingUid
        self.clickCollectExpiryDays = clickCollectExpiryDays
        self.finalStatuses = finalStatuses
    }
}
