import Foundation
import Staging
import XCTest

/// `retryJob` / `retryDeadJobs`: what an operator's `omniflow queues retry` does to the queue.
final class SyncQueueRetryTests: XCTestCase {
    private let queue = SyncJob.Queue.externalOrderSync

    /// Enqueues `key`, claims it and fails it `times` times retryably, then once for good.
    private func kill(_ key: String, in store: ControlStore, clock: FixedClock, retryableFailures: Int = 0) throws -> SyncJob {
        let job = try store.enqueue(queue: queue, objectKey: key)
        for _ in 0..<retryableFailures {
            let claimed = try XCTUnwrap(store.claimDueJobs(queue: queue, kind: .inboundOrder).first { $0.id == job.id })
            clock.now = try store.failJob(id: claimed.id, error: "HTTP 503", retryable: true).nextAttemptAt
        }
        let claimed = try XCTUnwrap(store.claimDueJobs(queue: queue, kind: .inboundOrder).first { $0.id == job.id })
        return try store.failJob(id: claimed.id, error: "HTTP 400 order rejected", retryable: false)
    }

    func testRetryAllDeadMakesDeadJobsPendingDueNowWithAttemptsKept() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let a = try kill("ORD-A", in: store, clock: clock, retryableFailures: 2)
        let b = try kill("ORD-B", in: store, clock: clock)
        let done = try store.enqueue(queue: queue, objectKey: "ORD-C")
        _ = try store.claimDueJobs(queue: queue, kind: .inboundOrder)
        try store.completeJob(id: done.id)
        let other = try store.enqueue(queue: SyncJob.Queue.externalReceivementSync, objectKey: "ORD-A")
        XCTAssertEqual(a.state, .dead)
        XCTAssertEqual(a.attempts, 3)
        clock.advance(by: 3600)

        let retried = try store.retryDeadJobs(queue: queue)
        XCTAssertEqual(retried.map(\.objectKey), ["ORD-A", "ORD-B"])
        XCTAssertEqual(retried.map(\.id), [a.id, b.id])
        XCTAssertEqual(retried.map(\.state), [.pending, .pending])
        XCTAssertEqual(retried.map(\.attempts), [3, 1])
        XCTAssertEqual(retried.map(\.nextAttemptAt), [clock.now, clock.now])
        XCTAssertEqual(retried.first?.lastError, "HTTP 400 order rejected")
        XCTAssertEqual(try store.syncJobCounts(queue: queue), [.pending: 2, .running: 0, .done: 1, .dead: 0])
        XCTAssertEqual(try store.syncJob(id: done.id).state, .done)
        XCTAssertEqual(try store.syncJob(id: other.id), other)
        XCTAssertEqual(try store.claimDueJobs(queue: queue, kind: .inboundOrder).map(\.id), [a.id, b.id])
        XCTAssertEqual(try store.retryDeadJobs(queue: queue), [])
    }

    func testRetryOneObjectTouchesOnlyThatObject() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let a = try kill("ORD-A", in: store, clock: clock)
        let b = try kill("ORD-B", in: store, clock: clock)
        let retried = try XCTUnwrap(store.retryJob(queue: queue, objectKey: "ORD-A"))
        XCTAssertEqual(retried.id, a.id)
        XCTAssertEqual(retried.state, .pending)
        XCTAssertEqual(try store.syncJob(id: b.id).state, .dead)
        XCTAssertNil(try store.retryJob(queue: queue, objectKey: "ORD-unknown"))
    }

    func testFailedPendingJobBecomesDueNowAndAWaitingJobIsLeftAlone() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let job = try store.enqueue(queue: queue, objectKey: "ORD-A")
        _ = try store.claimDueJobs(queue: queue, kind: .inboundOrder)
        let failed = try store.failJob(id: job.id, error: "HTTP 503", retryable: true)
        XCTAssertGreaterThan(failed.nextAttemptAt, clock.now)
        let retried = try XCTUnwrap(store.retryJob(queue: queue, objectKey: "ORD-A"))
        XCTAssertEqual(retried.nextAttemptAt, clock.now)
        XCTAssertEqual(retried.attempts, 1)
        // A fresh pending job (never failed) is not the operator's to retry.
        try store.enqueue(queue: queue, objectKey: "ORD-B")
        XCTAssertNil(try store.retryJob(queue: queue, objectKey: "ORD-B"))
    }

    func testDeadJobFoldsIntoTheObjectsNewPendingJob() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let dead = try kill("ORD-A", in: store, clock: clock, retryableFailures: 3)
        clock.advance(by: 60)
        let newer = try store.enqueue(queue: queue, objectKey: "ORD-A")      // the order changed again
        clock.advance(by: 60)
        let retried = try XCTUnwrap(store.retryDeadJobs(queue: queue).first)
        XCTAssertEqual(retried.id, newer.id)
        XCTAssertEqual(retried.attempts, dead.attempts)
        XCTAssertEqual(retried.nextAttemptAt, clock.now)
        XCTAssertEqual(try store.syncJobs(queue: queue).map(\.id), [newer.id])
    }

    func testQueueNamesAndOldestPending() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        XCTAssertEqual(try store.syncQueueNames(), [])
        XCTAssertNil(try store.oldestPendingSyncJobCreatedAt(queue: queue))
        try store.enqueue(queue: queue, objectKey: "ORD-A")
        clock.advance(by: 30)
        try store.enqueue(queue: queue, objectKey: "ORD-B")
        try store.enqueue(queue: SyncJob.Queue.externalReceivementSync, objectKey: "R-1")
        XCTAssertEqual(try store.syncQueueNames(), [SyncJob.Queue.externalOrderSync, SyncJob.Queue.externalReceivementSync])
        XCTAssertEqual(try store.oldestPendingSyncJobCreatedAt(queue: queue), testEpoch)
    }
}
