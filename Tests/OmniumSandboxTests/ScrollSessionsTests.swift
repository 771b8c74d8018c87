import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

final class ScrollSessionsTests: XCTestCase {
    private func harness() throws -> SandboxTestHarness {
        try SandboxTestHarness { $0.scroll = SandboxScrollSettings(batchSize: 5, idleTimeout: .seconds(300)) }
    }

    func testScrollsInBatchesThenEndsWithEmptyResult() throws {
        let harness = try harness()
        let token = try harness.token()
        let first = try harness.send(.POST, "/api/Orders/Scroll", body: #"{"take": 1}"#, token: token)
            .decoded(OmniumSearchResult<OmniumOrder>.self)
        XCTAssertEqual(first.result.count, 5, "take/page ignored, batch size used")
        XCTAssertNil(first.facets)
        let scrollId = try XCTUnwrap(first.scrollId)
        var seen = first.result.compactMap(\.id)
        while true {
            let next = try harness.send(.GET, "/api/Orders/Scroll/\(scrollId)", token: token)
                .decoded(OmniumSearchResult<OmniumOrder>.self)
            XCTAssertEqual(next.totalHits, first.totalHits)
            if next.result.isEmpty { break }
            XCTAssertEqual(next.scrollId, scrollId, "constant scrollId")
            seen += next.result.compactMap(\.id)
        }
        XCTAssertEqual(seen.count, first.totalHits)
        XCTAssertEqual(Set(seen).count, seen.count)
        let ended = harness.send(.GET, "/api/Orders/Scroll/\(scrollId)", token: token)
        XCTAssertEqual(ended.status, .notFound)
    }

    func testScrollExpiresAfterFiveIdleMinutes() throws {
        let harness = try harness()
        let token = try harness.token()
        let first = try harness.send(.POST, "/api/PrivateCustomers/Scroll", body: "{}", token: token)
            .decoded(OmniumSearchResult<OmniumPrivateCustomer>.self)
        let scrollId = try XCTUnwrap(first.scrollId)
        harness.clock.advance(by: 299)
        XCTAssertEqual(harness.send(.GET, "/api/PrivateCustomers/Scroll/\(scrollId)", token: token).status, .ok)
        harness.clock.advance(by: 299)
        XCTAssertEqual(harness.send(.GET, "/api/PrivateCustomers/Scroll/\(scrollId)", token: token).status, .ok,
                       "each use restarts the idle time")
        harness.clock.advance(by: 300)
        let expired = harness.send(.GET, "/api/PrivateCustomers/Scroll/\(scrollId)", token: token)
        XCTAssertEqual(expired.status, .notFound)
        XCTAssertEqual(harness.send(.GET, "/api/Orders/Scroll/unknown", token: token).status, .notFound)
    }

    func testScrollIsASnapshot() throws {
        let sessions = ScrollSessions(settings: SandboxScrollSettings(batchSize: 2), clock: ManualSandboxClock())
        var source = [1, 2, 3]
        let started = try sessions.start(resource: "Orders", owner: "u") { SandboxResultSet(source) }
        source.append(4)
        XCTAssertEqual(started.batch, [1, 2])
        let id = try XCTUnwrap(started.scrollId)
        XCTAssertEqual(try sessions.next(id: id, resource: "orders", as: Int.self).batch, [3])
        XCTAssertEqual(try sessions.next(id: id, resource: "Orders", as: Int.self).batch, [])
        XCTAssertThrowsError(try sessions.next(id: id, resource: "Orders", as: Int.self))
        XCTAssertEqual(sessions.openCount, 0)
    }

    func testScrollIdBelongsToItsResource() throws {
        let sessions = ScrollSessions(settings: SandboxScrollSettings(), clock: ManualSandboxClock())
        let id = try XCTUnwrap(try sessions.start(resource: "Orders", owner: "u") { SandboxResultSet([1]) }.scrollId)
        XCTAssertThrowsError(try sessions.next(id: id, resource: "Products", as: Int.self))
    }

    func testSecondConcurrentScrollStartByTheSameUserIs429() throws {
        let sessions = ScrollSessions(settings: SandboxScrollSettings(), clock: ManualSandboxClock())
        _ = try sessions.start(resource: "Orders", owner: "u") { () throws -> SandboxResultSet<Int> in
            XCTAssertThrowsError(try sessions.start(resource: "Products", owner: "u") { SandboxResultSet([1]) }) { error in
                XCTAssertEqual((error as? SandboxError)?.status, .tooManyRequests)
                XCTAssertEqual((error as? SandboxError)?.headers["Retry-After"], "1")
            }
            XCTAssertNoThrow(try sessions.start(resource: "Orders", owner: "other") { SandboxResultSet([1]) })
            return SandboxResultSet([1])
        }
        XCTAssertNoThrow(try sessions.start(resource: "Orders", owner: "u") { SandboxResultSet([1]) })
    }

    func testInventorySearchHandsOutScrollOnlyWhenMoreThanOneBatch() throws {
        let harness = try harness()
        let token = try harness.token()
        let result = try harness.send(.POST, "/api/Inventory/Search", body: #"{"isInStock": true}"#, token: token)
            .decoded(OmniumSearchResult<OmniumInventoryItem>.self)
        XCTAssertGreaterThan(result.totalHits, 5)
        XCTAssertEqual(result.result.count, 5)
        let scrollId = try XCTUnwrap(result.scrollId)
        let next = try harness.send(.GET, "/api/Inventory/Scroll/\(scrollId)", token: token)
            .decoded(OmniumSearchResult<OmniumInventoryItem>.self)
        XCTAssertFalse(next.result.isEmpty)
        let sku = try XCTUnwrap(result.result.first?.sku)
        let single = try harness.send(.POST, "/api/Inventory/Search", body: #"{"productCodes": ["\#(sku)"]}"#, token: token)
            .decoded(OmniumSearchResult<OmniumInventoryItem>.self)
        XCTAssertLessThanOrEqual(single.totalHits, 5)
        XCTAssertNil(single.scrollId)
        XCTAssertEqual(harness.send(.POST, "/api/Inventory/Search", body: "{}", token: token).status, .badRequest)
    }
}
