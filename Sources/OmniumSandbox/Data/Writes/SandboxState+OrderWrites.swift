import Foundation
import Omnium

/// Order creation and upsert: `PUT /api/Orders/PosOrders`, `POST /api/Orders`, `PUT /api/Orders`,
/// `POST /api/Orders/ImportMany`, `POST /api/Orders/UpdateMany`. Each emits webhook events (create → `Created` 110106, change →
/// `Updated`, status change → `Workflow` 111102).
///
/// Spec: omnium-contract.md §10 (write endpoint table and Sandbox choices).
extension SandboxState {
    /// `PUT /api/Orders/PosOrders`: creates a POS order; no `id` → a generated number; default
    /// type `Pos`, status `Completed`; negative quantities accepted (returns without origin order).
    /// - Throws: `SandboxWriteError` (400 validation, 409 existing id).
    public func createPosOrder(_ input: OmniumOrder) throws -> OmniumOrder {
        let (order, events) = try write { storage, now -> (OmniumOrder, [OmniumEvent]) in
            var input = input
            if input.id.nonEmpty == nil {
                var number: String
                repeat { number = "POS-\(100_000 + storage.nextSequence())" } while storage.orders.contains(number)
                input.id = number
            }
            let id = input.id!
            guard !storage.orders.contains(id) else { throw SandboxWriteError.conflict("Order with id '\(id)' already exists") }
            let order = try storage.prepareOrder(input, defaultType: "Pos", defaultStatus: "Completed", existing: nil, now: now)
            storage.orders[id] = order
            return (order, [SandboxEvents.orderEvent(order, category: "Created", at: now, storage: &storage)])
        }
        publish(events)
        return order
    }

    /// `POST /api/Orders`: creates an order with an explicit `id`.
    /// - Throws: `SandboxWriteError` (400 no id or validation, 409 existing id).
    public func createOrder(_ input: OmniumOrder) throws -> OmniumOrder {
        let (order, events) = try write { storage, now -> (OmniumOrder, [OmniumEvent]) in
            guard let id = input.id.nonEmpty else { throw SandboxWriteError.badRequest("Order id is required") }
            guard !storage.orders.contains(id) else { throw SandboxWriteError.conflict("Order with id '\(id)' already exists") }
            let order = try storage.prepareOrder(input, existing: nil, now: now)
            storage.orders[id] = order
            return (order, [SandboxEvents.orderEvent(order, category: "Created", at: now, storage: &storage)])
        }
        publish(events)
        return order
    }

    /// `PUT /api/Orders`: creates an order with a generated order number (omnium-api.md §5.1
    /// `OrdersCreate`); `id` = the given id, else the new number. Not idempotent: every call creates.
    /// - Throws: `SandboxWriteError` (400 validation, 409 existing id).
    public func createOrderWithGeneratedNumber(_ input: OmniumOrder) throws -> OmniumOrder {
        let (order, events) = try write { storage, now -> (OmniumOrder, [OmniumEvent]) in
            var input = input
            var number: String
            repeat { number = "OM-\(100_000 + storage.nextSequence())" } while storage.orders.contains(number)
            input.orderNumber = number
            if input.id.nonEmpty == nil { input.id = number }
            let id = input.id!
            guard !storage.orders.contains(id) else { throw SandboxWriteError.conflict("Order with id '\(id)' already exists") }
            let order = try storage.prepareOrder(input, existing: nil, now: now)
            storage.orders[id] = order
            return (order, [SandboxEvents.orderEvent(order, category: "Created", at: now, storage: &storage)])
        }
        publish(events)
        return order
    }

    /// `POST /api/Orders/ImportMany`: adds orders without running workflows (workflows are never
    /// simulated). Sandbox choice: like `AddMany`, an existing `id` is left as it is; every order
    /// needs an `id`; all are validated before any is added.
    /// - Returns: the orders added, in request order.
    /// - Throws: `SandboxWriteError.badRequest` (nothing applied).
    @discardableResult
    public func importOrders(_ inputs: [OmniumOrder]) throws -> [OmniumOrder] {
        let (orders, events) = try write { storage, now -> ([OmniumOrder], [OmniumEvent]) in
            var prepared: [OmniumOrder] = []
            var ids = Set<String>()
            for input in inputs {
                guard let id = input.id.nonEmpty else { throw SandboxWriteError.badRequest("Order id is required") }
                guard ids.insert(id).inserted else { throw SandboxWriteError.badRequest("Order '\(id)' appears twice") }
                guard !storage.orders.contains(id) else { continue }
                prepared.append(try storage.prepareOrder(input, existing: nil, now: now))
            }
            var events: [OmniumEvent] = []
            for order in prepared {
                storage.orders[order.id!] = order
                events.append(SandboxEvents.orderEvent(order, category: "Created", at: now, storage: &storage))
            }
            return (prepared, events)
        }
        publish(events)
        return orders
    }

    /// `POST /api/Orders/UpdateMany`: upsert. Existing orders are replaced, keeping `created`, and
    /// `returnOrderForms`, `orderType` and `status` when omitted; an order that comes back unchanged keeps its `modified` and
    /// emits nothing. All orders are validated before any is applied.
    /// - Returns: the stored orders, in request order.
    /// - Throws: `SandboxWriteError.badRequest` (nothing applied).
    @discardableResult
    public func upsertOrders(_ inputs: [OmniumOrder]) throws -> [OmniumOrder] {
        let (orders, events) = try write { storage, now -> ([OmniumOrder], [OmniumEvent]) in
            var prepared: [(OmniumOrder, OmniumOrder?)] = []
            var ids = Set<String>()
            for input in inputs {
                guard let id = input.id.nonEmpty else { throw SandboxWriteError.badRequest("Order id is required") }
                guard ids.insert(id).inserted else { throw SandboxWriteError.badRequest("Order '\(id)' appears twice") }
                let existing = storage.orders[id]
                prepared.append((try storage.prepareOrder(input, defaultType: existing?.orderType, defaultStatus: existing?.status,
                                                          existing: existing, now: now), existing))
            }
            var events: [OmniumEvent] = []
            var stored: [OmniumOrder] = []
            for (order, existing) in prepared {
                var order = order
                if let existing {
                    var same = order
                    same.modified = existing.modified
                    if same == existing { stored.append(existing); continue }
                }
                if let existing, let previous = existing.status, previous != order.status {
                    storage.statusChanges.append(SandboxStatusChange(orderId: order.id!, previousStatus: previous,
                                                                     status: order.status ?? "", at: now))
                    events.append(SandboxEvents.orderEvent(order, category: "Workflow", previousStatus: previous, at: now, storage: &storage))
                } else {
                    events.append(SandboxEvents.orderEvent(order, category: existing == nil ? "Created" : "Updated",
                                                           at: now, storage: &storage))
                }
                order.modified = now
                storage.orders[order.id!] = order
                stored.append(order)
            }
            return (stored, events)
        }
        publish(events)
        return orders
    }
}
