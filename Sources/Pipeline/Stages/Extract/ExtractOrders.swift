import FlowMapping
import Foundation
import Omnium
import Staging

// MARK: - StagedOmniumOrder

/// One Omnium order as extracted (`omnium.orders`, keyed by order id), with why it was read.
public struct StagedOmniumOrder: Codable, Sendable, Equatable {
    public var order: OmniumOrder
    /// `external_order_sync` jobs claimed for this order; completed or retried by `load.orders`.
    public var syncJobIds: [Int64]
    /// Inbox events naming this order; marked processed by `load.orders` once the order is loaded.
    public var inboxEventIds: [String]
    /// Returned by the delta query (its `modified` counts towards the watermark).
    public var isFromDelta: Bool

    public init(order: OmniumOrder, syncJobIds: [Int64] = [], inboxEventIds: [String] = [], isFromDelta: Bool = false) {
        self.order = order
        self.syncJobIds = syncJobIds
        self.inboxEventIds = inboxEventIds
        self.isFromDelta = isFromDelta
    }
}

// MARK: - ExtractOrders

/// `extract.orders`: the Click & Collect and Online orders to bring into Flow, found two ways
/// (DESIGN.md "Stages"; flow-integration.md §7.1, §17; omnium-contract.md §3, §13):
/// 1. events waiting in the control database's inbox: each named order gets a job in the
///    `external_order_sync` queue (at most one pending job per order, as Flow's own queue);
/// 2. jobs due in that queue (new ones, and orders that failed to load earlier, retried with backoff)
///    are claimed and their order read with `GET /api/Orders/{id}`;
/// 3. delta polling: a scroll per order type over `modifiedFrom` = that type's watermark − overlap
///    (``OrdersDeltaWatermark``, ``watermarkStream(orderType:)``), deduplicated on (`id`, `modified`):
///    the later `modified` wins.
///
/// Outputs `omnium.orders` and the delta's high-water marks `omnium.orders.mark` (one row per type). Nothing here marks an
/// event processed, completes a job or moves the watermark: `load.orders` does, after the Flow commit.
/// A job whose order Omnium no longer has (404) goes dead at once and its events are marked processed.
public struct ExtractOrders: Stage {
    public let name = "extract.orders"
    public let version = 1
    public let inputs: [Dataset] = [.remote("omnium.api.orders"), .external("control.inbox_events")]
    public let outputs: [Dataset] = [.staged(Self.dataset), .staged(Self.markDataset)]

    public static let dataset = "omnium.orders"
    public static let markDataset = "omnium.orders.mark"
    /// The queue Flow uses for inbound order syncs.
    public static let queue = SyncJob.Queue.externalOrderSync

    /// Omnium order types polled (the search takes one type at a time); others are not inbound.
    public var orderTypes = ["ClickAndCollect", "Online"]
    /// Jobs claimed per run; the rest wait for the next run.
    public var jobBatchSize = 500

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let control = context.control
        let requeued = try worker.requeueInterrupted(control: control)
        let eventIds = try enqueueInboxEvents(context)
        let (byJob, jobNotes) = try await fetchDueJobs(context, eventIds: eventIds)

        try context.staging.beginPending(Self.dataset)
        var marks: [StagedDeltaMark] = []
        var seen = Set<String>()
        var notes: [String] = []
        var undecodable = 0
        for type in orderTypes {
            let stream = Self.watermarkStream(orderType: type)
            let from = try OrdersDeltaWatermark.queryStart(stream: stream, control: control)
            var request = OmniumOrderSearchRequest(orderType: type, sortOrder: OmniumSortOrder.modifiedAscending,
                                                   disableFacets: true)
            request.modifiedFrom = from
            var highest: Date?
            var count = 0
            for try await batch in context.omnium.scrollOrders(request) {
                defer { context.advance(count) }
                var records: [StagedOmniumOrder] = []
                let failures = batch.undecodableRecords()
                count += failures.count
                undecodable += try quarantineUndecodable(failures, context)
                for order in batch.decodedRecords() {
                    count += 1
                    guard let id = order.id.nonEmpty else { continue }
                    highest = OrdersDeltaWatermark.later(highest, order.modified?.omniumValue)
                    seen.insert(id)
                    var record = StagedOmniumOrder(order: order, inboxEventIds: eventIds[id] ?? [], isFromDelta: true)
                    if let fetched = byJob[id] {
                        record.syncJobIds = fetched.syncJobIds
                        if Self.isNewer(fetched.order, than: order) { record.order = fetched.order }
                    }
                    records.append(record)
                }
                _ = try context.staging.appendPending(Self.dataset, records: records) { $0.order.id ?? "" }
            }
            marks.append(StagedDeltaMark(stream: stream, queriedFrom: from.map(OmniumDateFormat.string(from:)),
                                         highestModified: highest.map(OmniumDateFormat.string(from:)), recordCount: count))
            notes.append("\(type): \(count) from \(from.map(OmniumDateFormat.string(from:)) ?? "the beginning")")
        }
        // Orders read for a job that the delta did not return (older, or of another type).
        let jobOnly = byJob.filter { !seen.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        _ = try context.staging.appendPending(Self.dataset, records: jobOnly) { $0.order.id ?? "" }
        let summary = try context.staging.publishPending(Self.dataset)
        try OrdersDeltaWatermark.stage(marks, as: Self.markDataset, in: context.staging)

        notes += ["inbox orders: \(eventIds.count)"] + jobNotes
        if requeued > 0 { notes.append("jobs left running by an interrupted run requeued: \(requeued)") }
        if undecodable > 0 {
            notes.append("\(undecodable) order(s) did not decode (quarantined with their JSON, retried through the sync queue)")
        }
        let deltaCount = marks.reduce(0) { $0 + $1.recordCount }
        return StageOutcome(rowsRead: deltaCount + byJob.count, rowsWritten: summary.rowCount, quarantined: undecodable,
                            notes: notes)
    }

    /// Orders of a delta page the model cannot read: quarantined with the decoding error and their raw
    /// JSON under their `id`, and given an inbound sync job, so they are read again by id with the
    /// queue's backoff (the watermark moves past them like past any quarantined order).
    func quarantineUndecodable(_ failures: [OmniumUndecodableRecord], _ context: StageContext) throws -> Int {
        var count = 0
        for failure in failures {
            let key = failure.key(["id", "orderNumber"])
            count += try context.quarantine([MappingIssue(entity: .order, recordKey: key ?? "(no id)",
                                                          reason: failure.description, sourcePayload: failure.rawJSON)])
            if let key { try context.control.enqueue(queue: Self.queue, kind: .inboundOrder, objectKey: key) }
        }
        return count
    }

    /// The watermark stream of one order type: its highest `modified` loaded into Flow. One per type,
    /// because each type is its own query: a mark shared across them could pass orders of a type whose
    /// query ran earlier.
    public static func watermarkStream(orderType: String) -> String {
        "omnium.orders.\(orderType).modified"
    }

    // MARK: - Inbox

    /// Gives each order named by a pending `Order` event a pending sync job (one per order) and returns
    /// the events by order id. Events of other classes are left for their own consumers; order events
    /// that name no order, or an order type that is not inbound (`Pos`, …), need nothing and are marked
    /// processed at once.
    func enqueueInboxEvents(_ context: StageContext) throws -> [String: [String]] {
        var eventIds: [String: [String]] = [:]
        for event in try context.control.pendingInboxEvents(limit: 100_000) {
            if let className = event.className.nonEmpty, className.lowercased() != "order" { continue }
            let type = event.subClassName.nonEmpty
            guard let orderId = event.objectId.nonEmpty, type == nil || InboundOrderMapping.orderType(type) != nil else {
                try context.control.markInboxEventProcessed(id: event.id)
                continue
            }
            eventIds[orderId, default: []].append(event.id)
            try context.control.enqueue(queue: Self.queue, kind: .inboundOrder, objectKey: orderId)
        }
        return eventIds
    }

    // MARK: - Jobs

    /// Claims the due inbound-order jobs of `external_order_sync` through the queue worker and reads their
    /// orders by id; the read orders are handed over to the order load, which completes their jobs.
    /// - Returns: the orders by id, and notes for the manifest.
    func fetchDueJobs(_ context: StageContext, eventIds: [String: [String]]) async throws
        -> ([String: StagedOmniumOrder], [String]) {
        let control = context.control
        let client = context.omnium
        let log = context.log
        let stageName = name
        let reads = FetchedOrders()
        let report = try await worker.runDue(control: control, limit: jobBatchSize) { attempt in
            let job = attempt.job
            do {
                switch try await client.orderRecord(id: job.objectKey) {
                case .decoded(let order):
                    reads.add(job, order)
                    return .handedOver
                case .undecodable(let failure):
                    reads.undecodable(failure)
                    return .retry(reason: failure.description, retryAfter: nil)
                }
            } catch let error as OmniumError where error.isNotFound {
                // Nothing to load, now or later: the job goes dead (visible to an operator), its events are done.
                reads.missing(job.objectKey)
                log.warning("order of a sync job not found", ["stage": stageName, "order": job.objectKey])
                return .dead(reason: "order not found in Omnium: \(error)")
            } catch let error as OmniumError where !error.isFatal {
                log.warning("order of a sync job could not be read", ["stage": stageName, "order": job.objectKey,
                                                                      "error": error.description])
                // A read has no effect to verify: a lost answer is an ordinary retry.
                return .retry(reason: error.description, retryAfter: error.retryAfter.map(SyncJobOutcome.seconds))
            }
        }
        var orders: [String: StagedOmniumOrder] = [:]
        for (job, order) in reads.orders {
            var record = orders[job.objectKey]
                ?? StagedOmniumOrder(order: order, inboxEventIds: eventIds[job.objectKey] ?? [])
            record.syncJobIds.append(job.id)
            orders[job.objectKey] = record
        }
        for orderId in reads.missingIds {
            for id in eventIds[orderId] ?? [] { try control.markInboxEventProcessed(id: id) }
        }
        for failure in reads.undecodableRecords {
            try context.quarantine([MappingIssue(entity: .order, recordKey: failure.key(["id", "orderNumber"]) ?? "(no id)",
                                                 reason: failure.description, sourcePayload: failure.rawJSON)])
        }
        var notes = ["sync jobs read: \(orders.count)"]
        if report.dead > 0 { notes.append("sync jobs whose order Omnium does not have (dead): \(report.dead)") }
        if report.retried > 0 { notes.append("sync jobs that could not be read (retried later): \(report.retried)") }
        return (orders, notes)
    }

    /// The queue worker of this stage: inbound order fetches only, never an outbound push in the same queue.
    var worker: SyncQueueWorker { SyncQueueWorker(kind: .inboundOrder, maxConcurrent: OrdersConcurrentReads.width) }

    // MARK: - Helpers

    /// Dedupe on (`id`, `modified`): the copy with the later `modified` wins; equal ones keep the first.
    static func isNewer(_ lhs: OmniumOrder, than rhs: OmniumOrder) -> Bool {
        switch (lhs.modified?.omniumValue, rhs.modified?.omniumValue) {
        case let (left?, right?): return left > right
        case (_?, nil): return true
        default: return false
        }
    }
}

// MARK: - FetchedOrders

/// What the concurrent job reads found, collected across the worker's tasks.
private final class FetchedOrders: @unchecked Sendable {
    private let lock = NSLock()
    private var fetched: [(SyncJob, OmniumOrder)] = []
    private var missed: [String] = []
    private var unreadable: [OmniumUndecodableRecord] = []

    func add(_ job: SyncJob, _ order: OmniumOrder) { lock.withLock { fetched.append((job, order)) } }
    func undecodable(_ failure: OmniumUndecodableRecord) { lock.withLock { unreadable.append(failure) } }
    var undecodableRecords: [OmniumUndecodableRecord] { lock.withLock { unreadable } }
    func missing(_ orderId: String) { lock.withLock { missed.append(orderId) } }
    /// In job order (claims come earliest due first), so the first job of an order keeps its place.
    var orders: [(SyncJob, OmniumOrder)] { lock.withLock { fetched.sorted { $0.0.id < $1.0.id } } }
    var missingIds: [String] { lock.withLock { missed } }
}
