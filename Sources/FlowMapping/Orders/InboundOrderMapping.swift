import Foundation
import FlowStore
import Omnium

// MARK: - InboundOrderMapping

/// Omnium Click & Collect and Online orders to Flow order drafts (merged by `InboundOrderMerge`).
///
/// Spec: flow-integration.md §7.1, §14, §15; omnium-contract.md §10. Rules (docs/mapping-orders.md):
/// - Types compare case-insensitively: `ClickAndCollect` (also `ClickAndcollect`) → Click & Collect,
///   `Online` / `OnlineOrder` → Online. Any other type (`Pos`, `Bopis`, …) is not inbound: `nil`, not
///   an issue. A missing `orderType` is an issue.
/// - Click & Collect: `PARKED`, Click & Collect handling task, store = the pickup store (first shipment
///   `pickUpWarehouseCode`, else `storeId`), `validUntil` = Omnium's `customerPickupDeadline`, else
///   (with `OMNIUM_CLICK_COLLECT_EXPIRY_DAYS`) the end of the Nth working day after "now"
///   (`NorwegianBusinessCalendar`).
/// - Online: `CONFIRMED`, Online handling task, store = `storeId`, else the first shipment's sending
///   `warehouseCode`, when that one is a Flow store.
/// - The store must be a Flow store (or one of its warehouses): else a `MappingIssue` "unknown store".
///   Exception: an Online order whose store is no Flow store and which ships from a Flow warehouse that
///   belongs to no store (the web warehouse) involves no shop; it is not inbound (`nil`), not an issue.
/// - Every line needs a `lineItemId` (unique) and a `code` or `productId`; else the order is quarantined.
/// - Money: `placedPrice` (unit, incl. VAT) → `itemPrice`, `discounted` (line) → `itemDiscountAmount`,
///   totals from Omnium's order-form totals (sums of lines and shipments when absent), all via
///   `Money.hundredths`; quantities ×100 via `Quantity.hundredths`. An amount that is not a number or lies
///   beyond ±10¹³, or a negative line quantity (ordered, cancelled, returned), quarantines the order
///   naming the line, field and value: never clamped.
public enum InboundOrderMapping {

    /// The inbound kind of an Omnium `orderType`, or nil when the type is not inbound.
    public static func orderType(_ omniumType: String?) -> FlowOrderType? {
        switch omniumType?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "clickandcollect": return .clickAndCollect
        case "online", "onlineorder": return .onlineOrder
        default: return nil
        }
    }

    /// - Returns: the draft, or nil when the order type is not inbound (`Pos`, …).
    /// - Throws: `MappingIssue` (entity `order`, key = Omnium id) when the order cannot go to Flow.
    public static func map(_ order: OmniumOrder, settings: InboundOrderSettings, stores: KnownFlowStores,
                           calendar: NorwegianBusinessCalendar,
                           now: Date) throws(MappingIssue) -> InboundOrderDraft? {
        let key = order.id.nonEmpty ?? "(no id)"
        func issue(_ reason: String) -> MappingIssue {
            MappingIssue(entity: .order, recordKey: key, reason: reason, sourcePayload: SourcePayload.json(order))
        }

        guard let rawType = order.orderType.nonEmpty else { throw issue("orderType is missing") }
        guard let type = orderType(rawType) else { return nil }
        guard let omniumId = order.id.nonEmpty, let orderUid = FlowUID.sanitize(omniumId) else {
            throw issue("order has no usable id")
        }
        if type == .onlineOrder, isShippedOutsideTheShops(order, stores: stores) { return nil }
        let storeUid = try resolveStore(order, type: type, stores: stores, issue: issue)
        let items = try mapItems(order.orderForm?.lineItems ?? [], orderUid: orderUid, issue: issue)

        var validUntil: Date?
        var isValidUntilFromOmnium = false
        if type == .clickAndCollect {
            if let deadline = order.customerPickupDeadline?.omniumValue {
                validUntil = deadline
                isValidUntilFromOmnium = true
            } else if let days = settings.clickCollectExpiryDays {
                validUntil = calendar.addWorkingDays(days, to: now)
            }
        }
        let handlingUid = type == .clickAndCollect ? settings.clickCollectOrderHandlingUid : settings.onlineOrderHandlingUid
        let totals: OrderTotals
        do throws(ValueOutOfRange) { totals = try OrderTotals(order) } catch { throw issue("order totals: \(error)") }
        let flowOrder = FlowOrder(
            orderUid: orderUid, orderNumber: order.orderNumber.nonEmpty ?? omniumId, externalOrderNumber: omniumId,
            type: type, orderState: type == .clickAndCollect ? .parked : .confirmed, storeUid: storeUid,
            customerUid: order.customerId.nonEmpty.flatMap(FlowUID.sanitize), currency: order.billingCurrency.nonEmpty,
            orderTotal: totals.total, vatTotal: totals.vat, discountTotal: totals.discount,
            shippingTotal: totals.shipping, validUntil: validUntil, omniumStatus: order.status.nonEmpty,
            omniumModified: order.modified?.omniumValue)
        let handlings = handlingUid.nonEmpty.map { [FlowOrderHandling(orderUid: orderUid, orderHandlingUid: $0)] } ?? []
        let status = order.status?.lowercased()
        return InboundOrderDraft(
            snapshot: FlowOrderSnapshot(order: flowOrder, items: items, orderhandlings: handlings),
            isValidUntilFromOmnium: isValidUntilFromOmnium,
            isFinalInOmnium: status.map { s in settings.finalStatuses.contains { $0.lowercased() == s } } ?? false)
    }

    // MARK: - Store

    /// An Online order for the web shop, sent from the web warehouse: no Flow store takes part.
    static func isShippedOutsideTheShops(_ order: OmniumOrder, stores: KnownFlowStores) -> Bool {
        guard stores.storeUid(forOmniumId: order.storeId) == nil else { return false }
        let sending = (order.orderForm?.shipments ?? []).compactMap { $0.warehouseCode.nonEmpty }
        return !sending.isEmpty && sending.allSatisfy { stores.isStorelessWarehouse(omniumId: $0) }
    }

    static func resolveStore(_ order: OmniumOrder, type: FlowOrderType, stores: KnownFlowStores,
                             issue: (String) -> MappingIssue) throws(MappingIssue) -> String {
        let shipments = order.orderForm?.shipments ?? []
        if type == .clickAndCollect {
            if let pickup = shipments.lazy.compactMap({ $0.pickUpWarehouseCode.nonEmpty }).first {
                guard let uid = stores.storeUid(forOmniumId: pickup) else {
                    throw issue("unknown store: pickup store '\(pickup)' (shipment pickUpWarehouseCode) is not a Flow store")
                }
                return uid
            }
            guard let storeId = order.storeId.nonEmpty else { throw issue("no pickup store: neither pickUpWarehouseCode nor storeId is set") }
            guard let uid = stores.storeUid(forOmniumId: storeId) else {
                throw issue("unknown store: store '\(storeId)' (storeId, no pickUpWarehouseCode) is not a Flow store")
            }
            return uid
        }
        if let uid = stores.storeUid(forOmniumId: order.storeId) { return uid }
        if let sending = shipments.lazy.compactMap({ $0.warehouseCode.nonEmpty }).first,
           let uid = stores.storeUid(forOmniumId: sending) {
            return uid
        }
        let named = order.storeId.nonEmpty.map { "store '\($0)' (storeId)" } ?? "no storeId"
        throw issue("unknown store: \(named) is not a Flow store, nor is any shipment warehouseCode")
    }

    // MARK: - Items

    static func mapItems(_ lines: [OmniumOrderLine], orderUid: String,
                         issue: (String) -> MappingIssue) throws(MappingIssue) -> [FlowOrderItem] {
        var seen = Set<String>()
        var items: [FlowOrderItem] = []
        for (index, line) in lines.enumerated() {
            guard let id = line.lineItemId.nonEmpty else { throw issue("line \(index + 1) has no lineItemId") }
            guard seen.insert(id).inserted else { throw issue("lineItemId '\(id)' appears twice") }
            guard let sku = line.code.nonEmpty ?? line.productId.nonEmpty else {
                throw issue("line '\(id)' has neither code (SKU) nor productId")
            }
            do throws(ValueOutOfRange) {
                items.append(FlowOrderItem(
                    orderUid: orderUid, externalId: id, position: index,
                    productUid: line.productId.nonEmpty.flatMap(FlowUID.sanitize), sku: sku,
                    name: line.displayName.nonEmpty,
                    quantity: try Quantity.countedHundredths(line.quantity ?? 0, field: "quantity"),
                    itemPrice: try Money.hundredths(line.placedPrice ?? 0, field: "placedPrice"),
                    itemDiscountAmount: try Money.hundredths(line.discounted ?? 0, field: "discounted"),
                    vatRate: line.taxRate,
                    cancelledQuantity: try Quantity.countedHundredths(line.canceledQuantity ?? 0, field: "canceledQuantity"),
                    returnedQuantity: try Quantity.countedHundredths(line.returnQuantity ?? 0, field: "returnQuantity")))
            } catch {
                throw issue("line '\(id)': \(error)")
            }
        }
        return items
    }
}

// MARK: - OrderTotals

/// An order's totals in hundredths: Omnium's calculated order-form totals, or sums when it sent none.
struct OrderTotals {
    var total: Int64
    var vat: Int64
    var discount: Int64
    var shipping: Int64

    init(_ order: OmniumOrder) throws(ValueOutOfRange) {
        let form = order.orderForm
        let lines = form?.lineItems ?? []
        let shippingAmount = form?.shippingTotal
            ?? (form?.shipments ?? []).reduce(Decimal(0)) { $0 + ($1.shippingSubTotal ?? 0) }
        let linesAmount = lines.reduce(Decimal(0)) { sum, line in
            sum + (line.extendedPrice ?? OrderTotals.lineAmount(line))
        }
        total = try Money.hundredths(form?.total ?? order.netTotal ?? (linesAmount + shippingAmount), field: "total")
        vat = try Money.hundredths(form?.taxTotal ?? lines.reduce(Decimal(0)) { $0 + ($1.taxTotal ?? 0) }, field: "taxTotal")
        discount = try Money.hundredths(form?.discountAmount ?? lines.reduce(Decimal(0)) { $0 + ($1.discounted ?? 0) },
                                        field: "discountAmount")
        shipping = try Money.hundredths(shippingAmount, field: "shippingTotal")
    }

    /// Omnium's `discountedPrice` formula: what is left of the line after cancellations and its discount.
    static func lineAmount(_ line: OmniumOrderLine) -> Decimal {
        let quantity = line.quantity ?? 0
        let remaining = quantity - (line.canceledQuantity ?? 0)
        let discount = quantity > 0 ? (line.discounted ?? 0) / quantity * remaining : 0
        return remaining * (line.placedPrice ?? 0) - discount
    }
}
