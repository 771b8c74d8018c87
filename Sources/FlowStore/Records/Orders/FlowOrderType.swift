// MARK: - FlowOrderType

/// The kind of a Flow order.
///
/// String-backed so the outbound side (POS sales, returns) can add its own kinds without touching
/// this file and unknown values read back from `flow.db` survive. The inbound values keep the
/// spelling of the Flow documentation. Spec: flow-integration.md §7.1, §14.
public struct FlowOrderType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An Omnium Click & Collect order (reserved in a store, paid at pickup).
    public static let clickAndCollect = FlowOrderType(rawValue: "ClickAndCollect")
    /// An Omnium online order, shipped from a store.
    public static let onlineOrder = FlowOrderType(rawValue: "OnlineOrder")

    public var description: String { rawValue }
}
