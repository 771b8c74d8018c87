import Foundation
import XCTest
@testable import Omnium

/// Search paging and scroll streams.
final class OmniumClientPagingTests: XCTestCase {
    private struct Search: OmniumPageableSearch {
        var modifiedFrom: String?
        var take: Int?
        var page: Int?

        mutating func setPaging(take: Int, page: Int) {
            self.take = take
            self.page = page
        }
    }

    private static func page(_ ids: Range<Int>, totalHits: Int, scrollId: String? = nil) -> HTTPTransportResponse {
        let items = ids.map { #"{"id":"o\#($0)"}"# }.joined(separator: ",")
        let scroll = scrollId.map { #","scrollId":"\#($0)""# } ?? ""
        return .json(#"{"totalHits":\#(totalHits),"result":[\#(items)]\#(scroll),"facets":[]}"#)
    }

    private static func body(_ request: HTTPTransportRequest) -> [String: Int] {
        struct Paging: Decodable { var take: Int?; var page: Int? }
        let paging = try? JSONDecoder().decode(Paging.self, from: request.body ?? Data())
        return ["take": paging?.take ?? -1, "page": paging?.page ?? -1]
    }

    // MARK: - Search paging

    func testSearchPagingStopsAtTotalHits() async throws {
        let transport = ScriptedTransport { request, _ in
            let page = Self.body(request)["page"]!
            return Self.page(page * 100 ..< min(page * 100 + 100, 250), totalHits: 250)
        }
        let client = makeClient(transport)
        var sizes: [Int] = []
        for try await items in client.searchPages("/api/Orders/Search", request: Search(), of: TestItem.self) {
            sizes.append(items.count)
        }
        XCTAssertEqual(sizes, [100, 100, 50])
        XCTAssertEqual(transport.apiRequests.map { Self.body($0)["page"]! }, [0, 1, 2])
        XCTAssertEqual(transport.apiRequests.map { Self.body($0)["take"]! }, [100, 100, 100])
        XCTAssertEqual(transport.apiRequests.map { $0.url.path }, Array(repeating: "/api/Orders/Search", count: 3))
    }

    func testSearchPagingStopsOnExactMultipleWithoutAnExtraCall() async throws {
        let transport = ScriptedTransport { request, _ in
            let page = Self.body(request)["page"]!
            return Self.page(page * 10 ..< page * 10 + 10, totalHits: 20)
        }
        let client = makeClient(transport)
        var count = 0
        for try await items in client.searchPages("/api/Orders/Search", request: Search(), take: 10, of: TestItem.self) {
            count += items.count
        }
        XCTAssertEqual(count, 20)
        XCTAssertEqual(transport.apiRequests.count, 2)
    }

    func testSearchPagingCapsTakeAtOneHundredAndHandlesNoHits() async throws {
        let transport = ScriptedTransport { _, _ in Self.page(0 ..< 0, totalHits: 0) }
        let client = makeClient(transport)
        var pages = 0
        for try await _ in client.searchPages("/api/Orders/Search", request: Search(), take: 500, of: TestItem.self) {
            pages += 1
        }
        XCTAssertEqual(pages, 0)
        XCTAssertEqual(transport.apiRequests.map { Self.body($0)["take"]! }, [100])
    }

    func testSearchPagingRefusesToPassTheTenThousandWindow() async throws {
        let transport = ScriptedTransport { request, _ in
            let page = Self.body(request)["page"]!
            return Self.page(page * 100 ..< page * 100 + 100, totalHits: 20_000)
        }
        let client = makeClient(transport)
        var delivered = 0
        let error = await assertOmniumError {
            for try await items in client.searchPages("/api/Orders/Search", request: Search(), of: TestItem.self) {
                delivered += items.count
            }
        }
        XCTAssertEqual(error?.kind, .pagingLimitExceeded)
        XCTAssertEqual(delivered, 10_100, "pages 0...100 are inside take * page <= 10000")
        XCTAssertEqual(transport.apiRequests.count, 101)
    }

    func testSearchStreamFetchesLazily() async throws {
        let transport = ScriptedTransport { request, _ in
            let page = Self.body(request)["page"]!
            return Self.page(page * 100 ..< page * 100 + 100, totalHits: 1_000)
        }
        let client = makeClient(transport)
        for try await _ in client.searchPages("/api/Orders/Search", request: Search(), of: TestItem.self) {
            break
        }
        XCTAssertEqual(transport.apiRequests.count, 1)
    }

    // MARK: - Scroll

    func testScrollFollowsTheLatestScrollIdAndStopsOnEmpty() async throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return Self.page(0 ..< 3, totalHits: 7, scrollId: "s1")
            case 1: return Self.page(3 ..< 6, totalHits: 7, scrollId: "s2")
            case 2: return Self.page(6 ..< 7, totalHits: 7, scrollId: "s3")
            default: return Self.page(0 ..< 0, totalHits: 7, scrollId: "s3")
            }
        }
        let client = makeClient(transport)
        var ids: [String] = []
        for try await items in client.scrollPages(resource: "Products", request: Search(modifiedFrom: "2026-01-01"),
                                                  of: TestItem.self) {
            ids += items.map(\.id)
        }
        XCTAssertEqual(ids, (0 ..< 7).map { "o\($0)" })
        XCTAssertEqual(transport.apiRequests.map { "\($0.method) \($0.url.path)" }, [
            "POST /api/Products/Scroll", "GET /api/Products/Scroll/s1", "GET /api/Products/Scroll/s2",
            "GET /api/Products/Scroll/s3",
        ])
        XCTAssertTrue(transport.apiRequests[0].bodyText.contains(#""modifiedFrom":"2026-01-01""#))
    }

    func testScrollRestartsOnceAfterExpiry() async throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return Self.page(0 ..< 2, totalHits: 4, scrollId: "a")
            case 1: return .json(#""Scroll not found""#, status: 404)
            case 2: return Self.page(0 ..< 2, totalHits: 4, scrollId: "b")
            case 3: return Self.page(2 ..< 4, totalHits: 4, scrollId: "b")
            default: return Self.page(0 ..< 0, totalHits: 4, scrollId: "b")
            }
        }
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        var ids: [String] = []
        for try await items in client.scrollPages(resource: "Orders", request: Search(), of: TestItem.self) {
            ids += items.map(\.id)
        }
        XCTAssertEqual(clock.events.last, .scrollRestarted(path: "/api/Orders/Scroll", reason: "scroll id expired or unknown"))
        XCTAssertEqual(ids, ["o0", "o1", "o0", "o1", "o2", "o3"], "restart repeats the first batch (dedupe downstream)")
        XCTAssertEqual(transport.apiRequests.filter { $0.method == "POST" }.count, 2)
    }

    func testScrollExpiryWithoutRestartsIsAnError() async throws {
        let transport = ScriptedTransport { _, index in
            index == 0 ? Self.page(0 ..< 2, totalHits: 4, scrollId: "a") : .json(#""Scroll not found""#, status: 404)
        }
        let client = makeClient(transport)
        var delivered = 0
        let error = await assertOmniumError {
            for try await items in client.scrollPages(resource: "Orders", request: Search(), maxRestarts: 0,
                                                      of: TestItem.self) {
                delivered += items.count
            }
        }
        XCTAssertEqual(delivered, 2)
        XCTAssertEqual(error?.kind, .scrollExpired)
        XCTAssertEqual(error?.path, "/api/Orders/Scroll/a")
        XCTAssertEqual(error?.isRetryable, true)
    }

    func testScrollEndingShortOfTotalHitsRestarts() async throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return Self.page(0 ..< 2, totalHits: 4, scrollId: "a")
            case 1: return Self.page(0 ..< 0, totalHits: 4, scrollId: "a")
            case 2: return Self.page(0 ..< 2, totalHits: 4, scrollId: "b")
            case 3: return Self.page(2 ..< 4, totalHits: 4, scrollId: "b")
            default: return Self.page(0 ..< 0, totalHits: 4, scrollId: "b")
            }
        }
        let client = makeClient(transport)
        var count = 0
        for try await items in client.scrollPages(resource: "Orders", request: Search(), of: TestItem.self) {
            count += items.count
        }
        XCTAssertEqual(count, 6)
        XCTAssertEqual(transport.apiRequests.count, 5)
    }

    func testSearchThatReturnsAScrollIdContinuesOnItsScrollPath() async throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return Self.page(0 ..< 3, totalHits: 5, scrollId: "inv")
            case 1: return Self.page(3 ..< 5, totalHits: 5, scrollId: "inv")
            default: return Self.page(0 ..< 0, totalHits: 5, scrollId: "inv")
            }
        }
        let client = makeClient(transport)
        let start = try OmniumRequest.json(.post, "/api/Inventory/Search", body: Search(modifiedFrom: "x"))
        var count = 0
        for try await items in client.scrollPages(start: { start }, continuationPath: "/api/Inventory/Scroll",
                                                  of: TestItem.self) {
            count += items.count
        }
        XCTAssertEqual(count, 5)
        XCTAssertEqual(transport.apiRequests.map(\.url.path),
                       ["/api/Inventory/Search", "/api/Inventory/Scroll/inv", "/api/Inventory/Scroll/inv"])
    }

    func testSearchWithoutScrollIdIsOneBatch() async throws {
        let transport = ScriptedTransport { _, _ in Self.page(0 ..< 3, totalHits: 3) }
        let client = makeClient(transport)
        let start = try OmniumRequest.json(.post, "/api/Prices/Search", body: Search(modifiedFrom: "x"))
        var count = 0
        for try await items in client.scrollPages(start: { start }, continuationPath: "/api/Prices/Scroll",
                                                  of: TestItem.self) {
            count += items.count
        }
        XCTAssertEqual(count, 3)
        XCTAssertEqual(transport.apiRequests.count, 1)
    }

    func testLostContinuationAnswerRestartsInsteadOfRepeating() async throws {
        let transport = ScriptedTransport { request, index in
            switch index {
            case 0: return Self.page(0 ..< 2, totalHits: 4, scrollId: "a")
            case 1: return .json(#"{"totalHits": 1, "result": [{"id": "#)
            case 2: return Self.page(0 ..< 2, totalHits: 4, scrollId: "b")
            case 3: return Self.page(2 ..< 4, totalHits: 4, scrollId: "b")
            default: return Self.page(0 ..< 0, totalHits: 4, scrollId: "b")
            }
        }
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        var ids: [String] = []
        for try await items in client.scrollPages(resource: "Products", request: Search(), of: TestItem.self) {
            ids += items.map(\.id)
        }
        XCTAssertEqual(Set(ids), ["o0", "o1", "o2", "o3"])
        XCTAssertEqual(transport.apiRequests.map { "\($0.method) \($0.url.path)" }, [
            "POST /api/Products/Scroll", "GET /api/Products/Scroll/a", "POST /api/Products/Scroll",
            "GET /api/Products/Scroll/b", "GET /api/Products/Scroll/b",
        ], "the malformed continuation is not sent again")
        XCTAssertEqual(clock.events.last, .scrollRestarted(path: "/api/Products/Scroll", reason: "batch lost (malformedResponse)"))
    }

    func testRateLimitedContinuationIsRepeatedInPlace() async throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return Self.page(0 ..< 2, totalHits: 2, scrollId: "a")
            case 1: return HTTPTransportResponse(status: 429, headers: ["Retry-After": "2"])
            default: return Self.page(0 ..< 0, totalHits: 2, scrollId: "a")
            }
        }
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        var count = 0
        for try await items in client.scrollPages(resource: "Orders", request: Search(), of: TestItem.self) {
            count += items.count
        }
        XCTAssertEqual(count, 2)
        XCTAssertEqual(transport.apiRequests.count, 3)
        XCTAssertEqual(clock.recordedSleeps, [.seconds(2)])
    }

    func testServerErrorAnswerToAContinuationIsRepeatedInPlace() async throws {
        let transport = ScriptedTransport { _, index in
            switch index {
            case 0: return Self.page(0 ..< 2, totalHits: 4, scrollId: "a")
            case 1: return HTTPTransportResponse(status: 503)
            case 2: return Self.page(2 ..< 4, totalHits: 4, scrollId: "a")
            default: return Self.page(0 ..< 0, totalHits: 4, scrollId: "a")
            }
        }
        let client = makeClient(transport, clock: TestClock())
        var ids: [String] = []
        for try await items in client.scrollPages(resource: "Inventory", request: Search(), of: TestItem.self) {
            ids += items.map(\.id)
        }
        XCTAssertEqual(ids, ["o0", "o1", "o2", "o3"], "no batch twice, none lost")
        XCTAssertEqual(transport.apiRequests.map { "\($0.method) \($0.url.path)" }, [
            "POST /api/Inventory/Scroll", "GET /api/Inventory/Scroll/a", "GET /api/Inventory/Scroll/a",
            "GET /api/Inventory/Scroll/a",
        ], "the 503 answer delivered no batch, so the same continuation is asked again; no restart")
    }
}
