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
