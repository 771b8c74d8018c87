// MARK: - FlowPurchaseOrderStatus

/// A Flow purchase-order status, exactly as Flow spells it.
///
/// A string-backed struct rather than an enum so a status Flow adds later round-trips through
/// `flow.db` instead of failing to decode. Spec: flow-integration.md §9.1, §14.
public struct FlowPurchaseOrderStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let sentToSupplier = FlowPurchaseOrderStatus(rawValue: "SENTTOSUPPLIER")
    public static let partiallyReceived = FlowPurchaseOrderStatus(rawValue: "PARTIALLYRECEIVED")
    public static let received = FlowPurchaseOrderStatus(rawValue: "RECEIVED")
    public static let closed = FlowPurchaseOrderStatus(rawValue: "CLOSED")

    public var description: String { rawValue }
}
