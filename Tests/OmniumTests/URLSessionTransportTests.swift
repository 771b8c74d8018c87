import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import Omnium

/// The production transport's failure path over loopback (the success path runs against the
/// sandbox in the contract and end-to-end tests).
final class URLSessionTransportTests: XCTestCase {
    /// A loopback port that nothing listens on: bound, read, closed.
    private func closedPort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        XCTAssertEqual(bound, 0)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        XCTAssertEqual(named, 0)
        return UInt16(bigEndian: address.sin_port)
    }

    func testRefusedConnectionIsAURLErrorAndBecomesConnectionKind() async throws {
        let port = try closedPort()
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/api/Stores"))
        do {
            _ = try await URLSessionTransport().send(HTTPTransportRequest(method: "GET", url: url, timeout: 5))
            XCTFail("nothing listens there")
        } catch let error as URLError {
            XCTAssertNotEqual(error.code, .timedOut)
        }

        let configuration = OmniumConfiguration(
            baseURL: try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)")), clientId: "flow-api",
            clientSecret: testSecret, requestTimeout: 5, retryPolicy: OmniumRetryPolicy(maxAttempts: 2, jitter: .none))
        let clock = TestClock()
        let client = OmniumClient(configuration: configuration, environment: clock.environment)
        let error = await assertOmniumError { try await client.stores() }
        XCTAssertEqual(error?.kind, .connection)
        XCTAssertEqual(error?.path, "/api/token?clientId=flow-api&clientSecret=***&returnAsJson=true")
        XCTAssertEqual(error?.attempts, 2)
        XCTAssertFalse(error?.description.contains("s3cr3t") ?? true)
    }

    func testRealExchangeOverLoopback() async throws {
        let responder = try LoopbackResponder { head, _ in
            if head.hasPrefix("POST /api/token?") {
                return .init(status: 200, headers: ["Content-Type": "application/json"],
                             body: #"{"accessToken":"abc","tokenType":"Bearer","expiresIn":864000}"#)
            }
            if head.hasPrefix("GET /api/Stores/busy") {
                return .init(status: 429, headers: ["Retry-After": "1"], body: #""Too many requests""#)
            }
            if head.hasPrefix("POST /api/Orders/Search") {
                return .init(status: 200, headers: ["Content-Type": "application/json"],
                             body: #"{"totalHits":1,"result":[{"id":"W-1","modified":"2025-01-02T03:04:05.1234567Z"}]}"#)
            }
            return .init(status: 404, body: #""Store was not found""#)
        }
        defer { responder.stop() }
        let configuration = OmniumConfiguration(
            baseURL: try XCTUnwrap(URL(string: "http://127.0.0.1:\(responder.port)")), clientId: "flow-api",
            clientSecret: testSecret, requestTimeout: 5,
            retryPolicy: OmniumRetryPolicy(maxAttempts: 2, jitter: .none))
        let clock = TestClock()
        let client = OmniumClient(configuration: configuration, environment: clock.environment)

        let found = try await client.searchOrders(OmniumOrderSearchRequest(take: 10, page: 0))
        XCTAssertEqual(found.result.first?.id, "W-1")

        let missing = await assertOmniumError { try await client.store(id: "nowhere") }
        XCTAssertEqual(missing?.kind, .notFound)
        XCTAssertEqual(missing?.body, #""Store was not found""#)

        let busy = await assertOmniumError { try await client.store(id: "busy") }
        XCTAssertEqual(busy?.kind, .rateLimited)
        XCTAssertEqual(busy?.retryAfter, .seconds(1), "Retry-After read through URLSession's headers")
        XCTAssertEqual(clock.recordedSleeps, [.seconds(1)])

        let heads = responder.requestHeads
        XCTAssertTrue(heads[0].hasPrefix("POST /api/token?clientId=flow-api&clientSecret=s3cr3t%2BKey%26more&returnAsJson=true"),
                      heads[0])
        XCTAssertTrue(heads[1].lowercased().contains("authorization: bearer abc"), heads[1])
        XCTAssertTrue(heads[1].lowercased().contains("content-type: application/json"), heads[1])
    }
}
