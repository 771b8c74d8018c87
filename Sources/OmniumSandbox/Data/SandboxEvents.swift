import Foundation
import Omnium

/// Builds the Omnium-shaped webhook events the sandbox emits and records them in the storage.
///
/// Spec: omnium-contract.md §13 (Sandbox choice: create → `Created` 110106; update → `Updated`;
/// status change → `Workflow` 111102 with `previousStatus`; return → `Created` 318100).
public enum SandboxEvents {
    public static let addOrder = 110_106
    public static let workflowCompleted = 111_102
    public static let orderPatch = 310_100
    public static let apiCreateReturn = 318_100
    public static let apiUpdateReturnStatus = 318_101

    /// Records and returns an order event.
    @discardableResult
    public static func orderEvent(_ order: OmniumOrder, category: String, previousStatus: String? = nil,
                                  operationId: Int? = nil, at now: Date, storage: inout SandboxStorage) -> OmniumEvent {
        let operation = operationId ?? {
            switch category {
            case "Created": return addOrder
            case "Workflow": return workflowCompleted
            default: return orderPatch
            }
        }()
        let message: String = {
            switch (category, operation) {
            case (_, apiCreateReturn): return "Return created"
            case (_, apiUpdateReturnStatus): return "Return status updated"
            case ("Created", _): return "Order created"
            case ("Workflow", _): return "Workflow completed"
            default: return "Order updated"
            }
        }()
        let sequence = storage.nextSequence()
        let event = OmniumEvent(
            id: "evt-\(String(format: "%08d", sequence))-\(order.id ?? "")", operationId: operation, timestamp: now, message: message,
            className: "Order", subClassName: order.orderType, objectId: order.id, objectNumber: order.orderNumber ?? order.id,
            category: category, market: order.marketId, storeId: order.storeId, user: "sandbox", userId: "sandbox@omnium.example",
            status: order.status, previousStatus: previousStatus, isError: false, origin: "sandbox")
        storage.events.append(event)
        return event
    }
}
