import Foundation
import XCTest
@testable import Omnium

/// An early renewal that fails must not stop a token that is still valid.
final class OmniumTokenRenewalTests: XCTestCase {
    func testFailedEarlyRenewalKeepsUsingTheStillValidToken() async throws {
        let transport = ScriptedTransport(tokenResponder: { _, index in
            index == 0 ? .json(#"{"accessToken":"token-1","tokenType":"Bearer","expiresIn":864000}"#)
                : HTTPTransportResponse(status: 503, headers: [:], body: Data())
        }, steps: [.status(200, #"{"id":"oslo"}"#)])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(.get("/api/Stores/oslo"), as: TestItem.self)
        clock.advance(864_000 - 1_800)
        _ = try await client.send(.get("/api/Stores/oslo"), as: TestItem.self)
        XCTAssertGreaterThan(transport.tokenRequests.count, 1, "a renewal was tried")
        XCTAssertEqual(transport.apiRequests.last?.headers["Authorization"], "Bearer token-1")
    }

    /// Server clock 3 h behind ours: the JWT's absolute `exp` is already past locally, yet the
    /// token is valid for 2 h. Counting from `iat` keeps it instead of renewing on every call.
    func testJWTLifetimeCountsFromIssuedAtNotFromASkewedServerClock() async throws {
        let clock = TestClock()
        let iat = Int(clock.now.timeIntervalSince1970) - 10_800
        let payload = Data(#"{"sub":"flow","iat":\#(iat),"exp":\#(iat + 7_200)}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
        let jwt = "eyJhbGciOiJIUzI1NiJ9.\(payload).c2ln"
        let transport = ScriptedTransport(
            tokenResponder: { _, _ in HTTPTransportResponse(status: 200, body: Data(jwt.utf8)) },
            steps: [.status(200, #"{"id":"oslo"}"#)])
        let client = makeClient(transport, clock: clock)
        for _ in 0 ..< 3 {
            _ = try await client.send(.get("/api/Stores/oslo"), as: TestItem.self)
            clock.advance(60)
        }
        XCTAssertEqual(transport.tokenRequests.count, 1)
    }

    func testFailedRenewalOfAnExpiredTokenFails() async throws {
        let transport = ScriptedTransport(tokenResponder: { _, index in
            index == 0 ? .json(#"{"accessToken":"token-1","tokenType":"Bearer","expiresIn":864000}"#)
                : HTTPTransportResponse(status: 503, headers: [:], body: Data())
        }, steps: [.status(200, #"{"id":"oslo"}"#)])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(.get("/api/Stores/oslo"), as: TestItem.self)
        clock.advance(864_000 + 10)
        let error = await assertOmniumError { try await client.send(.get("/api/Stores/oslo"), as: TestItem.self) }
        XCTAssertEqual(error?.kind, .serverError)
        XCTAssertEqual(transport.apiRequests.count, 1)
    }
}
