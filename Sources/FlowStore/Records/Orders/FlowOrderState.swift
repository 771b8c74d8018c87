// MARK: - FlowOrderState

/// A Flow `orderState` value.
///
/// String-backed for the same reason as `FlowOrderType`. The integration itself only sets the three
/// inbound states. Spec: flow-integration.md §7.1, §14.
public struct FlowOrderState: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A new Click & Collect order waiting for staff to pick it.
    public static let parked = FlowOrderState(rawValue: "PARKED")
    /// A new online order, ready for shipping.
    public static let confirmed = FlowOrderState(rawValue: "CONFIRMED")
    /// An order reopened because Omnium changed it.
    public static let open = FlowOrderState(rawValue: "OPEN")

    public var description: String { rawValue }
}
