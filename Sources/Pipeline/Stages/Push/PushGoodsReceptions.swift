import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

// MARK: - PushGoodsReceptions

/// `push.goods_receptions`: works `external_receivement_sync` (flow-integration.md §5.3, §9.2).
///
/// - On a PO known in Omnium (a `purchase_orders` row): `POST /api/Deliveries/{deliveryId}/ProcessGoodsReception`
///   per delivery, every line carrying `goodsReceptionId` = the reception's uid (suffixed with the delivery
///   id when the reception spans several), received quantity ÷ 100. Omnium refuses a known id with 400 naming
///   it and applies nothing: that answer means an earlier attempt arrived, so the job is done.
/// - On a local PO (Omnium does not know it): the receiving warehouse's stock levels of the received SKUs
///   through `PUT /api/Inventory/UpdateMany` (absolute levels: a repeat changes nothing), and only when
///   Flow is stock master there (`OMNIUM_FLOW_STOCK_MASTER` names the warehouse's store id); where Omnium is
///   stock master Flow sends no inventory back (§5.1), so the job is done with nothing sent.
/// Every attempt is safe to repeat, so an answer that never came is retried like any failure.
public struct PushGoodsReceptions: Stage {
    public let name = "push.goods_receptions"
    public let version = 1
    public let inputs: [Dataset] = [.staged(EnqueuePosChanges.enqueuedDataset), .external("flow.goods_receptions")]
    public let outputs: [Dataset] = [.remote("omnium.api.deliveries.goods_receptions"),
                                     .external("control.sync_jobs.external_receivement_sync")]

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let flow = context.flow
        let omnium = context.omnium
        let log = context.log
        let configuration = context.configuration
        let worker = SyncQueueWorker(kind: .goodsReceptionPush, maxConcurrent: 4)
        let report = try await worker.drain(control: context.control) { attempt in
            let uid = attempt.job.objectKey
            do {
                guard let reception = try flow.read({ try GoodsReceptionsTable.fetch(receptionUid: uid, in: $0) }) else {
                    return .dead(reason: "goods reception \(uid) is not in the Flow store")
                }
                let po = try flow.read { try PurchaseOrdersTable.fetchSnapshot(purchaseOrderUid: reception.purchaseOrderUid, in: $0) }
                if let po {
                    return try await Self.processGoodsReception(reception, po: po, omnium: omnium)
                }
                guard configuration.isFlowStockMaster(storeID: reception.warehouseUid) else {
                    // Omnium is stock master here: Flow sends no inventory back (§5.1), so nothing is owed.
                    log.info("goods reception on a local PO of an Omnium-master store: nothing to send",
                             ["reception": uid, "warehouse": reception.warehouseUid])
                    return .done
                }
                let items = try flow.read { db in
                    try Set(reception.lines.map(\.sku)).sorted().map { sku in
                        let level = try StockMovementsTable.level(warehouseUid: reception.warehouseUid, productUid: sku, in: db)
                        return OmniumInventoryItem(sku: sku, warehouseCode: reception.warehouseUid,
                                                   inventory: OutboundOrderMapping.quantity(level?.quantity ?? 0))
                    }
                }
                try await omnium.updateInventory(items)
                return .done
            } catch let error as OmniumError where !error.isFatal {
                log.warning("goods reception push failed", ["reception": uid, "error": error.description])
                return SyncJobOutcome.from(error)
            }
        }
        return StageOutcome(rowsRead: report.claimed, rowsWritten: report.done, notes: [report.summary])
    }

    static func processGoodsReception(_ reception: FlowGoodsReception, po: FlowPurchaseOrderSnapshot,
                                      omnium: OmniumClient) async throws -> SyncJobOutcome {
        var byDelivery: [String: [OmniumGoodsReceptionLine]] = [:]
        for line in reception.lines {
            let poLine = po.lines.first { $0.omniumLineItemId == line.omniumLineItemId }
                ?? po.lines.first { $0.sku == line.sku }
            guard let poLine, let delivery = poLine.omniumDeliveryId ?? po.purchaseOrder.omniumDeliveryId else {
                return .dead(reason: "goods reception \(reception.receptionUid) line \(line.lineNo): SKU \(line.sku) has no Omnium PO line with a delivery on \(reception.purchaseOrderUid)")
            }
            byDelivery[delivery, default: []].append(OmniumGoodsReceptionLine(
                lineItemId: poLine.omniumLineItemId, deliveredQuantity: OutboundOrderMapping.quantity(line.quantity),
                warehouseCode: reception.warehouseUid, goodsReceptionId: nil))
        }
        for (delivery, lines) in byDelivery.sorted(by: { $0.key < $1.key }) {
            let id = byDelivery.count == 1 ? reception.receptionUid : "\(reception.receptionUid)-\(delivery)"
            let keyed = lines.map { line -> OmniumGoodsReceptionLine in
                var line = line
                line.goodsReceptionId = id
                return line
            }
            do {
                try await omnium.processGoodsReception(deliveryId: delivery, lines: keyed)
            } catch let error as OmniumError where error.kind == .badRequest && (error.body ?? "").contains(id) {
                continue   // Omnium knows this goodsReceptionId: an earlier attempt was applied.
            }
        }
        return .done
    }
}
