import Foundation
import FlowStore
import Omnium

// MARK: - PurchaseOrderMapping

/// Omnium purchase orders to Flow purchase orders, in both `ExportDeliveryAsPo` modes.
///
/// Spec: flow-integration.md §9.1; omnium-contract.md §9. Rules (docs/mapping-orders.md):
/// - `ExportDeliveryAsPo = false`: one Flow PO per Omnium PO, uid = sanitized PO id, every line, status
///   from delivery progress (`PurchaseOrderStatusRule`). The snapshot holds the full line set, so lines
///   removed in Omnium are deleted in Flow when it is saved.
/// - `ExportDeliveryAsPo = true`: one Flow PO per delivery, uid = `{poId}-delivery-{deliveryId}`, only
///   the lines whose `deliveryId` is that delivery, status `SENTTOSUPPLIER` (a cancelled PO → `CLOSED`).
///   A delivery passed in `deliveries` without lines still yields its (empty) PO so lines moved away are
///   deleted; lines without a delivery are not exported in this mode.
/// - `supplierId` is required, as is each line's `lineItemId` and `code` (SKU), and the receiving
///   warehouse (`storeId`) must be a Flow store or warehouse: otherwise the whole PO is quarantined
///   (half a PO in Flow would make goods reception wrong).
/// - Quantities ×100; `unitPrice` = Omnium's discounted line price / (quantity − cancelled quantity),
///   falling back to `placedPrice`, in hundredths (`Money.hundredths`).
/// - Line `expectedDeliveryDate` = line ETA, else its delivery's ETA, else the PO `requestedDeliveryDate`;
///   the header takes the earliest line date, else `requestedDeliveryDate`.
public enum PurchaseOrderMapping {

    public static func map(_ purchaseOrder: OmniumPurchaseOrder, deliveries: [OmniumDelivery] = [],
                           settings: PurchaseOrderMappingSettings,
                           stores: KnownFlowStores) throws(MappingIssue) -> [FlowPurchaseOrderSnapshot] {
        let key = purchaseOrder.id.nonEmpty ?? "(no id)"
        func issue(_ reason: String) -> MappingIssue {
            MappingIssue(entity: .purchaseOrder, recordKey: key, reason: reason,
                         sourcePayload: SourcePayload.json(purchaseOrder))
        }
        guard let omniumId = purchaseOrder.id.nonEmpty, let baseUid = FlowUID.sanitize(omniumId) else {
            throw issue("purchase order has no usable id")
        }
        guard let supplierUid = purchaseOrder.supplierId.nonEmpty.flatMap(FlowUID.sanitize) else {
            throw issue("supplierId is missing (required by Flow)")
        }
        let warehouseUid = purchaseOrder.storeId.nonEmpty.flatMap(FlowUID.sanitize)
        guard let receiving = purchaseOrder.storeId.nonEmpty else {
            throw issue("storeId (the receiving warehouse) is missing")
        }
        guard let storeUid = stores.storeUid(forOmniumId: receiving) else {
            throw issue("unknown store: receiving warehouse '\(receiving)' (storeId) is not a Flow store or warehouse")
        }
        let omniumLines = purchaseOrder.purchaseOrderForm?.lineItems ?? []
        var seen = Set<String>()
        for (index, line) in omniumLines.enumerated() {
            guard let id = line.lineItemId.nonEmpty else { throw issue("line \(index + 1) has no lineItemId") }
            guard seen.insert(id).inserted else { throw issue("lineItemId '\(id)' appears twice") }
            guard line.code.nonEmpty != nil else { throw issue("line '\(id)' has no code (SKU)") }
        }
        let deliveriesById = Dictionary(deliveries.compactMap { d in d.id.nonEmpty.map { ($0, d) } },
                                        uniquingKeysWith: { first, _ in first })
        let isCancelled = PurchaseOrderStatusRule.isCancelled(omniumStatus: purchaseOrder.status,
                                                              cancelledStatuses: settings.cancelledStatuses)
        let header = FlowPurchaseOrder(
            purchaseOrderUid: baseUid, omniumPurchaseOrderId: omniumId,
            purchaseOrderNumber: purchaseOrder.purchaseOrderNumber.nonEmpty, supplierUid: supplierUid,
            supplierName: purchaseOrder.supplierName.nonEmpty, currency: purchaseOrder.billingCurrency.nonEmpty,
            supplierReferenceNumber: purchaseOrder.referenceNumber.nonEmpty,
            note: note(purchaseOrder.purchaseOrderNotes), status: .sentToSupplier, storeUid: storeUid,
            warehouseUid: warehouseUid, omniumStatus: purchaseOrder.status.nonEmpty,
            omniumModified: purchaseOrder.modified?.omniumValue)

        // An amount or quantity out of range quarantines the whole purchase order, naming line and field.
        func lineIssue(_ line: OmniumPurchaseOrderLine, _ error: ValueOutOfRange) -> MappingIssue {
            issue("line '\(line.lineItemId ?? "?")': \(error)")
        }

        if !settings.exportDeliveryAsPo {
            var lines: [FlowPurchaseOrderLine] = []
            var quantities: [PurchaseOrderStatusRule.LineProgress] = []
            for (index, line) in omniumLines.enumerated() {
                do throws(ValueOutOfRange) {
                    lines.append(try flowLine(line, position: index, purchaseOrderUid: baseUid, purchaseOrder: purchaseOrder,
                                              delivery: line.deliveryId.nonEmpty.flatMap { deliveriesById[$0] }))
                    quantities.append(.init(
                        ordered: try Quantity.countedHundredths(line.quantity ?? 0, field: "quantity"),
                        delivered: try Quantity.countedHundredths(line.deliveredQuantity ?? 0, field: "deliveredQuantity"),
                        cancelled: try Quantity.countedHundredths(line.canceledQuantity ?? 0, field: "canceledQuantity")))
                } catch {
                    throw lineIssue(line, error)
                }
            }
            var order = header
            order.status = PurchaseOrderStatusRule.status(
                lines: quantities, omniumStatus: purchaseOrder.status, cancelledStatuses: settings.cancelledStatuses)
            order.expectedDeliveryDate = earliest(lines) ?? purchaseOrder.requestedDeliveryDate?.omniumValue
            return [FlowPurchaseOrderSnapshot(purchaseOrder: order, lines: lines)]
        }

        // Delivery mode: deliveries named by lines, plus those passed in.
        var deliveryIds: [String] = []
        for id in omniumLines.compactMap({ $0.deliveryId.nonEmpty }) + deliveries.compactMap({ $0.id.nonEmpty })
        where !deliveryIds.contains(id) {
            deliveryIds.append(id)
        }
        var snapshots: [FlowPurchaseOrderSnapshot] = []
        for deliveryId in deliveryIds.sorted() {
            guard let deliveryUid = FlowUID.sanitize(deliveryId) else { continue }
            let uid = "\(baseUid)-delivery-\(deliveryUid)"
            let delivery = deliveriesById[deliveryId]
            var lines: [FlowPurchaseOrderLine] = []
            for (index, line) in omniumLines.enumerated() where line.deliveryId == deliveryId {
                do throws(ValueOutOfRange) {
                    lines.append(try flowLine(line, position: index, purchaseOrderUid: uid, purchaseOrder: purchaseOrder,
                                              delivery: delivery))
                } catch {
                    throw lineIssue(line, error)
                }
            }
            var order = header
            order.purchaseOrderUid = uid
            order.omniumDeliveryId = deliveryId
            order.status = isCancelled ? .closed : .sentToSupplier
            if let code = delivery?.warehouseCode.nonEmpty.flatMap(FlowUID.sanitize) {
                order.warehouseUid = code
                order.storeUid = stores.storeUid(forOmniumId: code) ?? storeUid
            }
            order.expectedDeliveryDate = delivery?.estimatedTimeOfArrival?.omniumValue ?? earliest(lines)
                ?? purchaseOrder.requestedDeliveryDate?.omniumValue
            snapshots.append(FlowPurchaseOrderSnapshot(purchaseOrder: order, lines: lines))
        }
        return snapshots
    }

    // MARK: - Lines

    static func flowLine(_ line: OmniumPurchaseOrderLine, position: Int, purchaseOrderUid: String,
                         purchaseOrder: OmniumPurchaseOrder,
                         delivery: OmniumDelivery?) throws(ValueOutOfRange) -> FlowPurchaseOrderLine {
        let lineItemId = line.lineItemId ?? ""
        let warehouse = line.warehouseCode.nonEmpty ?? delivery?.warehouseCode.nonEmpty ?? purchaseOrder.storeId.nonEmpty
        return FlowPurchaseOrderLine(
            purchaseOrderUid: purchaseOrderUid, lineUid: FlowUID.sanitize(lineItemId) ?? lineItemId,
            omniumLineItemId: lineItemId, position: position, sku: line.code ?? "",
            ean: line.ean.nonEmpty ?? line.gtin.nonEmpty, name: line.displayName.nonEmpty,
            supplierSku: line.supplierSkuId.nonEmpty,
            quantityOrdered: try Quantity.countedHundredths(line.quantity ?? 0, field: "quantity"),
            quantityReceived: try Quantity.countedHundredths(line.deliveredQuantity ?? 0, field: "deliveredQuantity"),
            unitPrice: try Money.hundredths(unitPrice(line), field: "placedPrice"),
            warehouseUid: warehouse.flatMap(FlowUID.sanitize),
            expectedDeliveryDate: line.estimatedTimeOfArrival?.omniumValue
                ?? delivery?.estimatedTimeOfArrival?.omniumValue ?? purchaseOrder.requestedDeliveryDate?.omniumValue,
            omniumDeliveryId: line.deliveryId.nonEmpty)
    }

    /// Discounted price per unit: Omnium's `discountedPrice` is the line total over the quantity not
    /// cancelled (omnium-contract.md §10.1 CALC); without it, or with nothing left, `placedPrice`.
    static func unitPrice(_ line: OmniumPurchaseOrderLine) -> Decimal {
        let remaining = (line.quantity ?? 0) - (line.canceledQuantity ?? 0)
        if let discounted = line.discountedPrice, remaining > 0 { return discounted / remaining }
        return line.placedPrice ?? 0
    }

    // MARK: - Header helpers

    /// Notes' text (`detail`, else `title`), trimmed, comma-joined.
    static func note(_ notes: [OmniumComment]?) -> String? {
        let texts = (notes ?? []).compactMap { note -> String? in
            let text = (note.detail.nonEmpty ?? note.title.nonEmpty)?.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.nonEmpty
        }
        return texts.isEmpty ? nil : texts.joined(separator: ", ")
    }

    static func earliest(_ lines: [FlowPurchaseOrderLine]) -> Date? {
        lines.compactMap(\.expectedDeliveryDate).min()
    }
}
