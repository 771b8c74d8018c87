import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

extension OutboundMappingError: OutboundMappingFailure {}
extension PosOrderError: OutboundMappingFailure {}

/// `push.pos_orders`: works `external_order_sync` jobs of kind `pos_order_push` (docs/mapping-outbound.md).
///
/// A sale (or a return without an original in Flow) → `PUT /api/Orders/PosOrders` with the Flow uid as
/// id; 409 = already there (read back) = done. A return of a sale → `POST /api/Returns/{sale}/Return`
/// with `rmaNumber` = the return's uid; 409 = done; a sale not yet known to be in Omnium is pushed first
/// (idempotently), so a day's sales and returns arrive in one run whatever order their jobs run in. A cancelled order → created if needed, then `UpdateStatus` `OrderCanceled` (a repeat
/// is a no-op in Omnium). The Omnium id is written back to `pos_orders.omnium_order_id`.
public struct PushPosOrders: Stage {
    public let name = "push.pos_orders"
    public let version = 1
    public let inputs: [Dataset] = [.staged(EnqueuePosChanges.enqueuedDataset), .external("flow.pos_orders")]
    public let outputs: [Dataset] = [.remote("omnium.api.orders"), .external("control.sync_jobs.external_order_sync")]

    public init() {}

    /// Jobs running beyond the requests Omnium allows in flight: they read Flow and write the body while
    /// the others wait for their answers.
    static let preparedAhead = 4

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let settings = context.configuration.outboundSettings
        let flow = context.flow
        let omnium = context.omnium
        // As many orders on the wire as Omnium allows one API user (20; OMNIFLOW_MAX_CONCURRENT_REQUESTS; the
        // client's limiter holds them to it), and a few more jobs reading and writing their order meanwhile, so
        // the next call is ready when one answers instead of being prepared inside the limit's time.
        let worker = SyncQueueWorker(kind: .posOrderPush,
                                     maxConcurrent: context.configuration.maxConcurrentRequests + Self.preparedAhead)
        let writeBacks = OmniumOrderIdWriteBacks()
        // The Omnium ids are written to Flow in one transaction per group of outcomes, just before the group
        // is recorded (one Flow commit, an fsync, per order was what bounded the push: ~3 ms each, serialised).
        let report = try await worker.drain(control: context.control, beforeRecording: { try writeBacks.flush(into: flow) }) { attempt in
            do {
                guard let order = try flow.read({ try PosOrdersTable.fetch(orderUid: attempt.job.objectKey, in: $0) }) else {
                    return .dead(reason: "POS order \(attempt.job.objectKey) is not in the Flow store")
                }
                return try await Self.push(order, flow: flow, omnium: omnium, settings: settings, writeBacks: writeBacks)
            } catch {
                return try SyncJobOutcome.from(anyError: error)
            }
        }
        return StageOutcome(rowsRead: report.claimed, rowsWritten: report.done, notes: [report.summary])
    }

    static func push(_ order: FlowPosOrder, flow: FlowDatabase, omnium: OmniumClient,
                     settings: OutboundSettings, writeBacks: OmniumOrderIdWriteBacks) async throws -> SyncJobOutcome {
        // A payment receipt sells nothing: it reaches Omnium as a REMITTANCE invoice (receipts), not an order.
        if order.type == .payment { return .done }
        if order.type == .return, let originalUid = order.originalOrderUid {
            guard let original = try flow.read({ try PosOrdersTable.fetch(orderUid: originalUid, in: $0) }) else {
                // Not a till sale: a web order (Click & Collect, Online) returned in the shop.
                if let webOrder = try flow.read({ try OrdersTable.fetchSnapshot(orderUid: originalUid, in: $0) }) {
                    return try await pushReturn(order, ofWebOrder: webOrder, omnium: omnium, writeBacks: writeBacks)
                }
                return .dead(reason: "return \(order.orderUid): original sale \(originalUid) is not in the Flow store")
            }
            if try writeBacks.omniumOrderId(orderUid: originalUid)
                ?? flow.read({ try PosOrdersTable.omniumOrderId(orderUid: originalUid, in: $0) }) == nil {
                // The sale is not known to be in Omnium yet (its job may be pending, or running beside this
                // one): push it first. Safe to repeat: its id makes a second create a 409, read back.
                guard try await push(original, flow: flow, omnium: omnium, settings: settings, writeBacks: writeBacks) == .done else {
                    return .retry(reason: "return \(order.orderUid) waits for its sale \(originalUid) to reach Omnium")
                }
            }
            try await createReturnTreatingConflictAsDone(
                orderId: originalUid, try OutboundOrderMapping.returnRequest(order, original: original), omnium: omnium)
            writeBacks.add(originalUid, orderUid: order.orderUid)
            return .done
        }
        let marketId = try flow.read { try StoresTable.marketId(storeUid: order.storeUid, in: $0) }
        // The body as bytes: the text `OmniumJSON` gives `OutboundOrderMapping.posOrder`, without building it.
        let body = OutboundOrderMapping.posOrderJSON(order, marketId: marketId, settings: settings)
        let created = try await omnium.createPosOrderReadingIdTreatingConflictAsDone(id: order.orderUid, body: body)
        let id = created.value.id ?? order.orderUid
        if order.orderState == .cancelled, created.value.status != OutboundOrderMapping.cancelled {
            _ = try await omnium.updateOrderStatus(orderId: id, OmniumUpdateStatusPatch(status: OutboundOrderMapping.cancelled))
        }
        writeBacks.add(id, orderUid: order.orderUid)
        return .done
    }
}

extension PushPosOrders {
    /// A web order returned at the till: the return goes to the Omnium order the web order came from
    /// (its Omnium id), against that order's line items; the return's uid is the `rmaNumber`, so a
    /// repeat meets a 409 and is done.
    static func pushReturn(_ order: FlowPosOrder, ofWebOrder webOrder: FlowOrderSnapshot, omnium: OmniumClient,
                           writeBacks: OmniumOrderIdWriteBacks) async throws -> SyncJobOutcome {
        let omniumId = webOrder.order.externalOrderNumber
        try await createReturnTreatingConflictAsDone(
            orderId: omniumId, try OutboundOrderMapping.returnRequest(order, webOrder: webOrder), omnium: omnium)
        writeBacks.add(omniumId, orderUid: order.orderUid)
        return .done
    }

    /// Creates the return; a 409 means a return with its `rmaNumber` exists: an earlier attempt made it.
    static func createReturnTreatingConflictAsDone(orderId: String, _ request: OmniumReturnRequestModel,
                                                   omnium: OmniumClient) async throws {
        do {
            _ = try await omnium.createReturn(orderId: orderId, request)
        } catch let error as OmniumError where error.isConflict {
            return
        }
    }
}

extension OmniflowConfiguration {
    /// The settings of the outbound mappings.
    public var outboundSettings: OutboundSettings {
        OutboundSettings(defaultShippingMethodID: defaultShippingMethodID, propertyPrefix: propertyPrefix,
                         customerMarketGroupID: customerMarketGroupID, tenantCountryCode: tenantCountryCode)
    }
}

// MARK: - OmniumOrderIdWriteBacks

/// The Omnium ids of pushed POS orders waiting to be written to `pos_orders.omnium_order_id`, flushed in
/// one Flow transaction before the worker records the jobs' outcomes (`SyncQueueWorker`'s
/// `beforeRecording`). A kill before the flush leaves those jobs running: the next run requeues them, the
/// create meets 409, reads the order back and writes the id then; so an id is never lost, and a job is
/// never done before its id is stored.
final class OmniumOrderIdWriteBacks: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [(omniumId: String, orderUid: String)] = []
    /// Ids added and not yet flushed, by Flow order uid (a return looks its sale up here first).
    private var byOrderUid: [String: String] = [:]

    func add(_ omniumId: String, orderUid: String) {
        lock.withLock {
            pending.append((omniumId, orderUid))
            byOrderUid[orderUid] = omniumId
        }
    }

    /// The id added for `orderUid` and not yet flushed (after the flush, the Flow store has it).
    func omniumOrderId(orderUid: String) -> String? {
        lock.withLock { byOrderUid[orderUid] }
    }

    /// Writes every pending id in one Flow transaction. Held under the lock, so an id added meanwhile
    /// waits for the next flush rather than being dropped.
    func flush(into flow: FlowDatabase) throws {
        try lock.withLock {
            guard !pending.isEmpty else { return }
            try flow.write { db in
                for (omniumId, orderUid) in pending { try PosOrdersTable.setOmniumOrderId(omniumId, orderUid: orderUid, in: db) }
            }
            pending.removeAll(keepingCapacity: true)
            byOrderUid.removeAll(keepingCapacity: true)
        }
    }
}
