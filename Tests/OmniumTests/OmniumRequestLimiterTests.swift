import Foundation
import XCTest
@testable import Omnium

/// The client-side limiter: concurrency, batch concurrency, token bucket.
final class OmniumRequestLimiterTests: XCTestCase {
    /// Counts requests in flight; each one yields a few times so others can pile up.
    private final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var current = 0
        private var peak = 0
        private var peakBatch = 0
        private var currentBatch = 0

        func enter(batch: Bool) {
            lock.withLock {
                current += 1
                peak = max(peak, current)
                if batch {
                    currentBatch += 1
                    peakBatch = max(peakBatch, currentBatch)
                }
            }
        }

        func leave(batch: Bool) {
            lock.withLock {
                current -= 1
                if batch { currentBatch -= 1 }
            }
        }

        var peaks: (all: Int, batch: Int) { lock.withLock { (peak, peakBatch) } }
        var inFlight: Int { lock.withLock { current } }
    }

    /// Sends `requests` at once; each stays in flight until `fillTo` are (or a few thousand yields have
    /// passed, so a limiter that admits fewer shows as a lower peak rather than a hang).
    private func run(requests: [OmniumRequest], limits: OmniumLimiterSettings, fillTo: Int = 0) async throws -> (Int, Int) {
        let inFlight = InFlight()
        let transport = ScriptedTransport { request, _ in
            let batch = request.url.path.hasSuffix("Many")
            inFlight.enter(batch: batch)
            var yields = 0
            while yields < 20 || (inFlight.inFlight < fillTo && yields < 5_000) {
                await Task.yield()
                yields += 1
            }
            inFlight.leave(batch: batch)
            return .json("")
        }
        let client = makeClient(transport, limits: limits)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for request in requests {
                group.addTask { try await client.send(request) }
            }
            try await group.waitForAll()
        }
        XCTAssertEqual(transport.apiRequests.count, requests.count)
        return inFlight.peaks
    }

    func testBoundsConcurrentRequests() async throws {
        let requests = (0 ..< 40).map { OmniumRequest.get("/api/Orders/\($0)") }
        let (peak, _) = try await run(requests: requests, limits: OmniumLimiterSettings(maxConcurrentRequests: 3),
                                      fillTo: 3)
        XCTAssertEqual(peak, 3, "three go at once, never a fourth")
    }

    func testBoundsConcurrentBatchRequests() async throws {
        let batches = try (0 ..< 12).map { _ in
            try OmniumRequest.json(.put, "/api/Inventory/UpdateMany", body: [TestItem(id: "a")])
        }
        let reads = (0 ..< 12).map { OmniumRequest.get("/api/Orders/\($0)") }
        let (peak, batchPeak) = try await run(
            requests: batches + reads,
            limits: OmniumLimiterSettings(maxConcurrentRequests: 5, maxConcurrentBatchRequests: 2))
        XCTAssertLessThanOrEqual(peak, 5)
        XCTAssertLessThanOrEqual(batchPeak, 2)
    }

    func testTokenBucketWaitsForTheNextRefill() async throws {
        let transport = ScriptedTransport(steps: [.status(200)])
        let clock = TestClock()
        let limits = OmniumLimiterSettings(bucketCapacity: 3, refillAmount: 2, refillInterval: 10)
        let client = makeClient(transport, clock: clock, limits: limits)
        for index in 0 ..< 6 {
            try await client.send(.get("/api/Orders/\(index)"))
        }
        XCTAssertEqual(transport.apiRequests.count, 6)
        XCTAssertEqual(clock.recordedSleeps, [.seconds(10), .seconds(10)],
                       "3 from the full bucket, 2 after the first refill, 1 after the second")
    }

    func testTokenCallIsExemptFromTheBucket() async throws {
        let transport = ScriptedTransport(steps: [.status(200)])
        let clock = TestClock()
        let limits = OmniumLimiterSettings(bucketCapacity: 1, refillAmount: 1, refillInterval: 10)
        let client = makeClient(transport, clock: clock, limits: limits)
        try await client.send(.get("/api/Orders/1"))
        XCTAssertEqual(clock.recordedSleeps, [], "the token call did not use the only bucket token")
    }

    func testCancelledWaiterLeavesTheQueue() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.wait()
        let waiter = Task { try await semaphore.wait() }
        waiter.cancel()
        do {
            try await waiter.value
            XCTFail("a cancelled waiter must not get the permit")
        } catch is CancellationError {}
        await semaphore.signal()
        try await semaphore.wait()
    }
}
