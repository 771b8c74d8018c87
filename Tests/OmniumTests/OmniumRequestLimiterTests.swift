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

    // MARK: - Places handed over

    /// A transport whose calls complete when the test says so; `start` records them in order.
    private final class ManualTransport: HTTPTransport, @unchecked Sendable {
        private struct Cancel: HTTPTransportCall {
            let action: @Sendable () -> Void
            func cancel() { action() }
        }
        private let lock = NSLock()
        private var calls: [(path: String, complete: @Sendable (Result<HTTPTransportResponse, any Error>) -> Void)] = []

        func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
            throw URLError(.unsupportedURL)
        }

        func start(_ request: HTTPTransportRequest,
                   completion: @escaping @Sendable (Result<HTTPTransportResponse, any Error>) -> Void) -> any HTTPTransportCall {
            lock.withLock { calls.append((request.url.path, completion)) }
            return Cancel { completion(.failure(URLError(.cancelled))) }
        }

        var started: [String] { lock.withLock { calls.map(\.path) } }

        /// Completes the call to `path` with 200.
        func complete(_ path: String) {
            let call = lock.withLock { calls.first { $0.path == path } }
            call?.complete(.success(HTTPTransportResponse(status: 200)))
        }
    }

    private func until(_ condition: () -> Bool) async {
        var yields = 0
        while !condition(), yields < 100_000 {
            await Task.yield()
            yields += 1
        }
    }

    private func sendTask(_ limiter: OmniumRequestLimiter, _ transport: ManualTransport, _ path: String)
        -> Task<Int, any Error> {
        let request = path.hasSuffix("Many") ? try! OmniumRequest.json(.put, path, body: [TestItem(id: "a")]) : OmniumRequest.get(path)
        let call = HTTPTransportRequest(method: request.method.rawValue, url: URL(string: "http://omnium.test\(path)")!)
        return Task { try await limiter.send(call, for: request, through: transport).status }
    }

    func testAFreedPlaceStartsTheNextCallBeforeTheFinishedOneIsResumed() async throws {
        let transport = ManualTransport()
        let limiter = OmniumRequestLimiter(settings: OmniumLimiterSettings(maxConcurrentRequests: 2), environment: .live)
        var tasks: [Task<Int, any Error>] = []
        for (index, path) in ["/a", "/b", "/c", "/d"].enumerated() {
            tasks.append(sendTask(limiter, transport, path))
            await until { transport.started.count + limiter.places.waitingCount == index + 1 }
        }
        XCTAssertEqual(transport.started, ["/a", "/b"])
        XCTAssertEqual(limiter.places.waitingCount, 2)
        transport.complete("/a")
        XCTAssertEqual(transport.started, ["/a", "/b", "/c"], "started by the completion itself, in arrival order")
        tasks[3].cancel()
        do {
            _ = try await tasks[3].value
            XCTFail("a cancelled waiting call must not start")
        } catch is CancellationError {}
        XCTAssertEqual(limiter.places.waitingCount, 0)
        transport.complete("/b")
        transport.complete("/c")
        for task in tasks.prefix(3) { let status = try await task.value; XCTAssertEqual(status, 200) }
        XCTAssertEqual(transport.started, ["/a", "/b", "/c"])
    }

    func testACancelledBatchCallGivesItsBatchPlaceBack() async throws {
        let transport = ManualTransport()
        let limiter = OmniumRequestLimiter(settings: OmniumLimiterSettings(maxConcurrentRequests: 2, maxConcurrentBatchRequests: 1),
                                           environment: .live)
        var tasks: [Task<Int, any Error>] = []
        // One batch call on the wire, a second waiting for the batch place, a read on the wire, a read waiting.
        for (index, path) in ["/one/UpdateMany", "/two/UpdateMany", "/r1", "/r2"].enumerated() {
            tasks.append(sendTask(limiter, transport, path))
            await until { transport.started.count + limiter.places.waitingCount == index + 1 }
        }
        XCTAssertEqual(transport.started, ["/one/UpdateMany", "/r1"])
        tasks[1].cancel()
        do {
            _ = try await tasks[1].value
            XCTFail("cancelled")
        } catch is CancellationError {}
        transport.complete("/one/UpdateMany")
        XCTAssertEqual(transport.started, ["/one/UpdateMany", "/r1", "/r2"])
        // The batch place is free again: a new batch call goes once a place is.
        tasks.append(sendTask(limiter, transport, "/three/UpdateMany"))
        await until { limiter.places.waitingCount == 1 }
        transport.complete("/r1")
        XCTAssertEqual(transport.started.last, "/three/UpdateMany")
        transport.complete("/r2")
        transport.complete("/three/UpdateMany")
        for index in [0, 2, 3, 4] { let status = try await tasks[index].value; XCTAssertEqual(status, 200) }
    }

    func testACancelledCallOnTheWireEndsThroughItsTransport() async throws {
        let transport = ManualTransport()
        let limiter = OmniumRequestLimiter(settings: OmniumLimiterSettings(maxConcurrentRequests: 1), environment: .live)
        let first = sendTask(limiter, transport, "/a")
        await until { transport.started.count == 1 }
        let second = sendTask(limiter, transport, "/b")
        await until { limiter.places.waitingCount == 1 }
        first.cancel()
        do {
            _ = try await first.value
            XCTFail("cancelled")
        } catch let error as URLError {
            XCTAssertEqual(error.code, .cancelled)
        }
        XCTAssertEqual(transport.started, ["/a", "/b"], "its place went to the next call")
        transport.complete("/b")
        let status = try await second.value
        XCTAssertEqual(status, 200)
    }
}
