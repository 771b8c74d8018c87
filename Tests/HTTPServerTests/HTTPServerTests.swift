import Foundation
import XCTest
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

final class HTTPServerTests: XCTestCase {
    private var server: HTTPServer?

    override func tearDown() {
        server?.stop()
        server = nil
        super.tearDown()
    }

    // MARK: - Helpers

    /// Echo responder: `METHOD decodedPath body`; special paths return fault directives.
    private struct EchoResponder: HTTPResponder {
        func respond(to request: HTTPRequest) -> HTTPResponse {
            switch request.decodedPath {
            case "/drop":
                return HTTPResponse(status: .ok, directive: .dropConnection)
            case "/truncate":
                return HTTPResponse(status: .ok, body: Data("0123456789".utf8), directive: .truncateBody(bytes: 4))
            default:
                let text = "\(request.method) \(request.decodedPath) \(String(decoding: request.body, as: UTF8.self))"
                return .text(text)
            }
        }
    }

    private func startServer(_ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                             responder: any HTTPResponder = EchoResponder()) throws -> UInt16 {
        let server = HTTPServer(configuration: configuration, responder: responder)
        self.server = server
        let port = try server.start()
        XCTAssertGreaterThan(port, 0)
        return port
    }

    // MARK: - Keep-alive and closing

    func testServesSeveralRequestsOnOneKeptAliveConnection() throws {
        let client = try LoopbackClient(port: try startServer())
        try client.send("GET /a%20b HTTP/1.1\r\nHost: x\r\n\r\n")
        let first = try XCTUnwrap(try client.readResponse())
        XCTAssertEqual(first.statusCode, 200)
        XCTAssertEqual(String(decoding: first.body, as: UTF8.self), "GET /a b ")
        XCTAssertNil(first.headers["Connection"])
        try client.send("POST /b HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello")
        let second = try XCTUnwrap(try client.readResponse())
        XCTAssertEqual(String(decoding: second.body, as: UTF8.self), "POST /b hello")
    }

    func testARequestArrivesWhenItsFirstBytesAreRead() throws {
        final class Arrivals: HTTPResponder, @unchecked Sendable {
            private let lock = NSLock()
            var seen: [(arrival: ContinuousClock.Instant, handled: ContinuousClock.Instant)] = []
            func respond(to request: HTTPRequest) -> HTTPResponse {
                lock.withLock { seen.append((request.arrival, .now)) }
                return .text("ok")
            }
        }
        let arrivals = Arrivals()
        let client = try LoopbackClient(port: try startServer(responder: arrivals))
        let beforeSending = ContinuousClock.now
        try client.send("GET /a HTTP/1.1\r\n")
        try client.send("Host: x\r\n\r\n")
        XCTAssertEqual(try client.readResponse()?.statusCode, 200)
        let afterFirst = ContinuousClock.now
        try client.send("GET /b HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(try client.readResponse()?.statusCode, 200)
        XCTAssertEqual(arrivals.seen.count, 2)
        XCTAssertTrue(beforeSending <= arrivals.seen[0].arrival && arrivals.seen[0].arrival <= arrivals.seen[0].handled)
        XCTAssertTrue(afterFirst <= arrivals.seen[1].arrival && arrivals.seen[1].arrival <= arrivals.seen[1].handled,
                      "a kept-alive connection's next request arrives when its own bytes are read")
    }

    func testClosesAfterConnectionCloseAndHTTP10() throws {
        let port = try startServer()
        for head in ["GET / HTTP/1.1\r\nConnection: close\r\n\r\n", "GET / HTTP/1.0\r\n\r\n"] {
            let client = try LoopbackClient(port: port)
            try client.send(head)
            let response = try XCTUnwrap(try client.readResponse())
            XCTAssertEqual(response.headers["Connection"], "close")
            XCTAssertTrue(client.isClosedByServer())
        }
    }

    func testAnswersMalformedRequestWith400AndCloses() throws {
        let client = try LoopbackClient(port: try startServer())
        try client.send("BROKEN\r\n\r\n")
        XCTAssertEqual(try client.readResponse()?.statusCode, 400)
        XCTAssertTrue(client.isClosedByServer())
    }

    func testAnswersChunkedBodyWith411() throws {
        let client = try LoopbackClient(port: try startServer())
        try client.send("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        XCTAssertEqual(try client.readResponse()?.statusCode, 411)
    }

    func testSendsContinueBeforeBody() throws {
        let client = try LoopbackClient(port: try startServer())
        try client.send("PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        XCTAssertEqual(try client.readResponse()?.statusCode, 100)
        try client.send("ok")
        XCTAssertEqual(try client.readResponse().map { String(decoding: $0.body, as: UTF8.self) }, "PUT /x ok")
    }

    // MARK: - Timeouts and limits

    func testClosesIdleKeepAliveConnection() throws {
        let client = try LoopbackClient(port: try startServer(HTTPServerConfiguration(idleTimeout: .milliseconds(50))))
        try client.send("GET / HTTP/1.1\r\n\r\n")
        XCTAssertEqual(try client.readResponse()?.statusCode, 200)
        XCTAssertTrue(client.isClosedByServer())
    }

    func testAnswersSlowRequestWith408() throws {
        let client = try LoopbackClient(port: try startServer(HTTPServerConfiguration(readTimeout: .milliseconds(50))))
        try client.send("GET / HTTP/1.1\r\nHost:")
        XCTAssertEqual(try client.readResponse()?.statusCode, 408)
    }

    func testAnswers503OverTheConnectionCap() throws {
        let port = try startServer(HTTPServerConfiguration(maxConnections: 1))
        let first = try LoopbackClient(port: port)
        try first.send("GET / HTTP/1.1\r\n\r\n")
        XCTAssertEqual(try first.readResponse()?.statusCode, 200)
        let second = try LoopbackClient(port: port)
        let refused = try XCTUnwrap(try second.readResponse())
        XCTAssertEqual(refused.statusCode, 503)
        XCTAssertEqual(refused.headers["Retry-After"], "1")
    }

    func testAnswersOversizedBodyWith413() throws {
        let limits = HTTPLimits(maxBodyBytes: 16)
        let client = try LoopbackClient(port: try startServer(HTTPServerConfiguration(limits: limits)))
        try client.send("POST / HTTP/1.1\r\nContent-Length: 17\r\n\r\n")
        XCTAssertEqual(try client.readResponse()?.statusCode, 413)
    }

    // MARK: - Fault directives

    func testDropDirectiveClosesWithoutAnswer() throws {
        let client = try LoopbackClient(port: try startServer())
        try client.send("GET /drop HTTP/1.1\r\n\r\n")
        XCTAssertEqual(client.readToEnd(), [])
    }

    func testTruncateDirectiveDeclaresFullLengthAndSendsLess() throws {
        let client = try LoopbackClient(port: try startServer())
        try client.send("GET /truncate HTTP/1.1\r\n\r\n")
        let text = String(decoding: client.readToEnd(), as: UTF8.self)
        XCTAssertTrue(text.contains("Content-Length: 10\r\n"), text)
        XCTAssertTrue(text.hasSuffix("\r\n\r\n0123"), text)
    }

    // MARK: - Lifecycle

    func testStopLetsInFlightRequestFinishThenRefusesConnections() throws {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let port = try startServer(responder: ClosureResponder { _ in
            entered.signal()
            release.wait()
            return .text("done")
        })
        let client = try LoopbackClient(port: port)
        try client.send("GET / HTTP/1.1\r\n\r\n")
        entered.wait()
        let stopped = DispatchSemaphore(value: 0)
        let server = try XCTUnwrap(self.server)
        DispatchQueue.global().async {
            server.stop()
            stopped.signal()
        }
        release.signal()
        XCTAssertEqual(try client.readResponse().map { String(decoding: $0.body, as: UTF8.self) }, "done")
        stopped.wait()
        XCTAssertNil(server.port)
        XCTAssertThrowsError(try Socket.connect(port: port)) { error in
            XCTAssertEqual((error as? SocketError)?.call, "connect")
        }
        server.stop()
    }

    func testStopClosesIdleKeepAliveConnections() throws {
        let port = try startServer()
        let client = try LoopbackClient(port: port)
        try client.send("GET / HTTP/1.1\r\n\r\n")
        XCTAssertEqual(try client.readResponse()?.statusCode, 200)
        XCTAssertEqual(server?.openConnectionCount, 1)
        server?.stop()
        XCTAssertEqual(server?.openConnectionCount, 0)
        XCTAssertTrue(client.isClosedByServer())
    }

    func testBindingABusyPortThrowsSocketErrorNamingBind() throws {
        let port = try startServer()
        let second = HTTPServer(configuration: HTTPServerConfiguration(port: port), responder: EchoResponder())
        XCTAssertThrowsError(try second.start()) { error in
            XCTAssertEqual((error as? SocketError)?.call, "bind")
            XCTAssertEqual((error as? SocketError)?.errno, EADDRINUSE)
        }
    }
}
