import Foundation
import Omnium

/// Validation and server-side completion of an order written through the API.
///
/// 400 (Sandbox choice, from documented constraints): unknown `marketId`/`storeId`; `orderType` not
/// configured or `status` not in it; a line without `lineItemId` or a duplicated one; a shipment
/// without `shipmentId` or with a `warehouseCode` that is no store. Then: canonical spellings,
/// `orderNumber` = `id`, `created` kept, `completed`/`readyForPickup` stamped on reaching those
/// statuses, shipment status `AwaitingInventory` by default, CALC totals, `modified` = now.
///
/// Spec: omnium-contract.md §10, §10.1.
extension SandboxStorage {
    func prepareOrder(_ input: OmniumOrder, defaultType: String? = nil, defaultStatus: String? = nil,
                      existing: OmniumOrder?, now: Date) throws -> OmniumOrder {
        var order = input
        // MARK: Type and status
        guard let typeText = order.orderType.nonEmpty ?? defaultType else {
            throw SandboxWriteError.badRequest("orderType is required")
        }
        guard let type = orderTypes.canonicalType(typeText) else {
            throw SandboxWriteError.badRequest("Order type '\(typeText)' is not configured")
        }
        order.orderType = type
        let statusText = order.status.nonEmpty ?? defaultStatus ?? orderTypes.statuses[type]?.first ?? "New"
        guard let status = orderTypes.canonicalStatus(statusText, ofType: type) else {
            throw SandboxWriteError.badRequest("Status '\(statusText)' is not valid for order type '\(type)'")
        }
        order.status = status
        // MARK: Market and store
        let market: OmniumMarket?
        if let marketId = order.marketId.nonEmpty {
            market = self.market(marketId)
            guard market != nil else { throw SandboxWriteError.badRequest("Market '\(marketId)' was not found") }
        } else {
            market = markets.first { $0.isDefaultMarket == true } ?? markets.first
        }
        order.marketId = market?.marketId
        guard let storeId = order.storeId.nonEmpty else { throw SandboxWriteError.badRequest("storeId is required") }
        guard stores.contains(storeId) else { throw SandboxWriteError.badRequest("Store '\(storeId)' was not found") }
        // MARK: Lines and shipments
        var seen = Set<String>()
        for line in order.orderForm?.lineItems ?? [] {
            guard let id = line.lineItemId.nonEmpty else { throw SandboxWriteError.badRequest("Order line without lineItemId") }
            guard seen.insert(id).inserted else { throw SandboxWriteError.badRequest("Duplicate lineItemId '\(id)'") }
        }
        if var shipments = order.orderForm?.shipments {
            for k in shipments.indices {
                guard let id = shipments[k].shipmentId.nonEmpty else { throw SandboxWriteError.badRequest("Shipment without shipmentId") }
                guard let code = shipments[k].warehouseCode.nonEmpty, stores.contains(code) else {
                    throw SandboxWriteError.badRequest("Shipment '\(id)' has no existing warehouseCode '\(shipments[k].warehouseCode ?? "")'")
                }
                if shipments[k].status.nonEmpty == nil { shipments[k].status = "AwaitingInventory" }
            }
            order.orderForm?.shipments = shipments
        }
        // MARK: Server-side fields
        if order.orderNumber.nonEmpty == nil { order.orderNumber = order.id }
        if order.billingCurrency.nonEmpty == nil { order.billingCurrency = market?.currency }
        order.created = existing?.created ?? order.created ?? now
        if order.returnOrderForms == nil { order.returnOrderForms = existing?.returnOrderForms }
        let statusChanged = existing?.status != status
        if status == "Completed" || status == "PickedUp" {
            order.completed = statusChanged ? (order.completed ?? now) : (order.completed ?? existing?.completed)
        }
        if status == "ReadyForPickup" {
            order.readyForPickup = statusChanged ? (order.readyForPickup ?? now) : (order.readyForPickup ?? existing?.readyForPickup)
        }
        order.modified = now
        return SandboxOrderCalculator.calculate(order, defaultTaxRate: market?.defaultTaxRate ?? 25)
    }
}
