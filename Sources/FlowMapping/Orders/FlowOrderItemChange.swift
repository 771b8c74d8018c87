import FlowStore

// MARK: - FlowOrderItemChange

/// What an inbound merge did to one order line; for the run log and the manifest figures.
public enum FlowOrderItemChange: Hashable, Sendable {
    /// A line new in Omnium.
    case added(FlowOrderItem)
    /// A line whose Omnium-owned fields changed (quantity, price, discount, …).
    case updated(from: FlowOrderItem, to: FlowOrderItem)
    /// A line removed in Omnium and not yet delivered in Flow.
    case deleted(FlowOrderItem)
    /// A line removed in Omnium but kept because Flow already delivered (picked) some of it.
    case kept(FlowOrderItem)

    public var externalId: String {
        switch self {
        case .added(let item), .deleted(let item), .kept(let item): return item.externalId
        case .updated(_, let item): return item.externalId
        }
    }
}
