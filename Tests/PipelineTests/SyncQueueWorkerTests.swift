import Foundation
import Omnium
import Staging
import XCTest
@testable import Pipeline

/// The one queue mechanism: kinds kept apart, bounded concurrency, outcomes, the retry schedule.
final class SyncQueueWorkerTests: XCTestCase {
    private func makeStore(_ clock: FixedClock) throws -> ControlStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniflow-worker-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return try ControlStore(root: folder, clock: clock)
    }

    func testRetryScheduleDoublesFromOneMinuteToTwoHoursAndRespectsRetryAfter() async throws {
        let clock = FixedClock()
        let store = try makeStore(clock)
        let worker = SyncQueueWorker(kind: .stockPush, jitter: { 0 })
        let job = try store.enqueue(queue: SyncJob.Kind.stockPush.queue, kind: .stockPush, objectKey: "wh/SKU-1")
        var waits: [Double] = []
        for _ in 0..<9 {
            let report = try await worker.runDue(control: store) { _ in .retry(reason: "HTTP 503") }
            XCTAssertEqual(report.claimed, 1)
            let next = try store.syncJob(id: job.id).nextAttemptAt
            waits.append(next.timeIntervalSince(clock.now) / 60)
            let early = try await worker.runDue(control: store) { _ in XCTFail("not due yet"); return .done }
            XCTAssertEqual(early.claimed, 0)
            clock.now = next
        }
        XCTAssertEqual(waits, [1, 2, 4, 8, 16, 32, 64, 120, 120])
        _ = try await worker.runDue(control: store) { _ in .retry(reason: "HTTP 429", retryAfter: 3 * 3600) }
        XCTAssertEqual(try store.syncJob(id: job.id).nextAttemptAt.timeIntervalSince(clock.now), 3 * 3600)
    }

    /// `drain` claims its next batch as soon as the last claimed job has started, inside the round: with batches of
    /// one job and room for three at once, three run together (the jobs on the wire never run down to one), and
    /// every job is claimed once and done.
    func testDrainClaimsTheNextBatchWithoutWaitingForTheRoundToEnd() async throws {
        let clock = FixedClock()
        let store = try makeStore(clock)
        for index in 0..<7 {
            _ = try store.enqueue(queue: SyncJob.Kind.posOrderPush.queue, kind: .posOrderPush, objectKey: "POS-\(index)")
        }
        let worker = SyncQueueWorker(kind: .posOrderPush, maxConcurrent: 3, batchSize: 1, jitter: { 0 })
        let running = RunningCount()
        let report = try await worker.drain(control: store) { attempt in
            running.enter()
            defer { running.leave() }
            // The first three wait (boundedly) until three have run at once, so the peak says what the worker allowed.
            for _ in 0..<400 where running.peak < 3 && attempt.job.objectKey < "POS-3" { try await Task.sleep(nanoseconds: 5_000_000) }
            return .done
        }
        XCTAssertEqual(report.claimed, 7)
        XCTAssertEqual(report.done, 7)
        XCTAssertEqual(running.peak, 3)
        let jobs = try store.syncJobs(queue: SyncJob.Kind.posOrderPush.queue)
        XCTAssertEqual(jobs.filter { $0.state == .done }.count, 7)
        XCTAssertTrue(jobs.allSatisfy { $0.attempts == 1 }, "each job claimed once")
    }

    func testJitterSpreadsWithinTenPercentAndNeverPastTheCap() {
        XCTAssertEqual(SyncRetryPolicy.delay(afterAttempt: 1, jitter: 0.5), 63)
        XCTAssertEqual(SyncRetryPolicy.delay(afterAttempt: 3, jitter: 0.999_999), 240 * 1.1, accuracy: 0.01)
        XCTAssertEqual(SyncRetryPolicy.delay(afterAttempt: 20, jitter: 0.9), 7_200)
    }

    func testOutcomesAreRecordedAndUnknownOutcomesAreVerifiedOnTheNextAttempt() async throws {
        let clock = FixedClock()
        let store = try makeStore(clock)
        let worker = SyncQueueWorker(kind: .posOrderPush, jitter: { 0 })
        let queue = SyncJob.Queue.externalOrderSync
        for key in ["done", "dead", "unknown"] { try store.enqueue(queue: queue, kind: .posOrderPush, objectKey: key) }
        let first = try await worker.drain(control: store) { attempt in
            XCTAssertFalse(attempt.mustVerify)
            switch attempt.job.objectKey {
            case "done": return .done
            case "dead": return .dead(reason: "HTTP 400 bad order")
            default: return .outcomeUnknown(reason: "timeout")
            }
        }
        XCTAssertEqual([first.claimed, first.done, first.dead, first.unknown], [3, 1, 1, 1])
        let jobs = Dictionary(uniqueKeysWithValues: try store.syncJobs(queue: queue).map { ($0.objectKey, $0) })
        XCTAssertEqual(jobs["done"]?.state, .done)
        XCTAssertEqual(jobs["dead"]?.state, .dead)
        XCTAssertEqual(jobs["dead"]?.lastError, "HTTP 400 bad order")
        XCTAssertEqual(jobs["unknown"]?.state, .pending)
        XCTAssertTrue(jobs["unknown"]?.lastError?.hasPrefix("outcome unknown") ?? false)
        clock.advance(by: 60)
        let second = try await worker.drain(control: store) { attempt in
            XCTAssertTrue(attempt.mustVerify, "the earlier attempt may have taken effect")
            return .done
        }
        XCTAssertEqual(second.done, 1)
    }

    func testOtherKindsInTheSameQueueAreNeverTakenAndConcurrencyIsBounded() async throws {
        let clock = FixedClock()
        let store = try makeStore(clock)
        let queue = SyncJob.Queue.externalOrderSync
        let inbound = try store.enqueue(queue: queue, kind: .inboundOrder, objectKey: "ORD-1")
        for index in 0..<40 { try store.enqueue(queue: queue, kind: .posOrderPush, objectKey: "POS-\(index)") }
        let gauge = InFlightGauge()
        let worker = SyncQueueWorker(kind: .posOrderPush, maxConcurrent: 4, batchSize: 7)
        let report = try await worker.drain(control: store) { attempt in
            XCTAssertEqual(attempt.job.kind, .posOrderPush)
            gauge.enter()
            await Task.yield()
            try await Task.sleep(nanoseconds: 1_000_000)
            gauge.leave()
            return .done
        }
        XCTAssertEqual(report.done, 40)
        XCTAssertLessThanOrEqual(gauge.peak, 4)
        XCTAssertEqual(try store.syncJob(id: inbound.id).state, .pending)
        XCTAssertEqual(try store.syncJob(id: inbound.id).attempts, 0, "the inbound job was never claimed")
    }

    func testAnObjectChangedDuringItsPushIsSentAgainAfterwards() async throws {
        let clock = FixedClock()
        let store = try makeStore(clock)
        let worker = SyncQueueWorker(kind: .customerPush)
        let queue = SyncJob.Kind.customerPush.queue
        try store.enqueue(queue: queue, kind: .customerPush, objectKey: "C-1")
        let first = try await worker.drain(control: store, maxJobs: 1) { _ in
            // The customer changes while its push is in flight: a new pending job beside the running one.
            try store.enqueue(queue: queue, kind: .customerPush, objectKey: "C-1")
            return .done
        }
        XCTAssertEqual(first.done, 1)
        let second = try await worker.drain(control: store) { _ in .done }
        XCTAssertEqual(second.done, 1)
        XCTAssertEqual(try store.syncJobs(queue: queue).map(\.state), [.done, .done])
    }
}

/// Counts handlers in flight and remembers the most at once.
private final class InFlightGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peak = 0

    func enter() { lock.withLock { current += 1; peak = max(peak, current) } }
    func leave() { lock.withLock { current -= 1 } }
}

/// `omniflow queues work`: which stages drain which queue.
final class OutboundStagesTests: XCTestCase {
    func testEachOutboundQueueHasItsPushStageAfterTheEnqueueStage() throws {
        let names = Set(OmniflowStages.all().map(\.name))
        for (queue, push) in OutboundStages.pushByQueue {
            XCTAssertEqual(try OutboundStages.stages(forQueue: queue), ["enqueue.pos_changes", push])
            XCTAssertTrue(names.contains(push), push)
        }
        XCTAssertTrue(names.contains(OutboundStages.enqueueStage))
        XCTAssertEqual(try OutboundStages.stages(forQueue: nil).count, 5)
        XCTAssertThrowsError(try OutboundStages.stages(forQueue: "external_order_receipt_sync")) { error in
            XCTAssertTrue("\(error)".contains("external_stock_sync"), "\(error)")
        }
    }
}

/// Jobs running right now and the most at once, for the worker's concurrency tests.
private final class RunningCount: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private var most = 0

    func enter() { lock.withLock { now += 1; most = max(most, now) } }
    func leave() { lock.withLock { now -= 1 } }
    var peak: Int { lock.withLock { most } }
}
