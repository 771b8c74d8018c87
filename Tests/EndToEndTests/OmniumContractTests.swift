import Foundation
import Omnium
import OmniumSandbox
import XCTest

/// Issue 3 acceptance, the parts `OmniumSandboxTests/ClientContractTests` (orders paging, order
/// scroll expiry, revoked token, bucket 429, random 503s, malformed GET) does not already cover:
/// product paging edges and the 10,000 window, scroll beyond it, idle expiry of a search-started
/// scroll, token expiry (401 then renewal, and renewal before expiry), the exact `Retry-After`,
/// deterministic 5xx handling for repeatable and non-repeatable calls, malformed answers to POSTs.
/// Real `OmniumClient` (URLSession) against the real sandbox over 127.0.0.1.
final class OmniumContractTests: XCTestCase {
    private var sandbox: SandboxServer!
    private var clock: ManualSandboxClock!
    private var counter: SandboxStatusCounter!
    private let recorder = ClientRecorder()

    override func tearDown() {
        sandbox?.stop()
        sandbox = nil
        super.tearDown()
    }

    /// A sandbox on a manual clock (started at the real time) and a client whose sleeps move that clock.
    private func start(
        scale: SandboxScale = .tiny, retry: OmniumRetryPolicy = LoopbackOmnium.fastRetryPolicy(),
        clientNowIsSandboxTime: Bool = false, configure: (inout SandboxConfiguration) -> Void = { _ in }
    ) throws -> OmniumClient {
        let clock = ManualSandboxClock(Date())
        let counter = SandboxStatusCounter()
        var configuration = SandboxConfiguration(scale: scale, log: counter.handler, clock: clock)
        configure(&configuration)
        sandbox = try SandboxServer.start(configuration: configuration)
        self.clock = clock
        self.counter = counter
        let sandboxNow: @Sendable () -> Date = { clock.now() }
        let wallNow: @Sendable () -> Date = { Date() }
        let advance: @Sendable (Duration) -> Void = { duration in
            clock.advance(by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        return LoopbackOmnium.client(sandbox, retry: retry, recorder: recorder,
                                     now: clientNowIsSandboxTime ? sandboxNow : wallNow, onSleep: advance)
    }

    // MARK: - Paging edges and the 10,000 window

    func testProductPagingEdgesTheWindowAndScrollBeyondIt() async throws {
        let total = 10_150
        let client = try start(scale: SandboxScale(products: total, stores: 2, orders: 1, purchaseOrders: 1,
                                                   privateCustomers: 1, businessCustomers: 1))
        let first = try await client.searchProducts(OmniumProductSearchRequest(take: 100, page: 0))
        XCTAssertEqual(first.result.count, 100, "take 100 is allowed")
        XCTAssertEqual(first.totalHits, total)

        let tooMany = await omniumError { _ = try await client.searchProducts(OmniumProductSearchRequest(take: 101)) }
        XCTAssertEqual(tooMany?.kind, .badRequest)
        XCTAssertEqual(tooMany?.status, 400)
        XCTAssertEqual(tooMany?.isPermanent, true)
        XCTAssertEqual(tooMany?.attempts, 1, "a 400 is not repeated")
        XCTAssertTrue(tooMany?.description.contains("POST /api/Products/SearchProducts") ?? false, tooMany?.description ?? "")
        XCTAssertTrue(tooMany?.body?.contains("take") ?? false, "Omnium's message reaches the error")

        let lastInWindow = try await client.searchProducts(OmniumProductSearchRequest(take: 100, page: 100))
        XCTAssertEqual(lastInWindow.result.count, 100, "take * page = 10,000 is still allowed")
        let pastWindow = await omniumError { _ = try await client.searchProducts(OmniumProductSearchRequest(take: 100, page: 101)) }
        XCTAssertEqual(pastWindow?.kind, .badRequest)
        XCTAssertEqual(pastWindow?.isPermanent, true)

        // Paging stops with a clear error at the window instead of cutting silently ...
        var paged = 0
        let windowError = await omniumError {
            for try await page in client.productPages(OmniumProductSearchRequest()) { paged += page.count }
        }
        XCTAssertEqual(paged, 10_100)
        XCTAssertEqual(windowError?.kind, .pagingLimitExceeded)
        XCTAssertEqual(windowError?.isPermanent, true)
        XCTAssertEqual(counter.count(400), 2, "the client refused page 101 itself; the 400s are the two probes above")

        // ... and the scroll goes past it.
        var scrolled: [String] = []
        for try await batch in client.scrollProducts() { scrolled += batch.compactMap(\.record?.id) }
        XCTAssertEqual(scrolled.count, total)
        XCTAssertEqual(Set(scrolled).count, total)
    }

    // MARK: - Scroll idle expiry

    func testSearchStartedScrollExpiresOnlyAfterIdleTimeAndRestarts() async throws {
        let client = try start { $0.scroll = SandboxScrollSettings(batchSize: 5, idleTimeout: .seconds(2)) }
        let request = OmniumInventorySearchRequest(lastModified: Date(timeIntervalSince1970: 0))
        let expected = try sandbox.state.inventory(matching: request).all.map { "\($0.sku ?? "")/\($0.warehouseCode ?? "")" }
        XCTAssertGreaterThan(expected.count, 15)

        // In use: 1.5 s between batches is fine although the whole scroll takes longer than 2 s.
        var steady: [String] = []
        for try await batch in client.searchInventory(request) {
            steady += batch.compactMap(\.record).map { "\($0.sku ?? "")/\($0.warehouseCode ?? "")" }
            clock.advance(by: 1.5)
        }
        XCTAssertEqual(steady, expected)
        XCTAssertEqual(recorder.scrollRestarts, 0)

        // Idle: 2.5 s after the first batch the id is gone (404); the client starts over with the same search.
        var iterator = client.searchInventory(request).makeAsyncIterator()
        var restarted = try await iterator.next()?.compactMap(\.record).map { "\($0.sku ?? "")/\($0.warehouseCode ?? "")" } ?? []
        clock.advance(by: 2.5)
        while let batch = try await iterator.next() {
            restarted += batch.compactMap(\.record).map { "\($0.sku ?? "")/\($0.warehouseCode ?? "")" }
        }
        XCTAssertEqual(Array(restarted.dropFirst(5)), expected, "the first batch comes again, then everything in order")
        XCTAssertEqual(recorder.events.filter { if case .scrollRestarted = $0 { return true } else { return false } },
                       [.scrollRestarted(path: "/api/Inventory/Scroll", reason: "scroll id expired or unknown")])
        XCTAssertEqual(counter.count(404), 1)
    }

    // MARK: - Token lifetime

    func testExpiredTokenIsAnsweredWith401AndRenewedOnce() async throws {
        let client = try start { $0.tokenLifetime = .seconds(120) }
        _ = try await client.stores()
        clock.advance(by: 121) // the sandbox's token is expired; the client's clock says it is fresh
        let stores = try await client.stores()
        XCTAssertEqual(stores.count, sandbox.state.stores().count)
        XCTAssertEqual(recorder.tokenFetches, ["first use", "401"])
        XCTAssertEqual(counter.count(401), 1, "one refused call, repeated once with the new token")
    }

    func testTokenIsRenewedBeforeExpiryWithout401() async throws {
        let client = try start(clientNowIsSandboxTime: true) { $0.tokenLifetime = .seconds(120) }
        _ = try await client.stores()
        clock.advance(by: 61) // past half the lifetime: the client's renewal margin for short tokens
        _ = try await client.stores()
        XCTAssertEqual(recorder.tokenFetches, ["first use", "expiring"])
        XCTAssertEqual(counter.count(401), 0)
    }

    // MARK: - 429 and Retry-After

    func testRetryAfterFromTheBucketIsWaitedExactly() async throws {
        let client = try start {
            $0.rateLimits = SandboxRateLimits(bucketCapacity: 2, refillAmount: 2, refillInterval: .seconds(7))
        }
        for _ in 0 ..< 3 { _ = try await client.stores() }
        XCTAssertEqual(counter.count(429), 1)
        let waits = recorder.retries(status: 429).compactMap { event -> Duration? in
            if case let .retrying(_, _, _, _, _, delay) = event { return delay } else { return nil }
        }
        XCTAssertEqual(waits, [.seconds(7)], "the client waited what Retry-After said, then succeeded")
    }

    func testRetryAfterLongerThanAllowedFailsAsRateLimited() async throws {
        var policy = LoopbackOmnium.fastRetryPolicy()
        policy.maxRetryAfter = .seconds(5)
        let client = try start(retry: policy) {
            $0.rateLimits = SandboxRateLimits(bucketCapacity: 1, refillAmount: 1, refillInterval: .seconds(30))
        }
        _ = try await client.stores()
        let error = await omniumError { _ = try await client.stores() }
        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(error?.retryAfter, .seconds(30))
        XCTAssertEqual(error?.attempts, 1)
        XCTAssertEqual(error?.isRetryable, true, "the sync queue reschedules it")
        XCTAssertTrue(recorder.requestedSleeps.isEmpty, "nothing was waited for")
    }

    // MARK: - 5xx

    func testServerErrorsAreRepeatedThenReportedWithStatusAndBody() async throws {
        let client = try start(retry: LoopbackOmnium.fastRetryPolicy(maxAttempts: 4)) {
            $0.faults = SandboxFaults(errorRates: [500: 1])
        }
        let error = await omniumError { _ = try await client.stores() }
        XCTAssertEqual(error?.kind, .serverError)
        XCTAssertEqual(error?.status, 500)
        XCTAssertEqual(error?.attempts, 4)
        XCTAssertEqual(error?.isRetryable, true)
        XCTAssertEqual(error?.body, #""Injected fault 500""#)
        XCTAssertEqual(counter.count(500), 4)
        XCTAssertEqual(recorder.requestedSleeps, [.milliseconds(1), .milliseconds(2), .milliseconds(4)], "exponential backoff")
    }

    func testServerErrorOnACreateWithoutIdIsNotRepeated() async throws {
        let client = try start { $0.faults = SandboxFaults(errorRates: [503: 1]) }
        var order = try OmniumJSON.decode(OmniumOrder.self, from: Data(OmniumWriteContractTests.posOrderJSON(
            id: "unused", storeId: sandbox.state.stores()[0].id).utf8))
        order.id = nil
        let error = await omniumError { _ = try await client.createPosOrder(order) }
        XCTAssertEqual(error?.kind, .serverError)
        XCTAssertEqual(error?.attempts, 1, "a repeat could create a second order")
        XCTAssertEqual(counter.count(503), 1)
    }

    func testServerErrorsThenSuccessOnAScrollStart() async throws {
        // Seeded: half the answers are 502s (some are asserted below); the scroll start is repeated
        // and a failed continuation restarts the scroll, so every product still arrives.
        let client = try start { $0.faults = SandboxFaults(errorRates: [502: 0.5], seed: 3) }
        var ids: [String] = []
        for try await batch in client.scrollProducts(maxRestarts: 20) { ids += batch.compactMap(\.record?.id) }
        XCTAssertEqual(Set(ids), Set(try sandbox.state.products(matching: OmniumProductSearchRequest()).all.compactMap(\.id)))
        XCTAssertGreaterThan(counter.count(502), 0)
        XCTAssertGreaterThan(recorder.retries(status: 502).count + recorder.scrollRestarts, 0)
    }

    // MARK: - Malformed answers

    func testMalformedSearchAnswerIsRetriedThenNamesTheEndpoint() async throws {
        let client = try start { $0.faults = SandboxFaults(malformedBodyRate: 1) }
        let error = await omniumError { _ = try await client.searchProducts(OmniumProductSearchRequest(take: 5)) }
        XCTAssertEqual(error?.kind, .malformedResponse)
        XCTAssertEqual(error?.attempts, 3, "two bounded retries of an idempotent search")
        let text = error?.description ?? ""
        XCTAssertTrue(text.contains("POST /api/Products/SearchProducts"), text)
        XCTAssertTrue(text.contains("OmniumSearchResult"), "the error says what did not decode: \(text)")
    }

    func testMalformedAnswerToACreateIsNotRepeated() async throws {
        let client = try start { $0.faults = SandboxFaults(malformedBodyRate: 1) }
        let order = try OmniumJSON.decode(OmniumOrder.self, from: Data(OmniumWriteContractTests.posOrderJSON(
            id: "FLOW-MAL-1", storeId: sandbox.state.stores()[0].id).utf8))
        let error = await omniumError { _ = try await client.createOrder(order) }
        XCTAssertEqual(error?.kind, .malformedResponse)
        XCTAssertEqual(error?.attempts, 1, "the create happened; repeating would meet a 409")
        XCTAssertTrue(error?.description.contains("POST /api/Orders") ?? false, error?.description ?? "")
        XCTAssertNotNil(sandbox.state.order(id: "FLOW-MAL-1"), "the write itself went through")
    }
}
