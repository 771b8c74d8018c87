import Foundation
import XCTest
@testable import HTTPServer

final class HTTPRequestParserTests: XCTestCase {
    // MARK: - Helpers

    private func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) throws -> HTTPRequest? {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(text.utf8))
        return try parser.nextRequest()
    }

    private func assertStatus(_ text: String, _ status: HTTPStatus, limits: HTTPLimits = HTTPLimits(),
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(text, limits: limits), file: file, line: line) { error in
            XCTAssertEqual((error as? HTTPParseError)?.status, status, "\(error)", file: file, line: line)
        }
    }

    // MARK: - Valid requests

    func testParsesRequestLineHeadersAndQuery() throws {
        let request = try XCTUnwrap(try parse(
            "GET /api/Stores/oslo%20sentrum?filterPublicVisible=true&name=a+b%26c&flag HTTP/1.1\r\nHost: x\r\nX-Id:  7 \r\n\r\n"))
        XCTAssertEqual(request.method, .GET)
        XCTAssertEqual(request.path, "/api/Stores/oslo%20sentrum")
        XCTAssertEqual(request.decodedPath, "/api/Stores/oslo sentrum")
        XCTAssertEqual(request.queryItems, [
            HTTPQueryItem(name: "filterPublicVisible", value: "true"),
            HTTPQueryItem(name: "name", value: "a b&c"),
            HTTPQueryItem(name: "flag", value: ""),
        ])
        XCTAssertEqual(request.queryValue("FILTERPUBLICVISIBLE", caseInsensitive: true), "true")
        XCTAssertNil(request.queryValue("FILTERPUBLICVISIBLE"))
        XCTAssertEqual(request.headers["x-id"], "7")
        XCTAssertEqual(request.version, .http11)
        XCTAssertTrue(request.body.isEmpty)
        XCTAssertTrue(request.isKeepAlive)
    }

    func testReadsContentLengthBodyFedByteByByte() throws {
        let text = "POST /api/Orders/Search HTTP/1.1\r\nContent-Length: 11\r\n\r\n{\"take\":10}"
        var parser = HTTPRequestParser()
        var request: HTTPRequest?
        for byte in Array(text.utf8) {
            XCTAssertNil(request)
            parser.append([byte])
            request = try parser.nextRequest()
        }
        XCTAssertEqual(request.map { String(decoding: $0.body, as: UTF8.self) }, "{\"take\":10}")
        XCTAssertFalse(parser.hasPartialRequest)
    }

    func testKeepsPipelinedRequestsApart() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /b HTTP/1.1\r\n\r\n\r\nGET /c HTTP/1.0\r\n\r\n".utf8))
        XCTAssertEqual(try parser.nextRequest()?.path, "/a")
        XCTAssertEqual(try parser.nextRequest()?.path, "/b")
        let third = try XCTUnwrap(try parser.nextRequest())
        XCTAssertEqual(third.path, "/c")
        XCTAssertFalse(third.isKeepAlive)
        XCTAssertNil(try parser.nextRequest())
    }

    func testReportsExpectContinueUntilBodyArrives() throws {
        var parser = HTTPRequestParser()
        parser.append(Array("PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        XCTAssertNil(try parser.nextRequest())
        XCTAssertTrue(parser.isAwaitingContinue)
        parser.append(Array("ok".utf8))
        XCTAssertEqual(try parser.nextRequest()?.body, Data("ok".utf8))
        XCTAssertFalse(parser.isAwaitingContinue)
    }

    func testConnectionHeaderDecidesKeepAlive() throws {
        XCTAssertFalse(try XCTUnwrap(parse("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n")).isKeepAlive)
        XCTAssertTrue(try XCTUnwrap(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")).isKeepAlive)
    }

    // MARK: - Refused requests

    func testRefusesMalformedSyntaxWith400() {
        assertStatus("GET /\r\n\r\n", .badRequest)
        assertStatus("GET  / HTTP/1.1\r\n\r\n", .badRequest)
        assertStatus("G(T / HTTP/1.1\r\n\r\n", .badRequest)
        assertStatus("GET http://x/ HTTP/1.1\r\n\r\n", .badRequest)
        assertStatus("GET /%zz HTTP/1.1\r\n\r\n", .badRequest)
        assertStatus("GET / HTTP/1.1\r\nNoColon\r\n\r\n", .badRequest)
        assertStatus("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n", .badRequest)
        assertStatus("GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", .badRequest)
        assertStatus("GET / HTTP/1.1\r\nA: b\u{1}c\r\n\r\n", .badRequest)
        assertStatus("GET / HTTPS/1.1\r\n\r\n", .badRequest)
    }

    func testRefusesBadContentLength() {
        assertStatus("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", .badRequest)
        assertStatus("POST / HTTP/1.1\r\nContent-Length: 1e3\r\n\r\n", .badRequest)
        assertStatus("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", .badRequest)
        assertStatus("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", .badRequest)
    }

    func testAcceptsRepeatedEqualContentLength() throws {
        XCTAssertEqual(try parse("POST / HTTP/1.1\r\nContent-Length: 2, 2\r\n\r\nab")?.body.count, 2)
    }

    func testIgnoresAFewEmptyLinesBeforeARequest() throws {
        let request = try parse("\r\n\r\nGET /a HTTP/1.1\r\n\r\n")
        XCTAssertEqual(request?.path, "/a")
    }

    /// A peer trickling bare CRLFs would otherwise keep the connection "idle" (each read restarting
    /// the idle timeout) and its buffer growing, holding a server thread forever.
    func testRefusesAnEndlessRunOfEmptyLinesWith400() {
        var parser = HTTPRequestParser()
        XCTAssertThrowsError(try {
            for _ in 0 ..< 1_000 {
                parser.append(Array("\r\n".utf8))
                _ = try parser.nextRequest()
            }
        }()) { error in
            XCTAssertEqual((error as? HTTPParseError)?.status, .badRequest)
        }
    }

    func testRefusesTransferEncodingWith411() {
        assertStatus("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", .lengthRequired)
    }

    func testRefusesUnsupportedVersionWith505() {
        assertStatus("GET / HTTP/2.0\r\n\r\n", .httpVersionNotSupported)
    }

    func testEnforcesLimits() {
        let limits = HTTPLimits(maxRequestLineLength: 64, maxHeaderBytes: 128, maxHeaderCount: 3, maxBodyBytes: 10)
        assertStatus("GET /\(String(repeating: "a", count: 80)) HTTP/1.1\r\n\r\n", .uriTooLong, limits: limits)
        assertStatus("GET /\(String(repeating: "a", count: 80))", .uriTooLong, limits: limits)
        assertStatus("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", .requestHeaderFieldsTooLarge, limits: limits)
        assertStatus("GET / HTTP/1.1\r\nA: \(String(repeating: "x", count: 200))\r\n\r\n",
                     .requestHeaderFieldsTooLarge, limits: limits)
        assertStatus("GET / HTTP/1.1\r\nA: \(String(repeating: "x", count: 400))", .requestHeaderFieldsTooLarge, limits: limits)
        assertStatus("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", .payloadTooLarge, limits: limits)
        XCTAssertNoThrow(try parse("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789", limits: limits))
    }

    // MARK: - In-memory requests

    func testBuildsRequestFromTarget() throws {
        let request = try HTTPRequest(method: .GET, target: "/api/Inventory/SKU%2F1?warehouseIds=A&warehouseIds=B")
        XCTAssertEqual(request.decodedPath, "/api/Inventory/SKU/1")
        XCTAssertEqual(request.queryValues("warehouseIds"), ["A", "B"])
        XCTAssertThrowsError(try HTTPRequest(method: .GET, target: "no-slash"))
    }

    func testHeadersAreCaseInsensitiveAndReplaceable() {
        var headers: HTTPHeaders = ["Content-Type": "a", "X": "1"]
        headers.add(name: "x", value: "2")
        XCTAssertEqual(headers.values(for: "X"), ["1", "2"])
        headers.replaceOrAdd(name: "X", value: "3")
        XCTAssertEqual(headers.values(for: "x"), ["3"])
        headers.remove(name: "CONTENT-TYPE")
        XCTAssertNil(headers["content-type"])
        XCTAssertEqual(headers.count, 1)
    }
}
