// MARK: - FlowOrderSnapshot

/// An order with its items and handling tasks: what the inbound merge reads and what the
/// orders tables store together.
public struct FlowOrderSnapshot: Hashable, Sendable, Codable {
    public var order: FlowOrder
    /// In `position` order.
    public var items: [FlowOrderItem]
    public var orderhandlings: [FlowOrderHandling]

    public init(order: FlowOrder, items: [FlowOrderItem], orderhandlings: [FlowOrderHandling] = []) {
        self.order = order
        self.items = items
        self.orderhandlings = orderhandlings
    }
}
