import Foundation
import Omnium

/// Status changes, line cancels and returns.
///
/// Spec: omnium-contract.md §10 (Sandbox choices: workflows not simulated, `isAborted: false`,
/// results `[]`, same status again → 200 without change; line cancel sets
/// `canceledQuantity = quantity - deliveredQuantity`, repeat = no-op, order status unchanged;
/// returns: more than the open quantity → 400, existing rmaNumber → 409, order → `Returned` or
/// `PartiallyReturned`, return status `New` by default).
extension SandboxState {
    /// `POST /api/Orders/{orderId}/UpdateStatus`.
    /// - Throws: `SandboxWriteError` (404 unknown order, 400 status not in the order's type).
    public func updateOrderStatus(orderId: String, patch: OmniumUpdateStatusPatch) throws -> OmniumWorkflowResult {
        let (result, events) = try write { storage, now -> (OmniumWorkflowResult, [OmniumEvent]) in
            guard var order = storage.orders[orderId] else { throw SandboxWriteError.notFound("Order was not found") }
            let type = order.orderType ?? ""
            guard let status = storage.orderTypes.canonicalStatus(patch.status, ofType: type) else {
                throw SandboxWriteError.badRequest("Status '\(patch.status)' is not valid for order type '\(type)'")
            }
            guard status != order.status else {
                return (OmniumWorkflowResult(isAborted: false, order: order, orderActionExecutionResults: []), [])
            }
            let previous = order.status
            order.status = status
            let shipments = order.orderForm?.shipments?.map { shipment in
                var shipment = shipment
                shipment.orderStatus = status
                return shipment
            }
            order.orderForm?.shipments = shipments
            if status == "Completed" || status == "PickedUp" { order.completed = now }
            if status == "ReadyForPickup" { order.readyForPickup = now }
            order.modified = now
            storage.orders[orderId] = order
            storage.statusChanges.append(SandboxStatusChange(orderId: orderId, previousStatus: previous, status: status, at: now))
            let event = SandboxEvents.orderEvent(order, category: "Workflow", previousStatus: previous, at: now, storage: &storage)
            return (OmniumWorkflowResult(isAborted: false, order: order, orderActionExecutionResults: []), [event])
        }
        publish(events)
        return result
    }

    /// `POST /api/Orders/{orderId}/OrderLines/{lineItemId}/Cancel`.
    /// - Throws: `SandboxWriteError.notFound` for an unknown order or line.
    public func cancelOrderLine(orderId: String, lineItemId: String) throws -> OmniumOrder {
        let (order, events) = try write { storage, now -> (OmniumOrder, [OmniumEvent]) in
            guard var order = storage.orders[orderId] else { throw SandboxWriteError.notFound("Order was not found") }
            guard let k = order.orderForm?.lineItems?.firstIndex(where: { $0.lineItemId == lineItemId }) else {
                throw SandboxWriteError.notFound("Order line was not found")
            }
            var line = order.orderForm!.lineItems![k]
            let target = (line.quantity ?? 0) - (line.deliveredQuantity ?? 0)
            guard line.canceledQuantity != target else { return (order, []) }
            line.canceledQuantity = target
            line.canceledDate = now
            order.orderForm!.lineItems![k] = line
            order.modified = now
            let rate = order.marketId.flatMap { storage.market($0)?.defaultTaxRate } ?? 25
            order = SandboxOrderCalculator.calculate(order, defaultTaxRate: rate)
            storage.orders[orderId] = order
            storage.lineCancels.append(SandboxLineCancel(orderId: orderId, lineItemId: lineItemId, canceledQuantity: target, at: now))
            return (order, [SandboxEvents.orderEvent(order, category: "Updated", at: now, storage: &storage)])
        }
        publish(events)
        return order
    }

    /// `POST /api/Returns/{orderId}/Return`.
    /// - Throws: `SandboxWriteError` (404 unknown order, 400 bad lines or quantities, 409 existing rmaNumber).
    public func createReturn(orderId: String, request: OmniumReturnRequestModel) throws -> OmniumReturnOrderForm {
        let (form, events) = try write { storage, now -> (OmniumReturnOrderForm, [OmniumEvent]) in
            guard var order = storage.orders[orderId] else { throw SandboxWriteError.notFound("Order was not found") }
            let returns = request.returns.orEmpty
            guard !returns.isEmpty else { throw SandboxWriteError.badRequest("No lines to return") }
            if let rma = request.rmaNumber.nonEmpty, (order.returnOrderForms ?? []).contains(where: { $0.rmaNumber == rma }) {
                throw SandboxWriteError.conflict("Return with rmaNumber '\(rma)' already exists")
            }
            var lines = order.orderForm?.lineItems ?? []
            var wanted: [String: Decimal] = [:]
            for item in returns {
                guard let id = item.lineItemId.nonEmpty, let k = lines.firstIndex(where: { $0.lineItemId == id }) else {
                    throw SandboxWriteError.badRequest("Order line '\(item.lineItemId ?? "")' was not found")
                }
                let quantity = item.returnQuantity ?? 0
                guard quantity > 0 else { throw SandboxWriteError.badRequest("returnQuantity must be positive for line '\(id)'") }
                wanted[id, default: 0] += quantity
                let open = (lines[k].quantity ?? 0) - (lines[k].canceledQuantity ?? 0) - (lines[k].returnQuantity ?? 0)
                guard wanted[id]! <= open else {
                    throw SandboxWriteError.badRequest("Line '\(id)': return quantity \(wanted[id]!) exceeds \(open) not yet cancelled or returned")
                }
            }
            // MARK: Apply
            var returnedLines: [OmniumOrderLine] = []
            var credit: Decimal = 0
            var creditTax: Decimal = 0
            let rate = order.marketId.flatMap { storage.market($0)?.defaultTaxRate } ?? 25
            for item in returns {
                let k = lines.firstIndex { $0.lineItemId == item.lineItemId }!
                let quantity = item.returnQuantity!
                lines[k].returnQuantity = (lines[k].returnQuantity ?? 0) + quantity
                lines[k].returnDate = now
                lines[k].returnReason = item.returnReason ?? lines[k].returnReason
                lines[k].returnType = item.returnType ?? request.returnType ?? lines[k].returnType
                var returned = lines[k]
                returned.quantity = quantity
                returned.returnQuantity = quantity
                returned.returnReason = item.returnReason
                returned.canceledQuantity = nil
                returned.deliveredQuantity = nil
                let open = (lines[k].quantity ?? 0) - (lines[k].canceledQuantity ?? 0)
                let unit = open == 0 ? 0 : (lines[k].extendedPrice ?? 0) / open
                let value = item.creditAmount ?? SandboxOrderCalculator.round2(unit * quantity)
                credit += value
                creditTax += SandboxOrderCalculator.round2(value - value / (1 + (lines[k].taxRate ?? rate) / 100))
                returnedLines.append(returned)
            }
            let amount = request.creditAmount ?? credit
            let sequence = (order.returnOrderForms?.count ?? 0) + 1
            var form = OmniumReturnOrderForm(
                returnId: "\(orderId)-R\(sequence)", rmaNumber: request.rmaNumber.nonEmpty ?? "RMA-\(500_000 + storage.nextSequence())",
                status: request.status.nonEmpty ?? "New", returnType: request.returnType, returnComment: request.comment,
                storeId: request.storeId ?? order.storeId, userId: request.userId, created: now, modified: now,
                lineItems: returnedLines, creditPayment: request.creditPayment, creditAmount: amount,
                properties: request.properties)
            if request.creditPayment == true {
                form.payments = [OmniumPayment(id: "\(form.returnId!)-P1", paymentMethodName: order.orderForm?.payments?.first?.paymentMethodName,
                                               transactionType: "Credit", status: "Processed", amount: amount, created: now)]
            }
            form.total = amount
            form.taxTotal = request.creditAmount == nil ? creditTax : SandboxOrderCalculator.round2(amount - amount / (1 + rate / 100))
            form.totalExclTax = amount - (form.taxTotal ?? 0)
            order.orderForm?.lineItems = lines
            order.returnOrderForms = (order.returnOrderForms ?? []) + [form]
            let previous = order.status
            let allReturned = lines.allSatisfy { ($0.returnQuantity ?? 0) >= ($0.quantity ?? 0) - ($0.canceledQuantity ?? 0) }
            let status = allReturned ? "Returned" : "PartiallyReturned"
            if storage.orderTypes.canonicalStatus(status, ofType: order.orderType ?? "") != nil { order.status = status }
            order.modified = now
            storage.orders[orderId] = order
            if previous != order.status {
                storage.statusChanges.append(SandboxStatusChange(orderId: orderId, previousStatus: previous, status: order.status ?? "", at: now))
            }
            let event = SandboxEvents.orderEvent(order, category: "Created", previousStatus: previous,
                                                 operationId: SandboxEvents.apiCreateReturn, at: now, storage: &storage)
            return (form, [event])
        }
        publish(events)
        return form
    }

    /// `POST /api/Returns/{orderId}/UpdateStatus` (`status`, `returnId`).
    /// - Throws: `SandboxWriteError` (404 unknown order or return, 400 no returnId).
    public func updateReturnStatus(orderId: String, patch: OmniumUpdateStatusPatch) throws -> OmniumWorkflowResult {
        let (result, events) = try write { storage, now -> (OmniumWorkflowResult, [OmniumEvent]) in
            guard var order = storage.orders[orderId] else { throw SandboxWriteError.notFound("Order was not found") }
            guard let returnId = patch.returnId.nonEmpty else { throw SandboxWriteError.badRequest("returnId is required") }
            guard let k = order.returnOrderForms?.firstIndex(where: { $0.returnId == returnId || $0.rmaNumber == returnId }) else {
                throw SandboxWriteError.notFound("Return was not found")
            }
            let previous = order.returnOrderForms![k].status
            guard previous != patch.status else {
                return (OmniumWorkflowResult(isAborted: false, order: order, orderActionExecutionResults: []), [])
            }
            order.returnOrderForms![k].status = patch.status
            order.returnOrderForms![k].modified = now
            order.modified = now
            storage.orders[orderId] = order
            storage.statusChanges.append(SandboxStatusChange(orderId: orderId, returnId: order.returnOrderForms![k].returnId,
                                                             previousStatus: previous, status: patch.status, at: now))
            let event = SandboxEvents.orderEvent(order, category: "Updated", operationId: SandboxEvents.apiUpdateReturnStatus,
                                                 at: now, storage: &storage)
            return (OmniumWorkflowResult(isAborted: false, order: order, orderActionExecutionResults: []), [event])
        }
        publish(events)
        return result
    }
}
