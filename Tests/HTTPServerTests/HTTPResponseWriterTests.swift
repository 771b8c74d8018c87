import Foundation
import XCTest
@testable import HTTPServer

final class HTTPResponseWriterTests: XCTestCase {
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
