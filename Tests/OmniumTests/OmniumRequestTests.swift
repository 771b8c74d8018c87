import Foundation
import XCTest
@testable import Omnium

/// URL building, encoding and redaction of `OmniumRequest`.
final class OmniumRequestTests: XCTestCase {
    func testURLKeepsBasePathAndEncodesQueryStrictly() throws {
        let request = OmniumRequest(method: .post, path: "/api/token",
                                    query: [URLQueryItem(name: "clientId", value: "a b"),
                                            URLQueryItem(name: "clientSecret", value: "x+y&z=1")])
        let url = try XCTUnwrap(request.url(relativeTo: URL(string: "http://127.0.0.1:9000/tenant/")!))
        XCTAssertEqual(url.absoluteString, "http://127.0.0.1:9000/tenant/api/token?clientId=a%20b&clientSecret=x%2By%26z%3D1")
        XCTAssertEqual(request.redactedTarget, "/api/token?clientId=a%20b&clientSecret=***")
    }

    func testSegmentEscapesSlashesAndSpaces() {
        XCTAssertEqual(OmniumRequest.segment("shirt-yellow_no"), "shirt-yellow_no")
        XCTAssertEqual(OmniumRequest.segment("A/B 1"), "A%2FB%201")
    }

    func testRepeatedQueryKeysAreKept() throws {
        let request = OmniumRequest.get("/api/Inventory/SKU1", query: [
            URLQueryItem(name: "warehouseIds", value: "A"), URLQueryItem(name: "warehouseIds", value: "B"),
        ])
        let url = try XCTUnwrap(request.url(relativeTo: URL(string: "http://127.0.0.1")!))
        XCTAssertEqual(url.query, "warehouseIds=A&warehouseIds=B")
    }

    func testBatchAndScrollStartDetection() throws {
        XCTAssertTrue(OmniumRequest.get("/api/Orders/UpdateMany").isBatch)
        XCTAssertFalse(OmniumRequest.get("/api/Orders/Search").isBatch)
        XCTAssertTrue(try OmniumRequest.json(.post, "/api/Orders/Scroll", body: TestItem(id: "x")).isScrollStart)
        XCTAssertFalse(OmniumRequest.get("/api/Orders/Scroll/abc").isScrollStart)
    }

    func testErrorDescriptionIsOneLineAndTruncatesTheBody() {
        let body = String(repeating: "x", count: 2_000) + "\nsecond line"
        let error = OmniumError(kind: .serverError, method: "GET", path: "/api/Orders/1", status: 500, body: body,
                                attempts: 3)
        XCTAssertFalse(error.description.contains("\n"))
        XCTAssertLessThan(error.description.count, 700)
        XCTAssertTrue(error.description.hasPrefix("OmniumError.serverError: GET /api/Orders/1 -> 500 after 3 attempts"))
    }

    func testSecretEchoedInABodyIsRedacted() async throws {
        let transport = ScriptedTransport(steps: [.status(400, #""Bad secret \#(testSecret) or x%2B""#)])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.send(.get("/api/Orders/1")) }
        XCTAssertFalse(error?.description.contains(testSecret) ?? true)
        XCTAssertTrue(error?.body?.contains("***") ?? false)
    }
}
