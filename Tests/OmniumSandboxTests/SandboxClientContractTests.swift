import Foundation
import Omnium
import OmniumSandbox
import XCTest

/// The real `OmniumClient` against the sandbox over loopback: both sides of the contract agree.
final class SandboxClientContractTests: XCTestCase {
    private var sandbox: SandboxServer!

    override func tearDown() {
        sandbox?.stop()
        sandbox = nil
        super.tearDown()
    }

    /// A client whose retry sleeps return at once (so injected faults cost no time).
    private func client(_ configure: (inout SandboxConfiguration) -> Void = { _ in }) throws -> OmniumClient {
        var configuration = SandboxConfiguration(scale: .tiny)
        configuration.scroll = SandboxScrollSettings(batchSize: 4)
        configure(&configuration)
        sandbox = try SandboxServer.start(configuration: configuration)
        let origin = ContinuousClock.now
        let environment = OmniumClientEnvironment(
            sleep: { _ in }, now: { Date() }, uptime: { ContinuousClock.now - origin }, random: { 0.5 })
        return OmniumClient(
            configuration: OmniumConfiguration(baseURL: sandbox.baseURL, clientId: "sandbox", clientSecret: "sandbox-secret",
                                               requestTimeout: 10),
            environment: environment)
    }

    private func collect<T>(_ stream: AsyncThrowingStream<[T], Error>) async throws -> [T] {
        var all: [T] = []
        for try await batch in stream { all += batch }
        return all
    }

    func testClientReadsStoresProductsAndDeliveries() async throws {
        let client = try client()
        let stores = try await client.stores()
        XCTAssertEqual(stores.map(\.id), sandbox.state.stores().map(\.id))
        let first = try XCTUnwrap(stores.first)
        let one = try await client.store(id: first.id)
        XCTAssertEqual(one.id, first.id)
        do {
            _ = try await client.order(id: "missing")
            XCTFail("expected 404")
        } catch let error as OmniumError {
            XCTAssertEqual(error.kind, .notFound)
        }
        let products = try await client.searchProducts(OmniumProductSearchRequest(take: 2))
        XCTAssertEqual(products.result.count, 2)
        let po = try XCTUnwrap(sandbox.state.purchaseOrders(matching: OmniumPurchaseOrderSearchRequest()).all
            .first { $0.deliveryId != nil })
        let lines = try await client.deliveryPurchaseOrderLines(deliveryId: po.deliveryId ?? "")
        XCTAssertFalse(lines.isEmpty)
    }

    func testClientScrollsOrdersAndInventoryToTheEnd() async throws {
        let client = try client()
        let orders = try await collect(client.scrollOrders(OmniumOrderSearchRequest()))
        let expected = try sandbox.state.orders(matching: OmniumOrderSearchRequest()).count
        XCTAssertEqual(orders.count, expected)
        XCTAssertEqual(Set(orders.compactMap(\.record?.id)).count, expected)
        let stock = try await collect(client.searchInventory(OmniumInventorySearchRequest(isInStock: true)))
        XCTAssertEqual(stock.count, try sandbox.state.inventory(matching: OmniumInventorySearchRequest(isInStock: true)).count)
    }

    func testClientRidesOutInjectedServerErrorsAndRateLimits() async throws {
        let failures = FaultCounter()
        let client = try client {
            $0.faults = SandboxFaults(errorRates: [500: 0.2, 503: 0.1, 429: 0.1], seed: 11)
            $0.log = SandboxLogHandler { entry in
                if ["429", "500", "503"].contains(entry.metadata["http.status"] ?? "") { failures.add() }
            }
        }
        for _ in 0..<10 {
            let stores = try await client.stores()
            XCTAssertEqual(stores.count, sandbox.state.stores().count)
        }
        XCTAssertGreaterThan(failures.count, 0, "some answers were injected errors")
    }

    func testClientRidesOutDroppedTruncatedAndMalformedAnswers() async throws {
        let faults = FaultCounter()
        let client = try client {
            $0.faults = SandboxFaults(malformedBodyRate: 0.1, truncatedBodyRate: 0.1, droppedConnectionRate: 0.1, seed: 5)
            $0.log = SandboxLogHandler { entry in if entry.metadata["fault"] != nil { faults.add() } }
        }
        for _ in 0..<10 {
            let order = try XCTUnwrap(sandbox.state.orders(matching: OmniumOrderSearchRequest()).all.first)
            let fetched = try await client.order(id: order.id ?? "")
            XCTAssertEqual(fetched.id, order.id)
        }
        XCTAssertGreaterThan(faults.count, 0, "some answers were dropped or truncated")
    }

    private final class FaultCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.lock(); value += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return value }
    }
}
