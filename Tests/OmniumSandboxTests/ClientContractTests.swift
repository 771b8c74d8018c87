import Foundation
import Omnium
import OmniumSandbox
import XCTest

/// The real `OmniumClient` (URLSession transport) against the real sandbox over loopback: the
/// client rules of omnium-contract.md checked end to end. Sandbox time is a manual clock, and the
/// client's sleeps move it, so nothing waits for real.
final class ClientContractTests: XCTestCase {
    /// Client-side record of sleeps and events.
    private final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var sleeps: [Duration] = []
        private var observed: [OmniumClientEvent] = []

        var recordedSleeps: [Duration] { lock.withLock { sleeps } }
        var events: [OmniumClientEvent] { lock.withLock { observed } }
        func sleep(_ duration: Duration) { lock.withLock { sleeps.append(duration) } }
        func observe(_ event: OmniumClientEvent) { lock.withLock { observed.append(event) } }
    }

    private var sandbox: SandboxServer!
    private var sandboxClock: ManualSandboxClock!
    private let recorder = Recorder()

    override func tearDown() {
        sandbox?.stop()
        sandbox = nil
        super.tearDown()
    }

    /// Starts a sandbox with tiny data (adjusted by `configure`) and a client pointed at it.
    private func start(
        secret: String = "sandbox-secret", retry: OmniumRetryPolicy = OmniumRetryPolicy(maxAttempts: 6),
        configure: (inout SandboxConfiguration) -> Void = { _ in }
    ) throws -> OmniumClient {
        let clock = ManualSandboxClock(Date(timeIntervalSince1970: 1_795_000_000))
        var configuration = SandboxConfiguration(scale: .tiny, clock: clock)
        configure(&configuration)
        sandbox = try SandboxServer.start(configuration: configuration)
        sandboxClock = clock
        let recorder = recorder
        let environment = OmniumClientEnvironment(
            sleep: { duration in
                recorder.sleep(duration)
                clock.advance(by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
            },
            now: { Date() },
            uptime: OmniumClientEnvironment.live.uptime,
            random: { 0.5 },
            observe: { recorder.observe($0) })
        let clientConfiguration = OmniumConfiguration(
            baseURL: sandbox.baseURL, clientId: "sandbox", clientSecret: secret, requestTimeout: 10, retryPolicy: retry)
        return OmniumClient(configuration: clientConfiguration, environment: environment)
    }

    private var retries: [OmniumClientEvent] {
        recorder.events.filter { if case .retrying = $0 { return true } else { return false } }
    }

    // MARK: - Reads

    func testStoresListAndGet() async throws {
        let client = try start()
        let stores = try await client.stores()
        XCTAssertEqual(stores.map(\.id), sandbox.state.stores().map(\.id))
        XCTAssertTrue(stores.contains { $0.isWarehouse == true })
        let first = try XCTUnwrap(stores.first)
        let fetched = try await client.store(id: first.id)
        XCTAssertEqual(fetched, first)
        let missing = await contractError { try await client.store(id: "no-such-store") }
        XCTAssertEqual(missing?.kind, .notFound)
        XCTAssertEqual(missing?.isPermanent, true)
    }

    func testProductsScrollDeliversEveryProductBatchByBatch() async throws {
        let client = try start { $0.scroll = SandboxScrollSettings(batchSize: 3) }
        let expected = try sandbox.state.products(matching: OmniumProductSearchRequest()).all.compactMap(\.id)
        var batches: [Int] = []
        var ids: [String] = []
        for try await batch in client.scrollProducts() {
            let products: [OmniumProduct] = batch.decodedRecords()
            XCTAssertEqual(products.count, batch.count, "every sandbox product decodes")
            batches.append(products.count)
            ids += products.compactMap(\.id)
        }
        XCTAssertEqual(ids, expected)
        XCTAssertTrue(batches.allSatisfy { $0 <= 3 }, "\(batches)")
        XCTAssertGreaterThan(batches.count, 1)
    }

    func testOrderPagingEdges() async throws {
        let client = try start()
        let total = try sandbox.state.orders(matching: OmniumOrderSearchRequest()).count
        var pages: [Int] = []
        for try await orders in client.orderPages(OmniumOrderSearchRequest(), take: 5) {
            XCTAssertEqual(orders.undecodableRecords().count, 0)
            pages.append(orders.count)
        }
        XCTAssertEqual(pages.reduce(0, +), total)
        XCTAssertEqual(pages.dropLast().allSatisfy { $0 == 5 }, true)

        let beyond = try await client.searchOrders(OmniumOrderSearchRequest(take: 100, page: 50))
        XCTAssertEqual(beyond.result.count, 0)
        XCTAssertEqual(beyond.totalHits, total)

        let window = await contractError { try await client.searchOrders(OmniumOrderSearchRequest(take: 100, page: 101)) }
        XCTAssertEqual(window?.kind, .badRequest, "take * page > 10000 is refused")
        let tooMany = await contractError { try await client.searchOrders(OmniumOrderSearchRequest(take: 101)) }
        XCTAssertEqual(tooMany?.kind, .badRequest)
    }

    // MARK: - Scroll expiry

    func testExpiredScrollIsRestartedWithTheSameQuery() async throws {
        let client = try start { $0.scroll = SandboxScrollSettings(batchSize: 4) }
        let expected = Set(try sandbox.state.orders(matching: OmniumOrderSearchRequest()).all.compactMap(\.id))
        var iterator = client.scrollOrders(OmniumOrderSearchRequest()).makeAsyncIterator()
        var ids = try await iterator.next()?.compactMap(\.record?.id) ?? []
        sandboxClock.advance(by: 301)
        while let orders = try await iterator.next() {
            ids += orders.compactMap(\.record?.id)
        }
        XCTAssertEqual(Set(ids), expected)
        XCTAssertEqual(ids.count, expected.count + 4, "the first batch came twice after the restart")
        XCTAssertTrue(recorder.events.contains(.scrollRestarted(path: "/api/Orders/Scroll",
                                                                 reason: "scroll id expired or unknown")))
    }

    func testExpiredScrollWithoutRestartsIsAnError() async throws {
        let client = try start { $0.scroll = SandboxScrollSettings(batchSize: 4) }
        var iterator = client.scrollOrders(OmniumOrderSearchRequest(), maxRestarts: 0).makeAsyncIterator()
        _ = try await iterator.next()
        sandboxClock.advance(by: 301)
        let error = await contractError { try await iterator.next() }
        XCTAssertEqual(error?.kind, .scrollExpired)
    }

    // MARK: - Token

    func testRevokedTokenIsRenewedOnceAndTheRequestRepeated() async throws {
        let client = try start()
        _ = try await client.stores()
        sandbox.services.tokens.revokeTokens(of: "sandbox")
        _ = try await client.stores()
        XCTAssertEqual(recorder.events.filter { if case .tokenFetched = $0 { return true } else { return false } },
                       [.tokenFetched(reason: "first use"), .tokenFetched(reason: "401")])
    }

    func testBadCredentialsAreFatalAndTheSecretStaysHidden() async throws {
        let client = try start(secret: "wrong-secret")
        let error = await contractError { try await client.stores() }
        XCTAssertEqual(error?.kind, .unauthorized)
        XCTAssertEqual(error?.isFatal, true)
        XCTAssertFalse(error?.description.contains("wrong-secret") ?? true)
    }

    // MARK: - Limits and faults

    func testRateLimitIsHonouredWithRetryAfter() async throws {
        let client = try start {
            $0.rateLimits = SandboxRateLimits(bucketCapacity: 2, refillAmount: 1, refillInterval: .seconds(10))
        }
        for _ in 0 ..< 4 {
            _ = try await client.stores()
        }
        let waits = retries.compactMap { event -> Duration? in
            if case let .retrying(_, _, 429, _, _, delay) = event { return delay }
            return nil
        }
        XCTAssertFalse(waits.isEmpty, "the bucket of 2 ran dry")
        XCTAssertTrue(waits.allSatisfy { $0 >= .seconds(1) }, "\(waits)")
    }

    func testServerErrorsThenSuccess() async throws {
        let client = try start(retry: OmniumRetryPolicy(maxAttempts: 10)) {
            $0.faults = SandboxFaults(errorRates: [503: 0.4], seed: 7)
        }
        for _ in 0 ..< 8 {
            _ = try await client.stores()
        }
        XCTAssertTrue(retries.contains { if case .retrying(_, _, 503, _, _, _) = $0 { return true } else { return false } })
    }

    func testMalformedJSONNamesTheEndpoint() async throws {
        let client = try start { $0.faults = SandboxFaults(malformedBodyRate: 1) }
        let id = try XCTUnwrap(sandbox.state.stores().first?.id)
        let error = await contractError { try await client.store(id: id) }
        XCTAssertEqual(error?.kind, .malformedResponse)
        XCTAssertEqual(error?.attempts, 3)
        XCTAssertTrue(error?.description.contains("GET /api/Stores/\(id)") ?? false, error?.description ?? "")
    }

    func testScrollSurvivesBatchesLostAfterTheServerMovedOn() async throws {
        let client = try start { configuration in
            configuration.scroll = SandboxScrollSettings(batchSize: 4)
            configuration.faults = SandboxFaults(malformedBodyRate: 0.25, droppedConnectionRate: 0.1, seed: 3)
        }
        let expected = Set(try sandbox.state.orders(matching: OmniumOrderSearchRequest()).all.compactMap(\.id))
        var ids = Set<String>()
        for try await orders in client.scrollOrders(OmniumOrderSearchRequest(), maxRestarts: 10) {
            ids.formUnion(orders.compactMap(\.record?.id))
        }
        XCTAssertEqual(ids, expected)
        let restarts = recorder.events.filter { if case .scrollRestarted = $0 { return true } else { return false } }
        XCTAssertFalse(restarts.isEmpty, "the seeded faults hit at least one continuation")
    }

    // MARK: - Helpers

    private func contractError<T>(_ body: () async throws -> T, line: UInt = #line) async -> OmniumError? {
        do {
            _ = try await body()
            XCTFail("expected an OmniumError", line: line)
        } catch let error as OmniumError {
            return error
        } catch {
            XCTFail("expected an OmniumError, got \(error)", line: line)
        }
        return nil
    }
}
