import Foundation
import XCTest
@testable import HTTPServer

final class HTTPMiddlewareTests: XCTestCase {
    private struct Tagging: HTTPMiddleware {
        let tag: String
        func respond(to request: HTTPRequest, next: any HTTPResponder) -> HTTPResponse {
            var request = request
            request.headers.add(name: "X-Trail", value: tag)
            var response = next.respond(to: request)
            response.headers.add(name: "X-Back", value: tag)
            return response
        }
    }

    func testMiddlewaresRunOutermostFirstAndUnwindInReverse() throws {
        let responder = ([Tagging(tag: "a"), Tagging(tag: "b")] as [any HTTPMiddleware]).wrapping(ClosureResponder { request in
            .text(request.headers.values(for: "X-Trail").joined(separator: ","))
        })
        let response = responder.respond(to: try HTTPRequest(method: .GET, target: "/"))
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "a,b")
        XCTAssertEqual(response.headers.values(for: "X-Back"), ["b", "a"])
    }

    func testResponseWriterOwnsFraming() {
        var response = HTTPResponse.text("hi")
        response.headers.add(name: "Content-Length", value: "99")
        response.headers.add(name: "X-Evil", value: "a\r\nInjected: yes")
        let head = String(decoding: HTTPResponseWriter.head(for: response, closing: true), as: UTF8.self)
        XCTAssertTrue(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        XCTAssertTrue(head.contains("Content-Length: 2\r\n"))
        XCTAssertFalse(head.contains("99"))
        XCTAssertTrue(head.contains("X-Evil: aInjected: yes\r\n"))
        XCTAssertTrue(head.hasSuffix("Connection: close\r\n\r\n"))
    }
}
