import Foundation
import XCTest
@testable import HTTPServer
#if canImport(Glibc)
import Glibc
#endif

/// Throws thousands of random, truncated and oversized requests at a live server, then checks it
/// still answers a valid request. Seeded, so a failure reproduces.
final class HTTPServerFuzzTests: XCTestCase {
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let valid = Array("POST /api/Orders/Search?take=10 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}".utf8)

    private static func makeInput(_ random: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: // random bytes
            return (0..<Int.random(in: 0...2048, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case 1: // a valid request cut short
            return Array(valid.prefix(Int.random(in: 0..<valid.count, using: &random)))
        case 2: // a valid request with random bytes flipped
            var bytes = valid
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            return bytes
        case 3: // oversized request line or header
            let filler = String(repeating: "a", count: Int.random(in: 9_000...70_000, using: &random))
            return Array((Bool.random(using: &random) ? "GET /\(filler) HTTP/1.1\r\n\r\n"
                                                      : "GET / HTTP/1.1\r\nX: \(filler)\r\n\r\n").utf8)
        case 4: // too many headers or absurd lengths
            let headers = (0..<Int.random(in: 90...300, using: &random)).map { "H\($0): v\r\n" }.joined()
            let length = ["-5", "99999999999", "1, 2", "abc", "4294967296"].randomElement(using: &random)!
            return Array("POST / HTTP/1.1\r\nContent-Length: \(length)\r\n\(headers)\r\n".utf8)
        default: // several pipelined requests, the last one broken
            return valid + valid + Array("GET / HTTP/9.9\r\n\r\n".utf8)
        }
    }

    func testSurvivesHostileInputThenServesValidRequest() throws {
        let configuration = HTTPServerConfiguration(
            limits: HTTPLimits(maxBodyBytes: 1024 * 1024), idleTimeout: .milliseconds(200),
            readTimeout: .milliseconds(500))
        let server = HTTPServer(configuration: configuration, responder: ClosureResponder { _ in .text("ok") })
        let port = try server.start()
        defer { server.stop() }

        let workers = 4
        let perWorker = 500
        let started = Date()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var random = SplitMix64(state: 42 &+ UInt64(worker))
            for _ in 0..<perWorker where Date().timeIntervalSince(started) < 30 {
                let input = Self.makeInput(&random)
                guard let socket = try? Socket.connect(port: port) else { continue }
                try? socket.setReceiveTimeout(milliseconds: 2000)
                try? socket.write(input)
                socket.shutdown(Int32(SHUT_WR))
                var sink = [UInt8](repeating: 0, count: 4096)
                while let count = try? sink.withUnsafeMutableBytes({ try socket.read(into: $0) }), count > 0 {}
                socket.close()
            }
        }

        let client = try LoopbackClient(port: port)
        try client.send(Self.valid)
        let response = try XCTUnwrap(try client.readResponse())
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "ok")
    }
}
