import FlowStore
import Foundation
import Omnium
import Staging

/// `push.stock`: stock levels of Flow-master stores to Omnium (flow-integration.md §5.3): one
/// `external_stock_sync` job per warehouse (key = the warehouse uid), which pushes the warehouse's pending
/// levels (`stock_push_pending`, marked in the Flow store with each movement) up to 1,000 per
/// `PUT /api/Inventory/UpdateMany`.
///
/// Absolute levels, not movements (Omnium's relative `ProcessInventoryTransactions` has no idempotency
/// key): a repeat sends the same level again and changes nothing. The level sent is the one in the Flow
/// store when its page is read, so several movements of one SKU make one push of the latest level. A page's
/// markers are cleared once Omnium has taken it, and only where no change came after the level sent, so a
/// level changed during the push goes with the next one. `reservedInventory` is left as Omnium has it
/// (`isReservedInventoryOverwritten=false`). docs/mapping-outbound.md "Stock" says why this design.
public struct PushStock: Stage {
    public let name = "push.stock"
    public let version = 2
    public let inputs: [Dataset] = [.staged(EnqueuePosChanges.enqueuedDataset), .external("flow.stock")]
    public let outputs: [Dataset] = [.remote("omnium.api.inventory"), .external("control.sync_jobs.external_stock_sync")]
    /// Omnium's ceiling per `UpdateMany` call.
    public var batchSize = 1_000

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let flow = context.flow
        let omnium = context.omnium
        let batchSize = batchSize
        // Batch calls on the wire at once: Omnium allows 4 (OMNIFLOW_MAX_CONCURRENT_BATCH_REQUESTS; the client's
        // limiter holds every job's calls together to it). Each job keeps that many calls going and as many
        // more pages read and written behind them, so a call leaves as soon as one answers.
        let inFlight = context.configuration.maxConcurrentBatchRequests
        let worker = SyncQueueWorker(kind: .stockPush, maxConcurrent: inFlight)
        let turns = WarehouseTurns()
        let sent = SentLevels()
        let report = try await worker.drain(control: context.control) { attempt in
            // A job key is the warehouse; a job queued before one job per warehouse was `<warehouse>/<sku>`.
            let warehouse = EnqueuePosChanges.warehouse(ofStockKey: attempt.job.objectKey)
            // One job of a warehouse at a time: two pushes of one level in flight together could arrive in
            // the other order than they were read.
            return try await turns.inTurn(of: warehouse) {
                try await Self.pushPending(of: warehouse, flow: flow, omnium: omnium, batchSize: batchSize,
                                           callsAhead: 2 * inFlight, sent: sent)
            }
        }
        var notes = [report.summary]
        notes.append("\(sent.total) level(s) sent")
        return StageOutcome(rowsRead: report.claimed, rowsWritten: sent.total, notes: notes)
    }

    /// Pushes every pending level of `warehouse`, a page of `batchSize` per call and up to `callsAhead` calls
    /// started at once, clearing each page's markers once Omnium has taken it.
    /// - Returns: done when every page went through; else the first failed call's outcome (the pages not sent
    ///   stay pending for the job's retry).
    static func pushPending(of warehouse: String, flow: FlowDatabase, omnium: OmniumClient, batchSize: Int,
                            callsAhead: Int, sent: SentLevels) async throws -> SyncJobOutcome {
        let clearer = MarkerClearer(warehouse: warehouse, flow: flow)
        return try await withThrowingTaskGroup(of: SyncJobOutcome.self) { group in
            var after = ""
            var exhausted = false
            var started = 0
            var failure: SyncJobOutcome?
            while true {
                while !exhausted, failure == nil, started < callsAhead {
                    let page = try flow.read {
                        try StockPushPendingTable.pending(warehouseUid: warehouse, after: after, limit: batchSize, in: $0)
                    }
                    guard let cleared = StockPushPendingTable.Page(page, after: after) else {
                        exhausted = true
                        break
                    }
                    after = cleared.last
                    if page.count < batchSize { exhausted = true }
                    started += 1
                    group.addTask {
                        let levels = page.map {
                            OmniumInventoryLevel(sku: $0.productUid, warehouseCode: warehouse, inventoryHundredths: $0.quantity ?? 0)
                        }
                        do {
                            try await omnium.updateInventoryLevels(levels)
                        } catch let error as OmniumError where !error.isFatal {
                            return SyncJobOutcome.from(error)
                        }
                        sent.add(page.count)
                        clearer.cleared(cleared)
                        return .done
                    }
                }
                guard let outcome = try await group.next() else { break }
                started -= 1
                if outcome != .done, failure == nil { failure = outcome }
            }
            // Every acknowledged page's markers are cleared before the job is done.
            try await clearer.finish()
            return failure ?? .done
        }
    }
}

// MARK: - Helpers

/// Counts the levels Omnium took, across the jobs running at once.
final class SentLevels: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ levels: Int) { lock.withLock { count += levels } }
    var total: Int { lock.withLock { count } }
}

/// Clears the markers of acknowledged pages on a serial queue of its own, many pages per Flow transaction, a
/// statement per page (`StockPushPendingTable.clear(_:warehouseUid:in:)` with a `Page`).
///
/// Why not in the call's task: each commit of the Flow store is an fsync (4–15 ms on the benchmark's machine),
/// and a task blocked in one holds a thread of Swift's cooperative pool, which has one per core (2 here): the
/// answers of the other calls then wait for a thread before the next call can leave. Pages acknowledged while
/// a clear runs are taken together by the next one. A kill before the commit leaves those markers pending, and
/// their levels are sent again (absolute, harmless).
final class MarkerClearer: @unchecked Sendable {
    private let warehouse: String
    private let flow: FlowDatabase
    private let queue = DispatchQueue(label: "omniflow.push.stock.clear")
    private let lock = NSLock()
    private var acknowledged: [StockPushPendingTable.Page] = []
    private var scheduled = false
    private var failure: (any Error)?

    init(warehouse: String, flow: FlowDatabase) {
        self.warehouse = warehouse
        self.flow = flow
    }

    /// Adds a page Omnium took; its markers are cleared soon, off the caller's thread.
    func cleared(_ page: StockPushPendingTable.Page) {
        let schedule: Bool = lock.withLock {
            acknowledged.append(page)
            if scheduled { return false }
            scheduled = true
            return true
        }
        if schedule { queue.async { self.clearAcknowledged() } }
    }

    /// Waits until every page added so far is cleared; throws the first error a clear met.
    func finish() async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                self.clearAcknowledged()
                continuation.resume()
            }
        }
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// On the queue: one Flow transaction for everything acknowledged until now.
    private func clearAcknowledged() {
        let pages: [StockPushPendingTable.Page] = lock.withLock {
            let taken = acknowledged
            acknowledged.removeAll(keepingCapacity: true)
            scheduled = false
            return taken
        }
        guard !pages.isEmpty else { return }
        do {
            let warehouse = warehouse
            try flow.write { db in
                for page in pages { try StockPushPendingTable.clear(page, warehouseUid: warehouse, in: db) }
            }
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }
}

/// Runs one body per warehouse at a time: a second job of a warehouse (one requeued after a crash beside the
/// one enqueued since) waits for the first to finish.
final class WarehouseTurns: @unchecked Sendable {
    private let lock = NSLock()
    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func inTurn<T: Sendable>(of warehouse: String, _ body: () async throws -> T) async throws -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let mayGo: Bool = lock.withLock {
                if busy.insert(warehouse).inserted { return true }
                waiting[warehouse, default: []].append(continuation)
                return false
            }
            if mayGo { continuation.resume() }
        }
        defer { handOver(warehouse) }
        return try await body()
    }

    /// Passes the warehouse to the next waiting job, or frees it.
    private func handOver(_ warehouse: String) {
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            guard var queue = waiting[warehouse], !queue.isEmpty else {
                busy.remove(warehouse)
                return nil
            }
            let first = queue.removeFirst()
            waiting[warehouse] = queue.isEmpty ? nil : queue
            return first
        }
        next?.resume()
    }
}
