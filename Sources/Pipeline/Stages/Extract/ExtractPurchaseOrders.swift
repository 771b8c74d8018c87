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
    public let inputs: [Dataset] = [.remote("omnium.api.purchase_orders")]
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
        var undecodable = 0
        for try await batch in context.omnium.scrollPurchaseOrders(request) {
            defer { context.advance(read) }
            // One the model cannot read is withheld with its error and JSON; the rest of the batch goes on.
            for failure in batch.undecodableRecords() {
                read += 1
                let key = failure.key(["id", "purchaseOrderNumber"]) ?? "(no id)"
                seen.insert(key)
                undecodable += try context.quarantine([Self.issue(failure, key: key)])
            }
            let page: [OmniumPurchaseOrder] = batch.decodedRecords()
            try await deliveries.read(for: page, context)
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
                                                   deliveries: deliveries.deliveries(of: purchaseOrder)))
            }
            _ = try context.staging.appendPending(Self.dataset, records: records) { $0.purchaseOrder.id ?? "" }
        }

        // Quarantined POs the delta no longer returns: read them again by id.
        var retried = 0
        let quarantined = try context.control.openQuarantine()
            .filter { $0.entity == MappingIssue.Entity.purchaseOrder.rawValue && !seen.contains($0.recordKey) }
        for record in quarantined {
            do {
                let purchaseOrder: OmniumPurchaseOrder
                switch try await context.omnium.purchaseOrderRecord(id: record.recordKey) {
                case .decoded(let read): purchaseOrder = read
                case .undecodable(let failure):
                    undecodable += try context.quarantine([Self.issue(failure, key: record.recordKey)])
                    continue
                }
                try await deliveries.read(for: [purchaseOrder], context)
                let staged = StagedPurchaseOrder(purchaseOrder: purchaseOrder,
                                                 deliveries: deliveries.deliveries(of: purchaseOrder))
                _ = try context.staging.appendPending(Self.dataset, records: [staged]) { _ in record.recordKey }
                retried += 1
            } catch let error as OmniumError where error.isNotFound {
                try context.control.resolveQuarantine(entity: record.entity, recordKey: record.recordKey)
                context.log.info("quarantined purchase order no longer in Omnium; resolved",
                                 ["stage": name, "record": record.recordKey])
            }
        }
        let summary = try context.staging.publishPending(Self.dataset)
        try OrdersDeltaWatermark.stage([
            StagedDeltaMark(stream: Self.watermarkStream, queriedFrom: from.map(OmniumDateFormat.string(from:)),
                            highestModified: highest.map(OmniumDateFormat.string(from:)), recordCount: read),
        ], as: Self.markDataset, in: context.staging)
        var notes = ["modifiedFrom: \(from.map(OmniumDateFormat.string(from:)) ?? "(first full read)")",
                     "deliveries read: \(deliveries.fetched)"]
        if retried > 0 { notes.append("quarantined purchase orders read again: \(retried)") }
        if undecodable > 0 { notes.append("\(undecodable) purchase order(s) did not decode (quarantined with their JSON)") }
        return StageOutcome(rowsRead: read + retried, rowsWritten: summary.rowCount, quarantined: undecodable, notes: notes)
    }

    /// A purchase order the model cannot read, withheld under its `id`; re-read by id on later runs.
    static func issue(_ failure: OmniumUndecodableRecord, key: String) -> MappingIssue {
        MappingIssue(entity: .purchaseOrder, recordKey: key, reason: failure.description, sourcePayload: failure.rawJSON)
    }
}

// MARK: - DeliveryCache

/// Deliveries read once per run (many POs of one supplier share one), a page of POs at a time.
struct DeliveryCache {
    private var known: [String: OmniumDelivery?] = [:]
    private(set) var fetched = 0

    /// The delivery ids a PO names (header `deliveryId`, then its lines'), in first-seen order.
    static func ids(of purchaseOrder: OmniumPurchaseOrder) -> [String] {
        var ids: [String] = []
        let named = [purchaseOrder.deliveryId] + (purchaseOrder.purchaseOrderForm?.lineItems ?? []).map(\.deliveryId)
        for id in named.compactMap({ $0.nonEmpty }) where !ids.contains(id) { ids.append(id) }
        return ids
    }

    /// Reads the deliveries these POs name that were not read yet, a few at a time. An unknown delivery
    /// (404) is remembered as missing: the mapping falls back to the line's and PO's own data.
    /// - Throws: `OmniumError` other than 404, so the run fails and the watermark stays.
    mutating func read(for purchaseOrders: [OmniumPurchaseOrder], _ context: StageContext) async throws {
        var missing: [String] = []
        for id in purchaseOrders.flatMap(Self.ids(of:)) where known[id] == nil && !missing.contains(id) {
            missing.append(id)
        }
        let client = context.omnium
        let results = try await OrdersConcurrentReads.map(missing) { id -> (String, OmniumDelivery?) in
            do {
                return (id, try await client.delivery(id: id))
            } catch let error as OmniumError where error.isNotFound {
                return (id, nil)
            }
        }
        for (id, delivery) in results {
            known[id] = .some(delivery)
            if delivery == nil {
                context.log.warning("delivery not found", ["stage": context.stageName, "delivery": id])
            } else {
                fetched += 1
            }
        }
    }

    /// The deliveries of a PO that Omnium has (call ``read(for:_:)`` first).
    func deliveries(of purchaseOrder: OmniumPurchaseOrder) -> [OmniumDelivery] {
        Self.ids(of: purchaseOrder).compactMap { known[$0] ?? nil }
    }
}
