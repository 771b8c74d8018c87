import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

final class SearchPagingTests: XCTestCase {
    func testPagingRules() throws {
        XCTAssertEqual(try SearchPaging(take: nil, page: nil), try SearchPaging(take: 20, page: 0))
        XCTAssertEqual(try SearchPaging(take: 100, page: 100).range, 10_000..<10_100)
        XCTAssertEqual(try SearchPaging(take: 1, page: 10_000).range, 10_000..<10_001)
        for (take, page) in [(101, 0), (0, 0), (-1, 0), (10, -1), (1, 10_001), (100, 101), (Int.max, 2)] {
            XCTAssertThrowsError(try SearchPaging(take: take, page: page), "take \(take) page \(page)") { error in
                XCTAssertEqual((error as? SandboxError)?.status, .badRequest)
            }
        }
    }

    func testSearchRouteAppliesPagingEdges() throws {
        let harness = try SandboxTestHarness()
        let token = try harness.token()
        func status(_ body: String) -> Int {
            harness.send(.POST, "/api/Orders/Search", body: body, token: token).status.code
        }
        XCTAssertEqual(status(#"{"take": 100}"#), 200)
        XCTAssertEqual(status(#"{"take": 101}"#), 400)
        XCTAssertEqual(status(#"{"take": 0}"#), 400)
        XCTAssertEqual(status(#"{"take": 100, "page": 100}"#), 200)
        XCTAssertEqual(status(#"{"take": 1, "page": 10001}"#), 400)
        XCTAssertEqual(status(#"{"Take": 101}"#), 400, "property names are case-insensitive")
        let tooMany = harness.send(.POST, "/api/Orders/Search", body: #"{"take": 100, "page": 101}"#, token: token)
        XCTAssertEqual(tooMany.text, "\"take * page must not exceed 10000; use Scroll\"")
    }

    func testPagesSliceTheOrderedMatches() throws {
        let harness = try SandboxTestHarness()
        let token = try harness.token()
        let all = try harness.send(.POST, "/api/Orders/Search", body: #"{"take": 100, "sortOrder": "ModifiedAscending"}"#,
                                   token: token).decoded(OmniumSearchResult<OmniumOrder>.self)
        XCTAssertGreaterThan(all.totalHits, 5)
        XCTAssertEqual(all.facets, [])
        let second = try harness.send(.POST, "/api/Orders/Search",
                                      body: #"{"Take": 3, "Page": 1, "SortOrder": "modifiedascending"}"#, token: token)
            .decoded(OmniumSearchResult<OmniumOrder>.self)
        XCTAssertEqual(second.totalHits, all.totalHits)
        XCTAssertEqual(second.result.map(\.id), all.result[3..<6].map(\.id))
        let defaultTake = try harness.send(.POST, "/api/Orders/Search", body: "", token: token)
            .decoded(OmniumSearchResult<OmniumOrder>.self)
        XCTAssertEqual(defaultTake.result.count, min(20, all.totalHits))
    }

    func testSortOrderAndMalformedBodyAre400() throws {
        let harness = try SandboxTestHarness()
        let token = try harness.token()
        let unknown = harness.send(.POST, "/api/Orders/Search", body: #"{"sortOrder": "Sideways"}"#, token: token)
        XCTAssertEqual(unknown.status, .badRequest)
        XCTAssertEqual(unknown.text, "\"Unknown sortOrder 'Sideways'\"")
        let malformed = harness.send(.POST, "/api/Orders/Search", body: #"{"take": "#, token: token)
        XCTAssertEqual(malformed.status, .badRequest)
    }

    func testModifiedFromIsInclusive() throws {
        let harness = try SandboxTestHarness()
        let token = try harness.token()
        let all = try harness.send(.POST, "/api/Orders/Search", body: #"{"take": 100, "sortOrder": "ModifiedAscending"}"#,
                                   token: token).decoded(OmniumSearchResult<OmniumOrder>.self)
        let pivot = try XCTUnwrap(all.result[all.result.count / 2].modified)
        let stamp = OmniumDateFormat.string(from: pivot)
        let after = try harness.send(.POST, "/api/Orders/Search",
                                     body: #"{"take": 100, "sortOrder": "ModifiedAscending", "ModifiedFrom": "\#(stamp)"}"#,
                                     token: token).decoded(OmniumSearchResult<OmniumOrder>.self)
        XCTAssertEqual(after.result.first?.modified, pivot)
        XCTAssertEqual(after.totalHits, all.result.filter { ($0.modified ?? .distantPast) >= pivot }.count)
        let window = try harness.send(.POST, "/api/Orders/Search",
                                      body: #"{"modifiedFrom": "\#(stamp)", "modifiedTo": "\#(stamp)"}"#,
                                      token: token).decoded(OmniumSearchResult<OmniumOrder>.self)
        XCTAssertEqual(window.result.map(\.modified), Array(repeating: pivot, count: window.totalHits))
    }
}
