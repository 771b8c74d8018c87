import FlowMapping
import Foundation
import Omnium
import Staging

// MARK: - StagedPurchaseOrder

/// One Omnium purchase order as extracted, with the deliveries its lines name (`omnium.purchase_orders`).
public struct StagedPurchaseOrder: Codable, Sendable, Equatable {
    public var purchaseOrder: OmniumPurchaseOrder
    /// `GET /api/Deliveries/{id}` for every `deliveryId` on the PO or its lines (unknown ones left out).
    public var deliveries: [OmniumDelivery]

    public init(purchaseOrder: OmniumPurchaseOrder, deliveries: [OmniumDelivery]) {
        self.purchaseOrder = purchaseOrder
        self.deliveries = deliveries
    }
}

// MARK: - ExtractPurchaseOrders

/// `extract.purchase_orders`: purchase orders changed since the watermark, plus the deliveries they
/// reference, into `omnium.purchase_orders`; the delta's high-water mark into `omnium.purchase_orders.mark`.
///
/// Delta rule as in ``OrdersDeltaWatermark`` (scroll, so a first full read is not cut at 10,000 hits).
/// POs still in quarantine are read again by id, so a fixed PO (or a store that now exists in Flow) loads
/// on the next run even though the watermark has moved past it. Spec: flow-integration.md §9.1;
/// omnium-contract.md §3, §9.
public struct ExtractPurchaseOrders: Stage {
    public let name = "extract.purchase_orders"
    public let version = 1
    public let inputs: [Dataset] = [.external("omnium.api.purchase_orders")]
    public let outputs: [Dataset] = [.staged(Self.dataset), .staged(Self.markDataset)]

    public static let dataset = "omnium.purchase_orders"
    public static let markDataset = "omnium.purchase_orders.mark"
    /// The watermark stream: the highest PO `modified` loaded into Flow.
    public static let watermarkStream = "omnium.purchase_orders.modified"

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let from = try OrdersDeltaWatermark.queryStart(stream: Self.watermarkStream, control: context.control)
        let request = from.map(OmniumPurchaseOrderSearchRequest.modified(from:))
            ?? OmniumPurchaseOrderSearchRequest(sortOrder: OmniumSortOrder.modifiedAscending)
        var deliveries = DeliveryCache()
        var highest: Date?
        var read = 0
        var seen = Set<String>()
        try context.staging.beginPending(Self.dataset)
        for try await page in context.omnium.scrollPurchaseOrders(request) {
            var records: [StagedPurchaseOrder] = []
            for purchaseOrder in page {
                read += 1
                guard let id = purchaseOrder.id.nonEmpty else {
                    context.log.warning("purchase order without id skipped", ["stage": name])
                    continue
                }
                highest = OrdersDeltaWatermark.later(highest, purchaseOrder.modified?.omniumValue)
                seen.insert(id)
                records.append(StagedPurchaseOrder(purchaseOrder: purchaseOrder,
                                                   deliveries: try await deliveries.of(purchaseOrder, context)))
            }
            _ = try context.staging.appendPending(Self.dataset, records: records) { $0.purchaseOrder.id ?? "" }
        }

        // Quarantined POs the delta no longer returns: read them again by id.
        var retried = 0
        let quarantined = try context.control.openQuarantine()
            .filter { $0.entity == MappingIssue.Entity.purchaseOrder.rawValue && !seen.contains($0.recordKey) }
        for record in quarantined {
            do {
                let purchaseOrder = try await context.omnium.purchaseOrder(id: record.recordKey)
                let staged = StagedPurchaseOrder(purchaseOrder: purchaseOrder,
                                                 deliveries: try await deliveries.of(purchaseOrder, context))
                _ = try context.staging.appendPending(Self.dataset, records: [staged]) { _ in record.recordKey }
                retried += 1
            } catch let error as OmniumError where error.isNotFound {
                try context.control.resolveQuarantine(entity: record.entity, recordKey: record.recordKey)
                context.log.info("quarantined purchase order no longer in Omnium; resolved",
                                 ["stage": name, "record": record.recordKey])
            }
        }
        let summary = try context.staging.publishPending(Self.dataset)
        try OrdersDeltaWatermark.stage(
            StagedDeltaMark(stream: Self.watermarkStream, queriedFrom: from.map(OmniumDateFormat.string(from:)),
                            highestModified: highest.map(OmniumDateFormat.string(from:)), recordCount: read),
            as: Self.markDataset, in: context.staging)
        var notes = ["modifiedFrom: \(from.map(OmniumDateFormat.string(from:)) ?? "(first full read)")",
                     "deliveries read: \(deliveries.fetched)"]
        if retried > 0 { notes.append("quarantined purchase orders read again: \(retried)") }
        return StageOutcome(rowsRead: read + retried, rowsWritten: summary.rowCount, notes: notes)
    }
}

// MARK: - DeliveryCache

/// Deliveries read once per run: many POs of one supplier share a delivery.
struct DeliveryCache {
    private var known: [String: OmniumDelivery?] = [:]
    private(set) var fetched = 0

    /// The deliveries a PO names (header `deliveryId` and line `deliveryId`s), in first-seen order.
    /// An unknown delivery (404) is left out: the mapping falls back to the line's and PO's own data.
    /// - Throws: `OmniumError` other than 404, so the run fails and the watermark stays.
    mutating func of(_ purchaseOrder: OmniumPurchaseOrder, _ context: StageContext) async throws -> [OmniumDelivery] {
        var ids: [String] = []
        let named = [purchaseOrder.deliveryId] + (purchaseOrder.purchaseOrderForm?.lineItems ?? []).map(\.deliveryId)
        for id in named.compactMap({ $0.nonEmpty }) where !ids.contains(id) { ids.append(id) }
        var result: [OmniumDelivery] = []
        for id in ids {
            if known[id] == nil {
                do {
                    known[id] = .some(try await context.omnium.delivery(id: id))
                    fetched += 1
                } catch let error as OmniumError where error.isNotFound {
                    known[id] = .some(nil)
                    context.log.warning("delivery not found", ["stage": context.stageName, "delivery": id,
                                                               "purchase.order": purchaseOrder.id ?? ""])
                }
            }
            if let delivery = known[id] ?? nil { result.append(delivery) }
        }
        return result
    }
}
