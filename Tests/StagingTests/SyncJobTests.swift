import Foundation
import Staging
import XCTest

final class SyncJobTests: XCTestCase {
    private let queue = SyncJob.Queue.externalOrderSync

    func testSecondEnqueueOfAPendingObjectReturnsTheExistingJob() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let first = try store.enqueue(queue: queue, objectKey: "ORD-1", payload: #"{"v":1}"#)
        clock.advance(by: 10)
        let second = try store.enqueue(queue: queue, objectKey: "ORD-1", payload: #"{"v":2}"#)
        XCTAssertEqual(second, first)
        XCTAssertEqual(second.payload, #"{"v":1}"#)
        XCTAssertEqual(second.state, .pending)
        XCTAssertEqual(second.nextAttemptAt, testEpoch)
        // Another object, or the same key in another queue, is a new job.
        XCTAssertNotEqual(try store.enqueue(queue: queue, objectKey: "ORD-2").id, first.id)
        XCTAssertNotEqual(try store.enqueue(queue: SyncJob.Queue.externalReceivementSync, objectKey: "ORD-1").id, first.id)
        XCTAssertEqual(try store.syncJobs(queue: queue).count, 2)
    }

    func testClaimTakesOnlyDueJobsAndCountsTheAttempt() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let a = try store.enqueue(queue: queue, objectKey: "A")
        let b = try store.enqueue(queue: queue, objectKey: "B")
        let claimed = try store.claimDueJobs(queue: queue, kind: .inboundOrder)
        XCTAssertEqual(claimed.map(\.id), [a.id, b.id])
        XCTAssertEqual(claimed.map(\.state), [.running, .running])
        XCTAssertEqual(claimed.map(\.attempts), [1, 1])
        XCTAssertEqual(try store.claimDueJobs(queue: queue, kind: .inboundOrder), [])
        try store.failJob(id: a.id, error: "503", retryable: true)
        XCTAssertEqual(try store.claimDueJobs(queue: queue, kind: .inboundOrder), [])          // due in 1 minute
        XCTAssertEqual(try store.nextSyncAttemptAt(queue: queue), testEpoch.addingTimeInterval(60))
        clock.advance(by: 59)
        XCTAssertEqual(try store.claimDueJobs(queue: queue, kind: .inboundOrder), [])
        clock.advance(by: 1)
        XCTAssertEqual(try store.claimDueJobs(queue: queue, kind: .inboundOrder).map(\.id), [a.id])
        XCTAssertEqual(try store.completeJob(id: b.id).state, .done)
    }

    func testBackoffScheduleDoublesFromOneMinuteToATwoHourCap() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let job = try store.enqueue(queue: queue, objectKey: "ORD-1")
        var waits: [TimeInterval] = []
        for _ in 0..<10 {
            let claimed = try XCTUnwrap(store.claimDueJobs(queue: queue, kind: .inboundOrder).first)
            XCTAssertEqual(claimed.id, job.id)
            let failed = try store.failJob(id: claimed.id, error: "HTTP 503", retryable: true)
            XCTAssertEqual(failed.state, .pending)
            XCTAssertEqual(failed.lastError, "HTTP 503")
            waits.append(failed.nextAttemptAt.timeIntervalSince(clock.now))
            clock.now = failed.nextAttemptAt
        }
        XCTAssertEqual(waits.map { $0 / 60 }, [1, 2, 4, 8, 16, 32, 64, 120, 120, 120])
        XCTAssertEqual(try store.syncJob(id: job.id).attempts, 10)
    }

    func testRetryAfterIsALowerBound() throws {
        let store = try makeControlStore(self)
        let job = try store.enqueue(queue: queue, objectKey: "ORD-1")
        _ = try store.claimDueJobs(queue: queue, kind: .inboundOrder)
        let failed = try store.failJob(id: job.id, error: "HTTP 429", retryable: true, retryAfter: 300)
        XCTAssertEqual(failed.nextAttemptAt, testEpoch.addingTimeInterval(300))
    }

    func testNonRetryableFailureIsDeadAtOnce() throws {
        let store = try makeControlStore(self)
        let job = try store.enqueue(queue: queue, objectKey: "ORD-1")
        _ = try store.claimDueJobs(queue: queue, kind: .inboundOrder)
        let dead = try store.failJob(id: job.id, error: "HTTP 400 invalid order", retryable: false)
        XCTAssertEqual(dead.state, .dead)
        XCTAssertEqual(dead.lastError, "HTTP 400 invalid order")
        XCTAssertEqual(try store.syncJobCounts(queue: queue), [.pending: 0, .running: 0, .done: 0, .dead: 1])
        // A dead job does not block new work for the object.
        XCTAssertNotEqual(try store.enqueue(queue: queue, objectKey: "ORD-1").id, job.id)
    }

    func testChangeDuringAPushQueuesANewJobThatInheritsAFailure() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let running = try XCTUnwrap(store.enqueue(queue: queue, objectKey: "ORD-1")).id
        _ = try store.claimDueJobs(queue: queue, kind: .inboundOrder)
        let newer = try store.enqueue(queue: queue, objectKey: "ORD-1")   // the order changed mid-push
        XCTAssertNotEqual(newer.id, running)
        let carried = try store.failJob(id: running, error: "timeout", retryable: true)
        XCTAssertEqual(carried.id, newer.id)
        XCTAssertEqual(carried.attempts, 1)
        XCTAssertEqual(carried.nextAttemptAt, testEpoch.addingTimeInterval(60))
        XCTAssertEqual(try store.syncJobs(queue: queue).map(\.id), [newer.id])
    }

    func testInterruptedJobsArePendingAgain() throws {
        let store = try makeControlStore(self)
        let a = try store.enqueue(queue: queue, objectKey: "A")
        try store.enqueue(queue: queue, objectKey: "B")
        _ = try store.claimDueJobs(queue: queue, kind: .inboundOrder)
        let newerB = try store.enqueue(queue: queue, objectKey: "B")
        XCTAssertEqual(try store.requeueInterruptedJobs(queue: queue, kind: .inboundOrder), 1)
        let pending = try store.syncJobs(queue: queue, state: .pending)
        XCTAssertEqual(Set(pending.map(\.id)), [a.id, newerB.id])
        XCTAssertEqual(try store.syncJobs(queue: queue, state: .running), [])
    }

    func testUnknownJobIsReported() throws {
        let store = try makeControlStore(self)
        XCTAssertThrowsError(try store.completeJob(id: 404)) {
            XCTAssertEqual($0 as? StagingError, .unknownSyncJob(id: 404))
        }
    }
}
