// MARK: - FlowOrderHandling

/// A handling task attached to a Flow order (Flow's `orderhandlings`).
///
/// The integration attaches the configured Click & Collect or Online handling so the order shows up
/// in the store's work list. Spec: flow-integration.md §7.1, §11.1.
public struct FlowOrderHandling: Hashable, Sendable, Codable {
    public var orderUid: String
    /// `OMNIUM_CLICK_COLLECT_ORDERHANDLING_UID` or `OMNIUM_ONLINE_ORDER_HANDLING_UID`.
    public var orderHandlingUid: String
    /// Flow's `orderhandlingState`; new tasks start `NOT_STARTED`.
    public var state: String

    public static let notStarted = "NOT_STARTED"

    public init(orderUid: String, orderHandlingUid: String, state: String = FlowOrderHandling.notStarted) {
        self.orderUid = orderUid
        self.orderHandlingUid = orderHandlingUid
        self.state = state
    }
}
