import Foundation
import XCTest
@testable import Omnium

/// Token handling, retries and error classification of `OmniumClient` against a scripted transport.
final class OmniumClientTests: XCTestCase {
    private let store = OmniumRequest.get("/api/Stores/oslo")
    private let okItem = Step.status(200, #"{"id":"oslo"}"#)

    // MARK: - Token

    func testFetchesTokenWithQueryParametersOnceAndReusesIt() async throws {
        let transport = ScriptedTransport(steps: [okItem])
        let client = makeClient(transport)
        _ = try await client.send(store, as: TestItem.self)
        _ = try await client.send(store, as: TestItem.self)

        XCTAssertEqual(transport.tokenRequests.count, 1)
        let token = try XCTUnwrap(transport.tokenRequests.first)
        XCTAssertEqual(token.method, "POST")
        XCTAssertNil(token.body)
        XCTAssertEqual(token.query("clientId"), "flow-api")
        XCTAssertEqual(token.query("clientSecret"), testSecret)
        XCTAssertEqual(token.query("returnAsJson"), "true")
        XCTAssertNil(token.headers["Authorization"])
        XCTAssertEqual(transport.apiRequests.map { $0.headers["Authorization"] }, ["Bearer token-1", "Bearer token-1"])
    }

    func testRenewsTokenWhenLessThanAnHourIsLeft() async throws {
        let transport = ScriptedTransport(steps: [okItem])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(store, as: TestItem.self)
        clock.advance(864_000 - 3_700)
        _ = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(transport.tokenRequests.count, 1, "still more than an hour left")
        clock.advance(200)
        _ = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(transport.tokenRequests.count, 2)
        XCTAssertEqual(transport.apiRequests.last?.headers["Authorization"], "Bearer token-2")
        XCTAssertEqual(clock.events, [.tokenFetched(reason: "first use"), .tokenFetched(reason: "expiring")])
    }

    func testReadsPlainStringTokenStripsQuotesAndUsesJWTExpiry() async throws {
        let clock = TestClock()
        let exp = Int(clock.now.timeIntervalSince1970) + 7_200
        let payload = Data(#"{"sub":"flow","exp":\#(exp)}"#.utf8).base64EncodedString()
            .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
        let jwt = "eyJhbGciOiJIUzI1NiJ9.\(payload).c2ln"
        let transport = ScriptedTransport(
            tokenResponder: { _, _ in HTTPTransportResponse(status: 200, body: Data("\"\(jwt)\"\n".utf8)) },
            steps: [okItem])
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(transport.apiRequests.first?.headers["Authorization"], "Bearer \(jwt)")
        clock.advance(3_000)
        _ = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(transport.tokenRequests.count, 1, "4200 s left of a 2-hour token")
        clock.advance(1_300)
        _ = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(transport.tokenRequests.count, 2, "under an hour left")
    }

    func testConcurrentFirstRequestsShareOneTokenFetch() async throws {
        let transport = ScriptedTransport(steps: [okItem])
        let client = makeClient(transport)
        let store = store
        try await withThrowingTaskGroup(of: TestItem.self) { group in
            for _ in 0 ..< 10 { group.addTask { try await client.send(store, as: TestItem.self) } }
            for try await _ in group {}
        }
        XCTAssertEqual(transport.tokenRequests.count, 1)
    }

    func testUnauthorizedRenewsTokenAndRetriesOnce() async throws {
        let transport = ScriptedTransport(steps: [.status(401, #""Unauthorized""#), okItem])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        let item = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(item.id, "oslo")
        XCTAssertEqual(transport.tokenRequests.count, 2)
        XCTAssertEqual(transport.apiRequests.map { $0.headers["Authorization"] }, ["Bearer token-1", "Bearer token-2"])
        XCTAssertEqual(clock.recordedSleeps, [], "a renewal is not a backoff")
        XCTAssertEqual(clock.events, [.tokenFetched(reason: "first use"), .tokenFetched(reason: "401")])
    }

    func testSecondUnauthorizedIsFatal() async throws {
        let transport = ScriptedTransport(steps: [.status(401, #""Unauthorized""#)])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
        XCTAssertEqual(error?.kind, .unauthorized)
        XCTAssertEqual(error?.status, 401)
        XCTAssertEqual(error?.isFatal, true)
        XCTAssertEqual(error?.isPermanent, true)
        XCTAssertEqual(transport.tokenRequests.count, 2)
        XCTAssertEqual(transport.apiRequests.count, 2)
    }

    func testRefusedTokenCallIsFatalAndRedacted() async throws {
        let transport = ScriptedTransport(
            tokenResponder: { _, _ in .json(#""Invalid client \#(testSecret)""#, status: 401) }, steps: [okItem])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
        XCTAssertEqual(error?.kind, .unauthorized)
        XCTAssertEqual(transport.tokenRequests.count, 1)
        XCTAssertEqual(transport.apiRequests.count, 0)
        let text = try XCTUnwrap(error).description
        XCTAssertTrue(text.contains("POST /api/token?clientId=flow-api&clientSecret=***&returnAsJson=true"), text)
        XCTAssertFalse(text.contains(testSecret), text)
        XCTAssertFalse(text.contains("s3cr3t"), text)
    }

    func testForbiddenIsNeitherRetriedNorRenewed() async throws {
        let transport = ScriptedTransport(steps: [.status(403, #""Forbidden""#), okItem])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
        XCTAssertEqual(error?.kind, .forbidden)
        XCTAssertEqual(error?.isPermanent, true)
        XCTAssertEqual(transport.apiRequests.count, 1)
        XCTAssertEqual(transport.tokenRequests.count, 1)
        XCTAssertEqual(clock.recordedSleeps, [])
    }

    // MARK: - Retries

    func testRateLimitHonoursRetryAfter() async throws {
        let transport = ScriptedTransport(steps: [
            .status(429, #""Too many requests""#, headers: ["retry-after": "7"]), okItem,
        ])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(clock.recordedSleeps, [.seconds(7)])
        XCTAssertEqual(transport.apiRequests.count, 2)
        XCTAssertEqual(clock.events, [
            .tokenFetched(reason: "first use"),
            .retrying(method: "GET", path: "/api/Stores/oslo", status: 429, reason: "rate limited", attempt: 1,
                      delay: .seconds(7)),
        ])
    }

    func testRateLimitWithoutRetryAfterBacksOff() async throws {
        let transport = ScriptedTransport(steps: [.status(429), .status(429), okItem])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(clock.recordedSleeps, [.seconds(1), .seconds(2)])
    }

    func testRateLimitAskingTooLongFailsWithRetryAfter() async throws {
        let transport = ScriptedTransport(steps: [.status(429, "", headers: ["Retry-After": "3600"]), okItem])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(error?.retryAfter, .seconds(3600))
        XCTAssertEqual(error?.isRetryable, true)
    }

    func testServerErrorsThenSuccess() async throws {
        let transport = ScriptedTransport(steps: [.status(500, #""Server Error""#), .status(503), okItem])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        let item = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(item.id, "oslo")
        XCTAssertEqual(clock.recordedSleeps, [.seconds(1), .seconds(2)])
    }

    func testTimeoutsAndDroppedConnectionsAreRetried() async throws {
        let transport = ScriptedTransport(steps: [.failure(.timedOut), .failure(.networkConnectionLost),
                                                  .status(408), okItem])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        _ = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(transport.apiRequests.count, 4)
        XCTAssertEqual(clock.recordedSleeps.count, 3)
    }

    func testGivesUpAfterMaxAttemptsWithCappedBackoff() async throws {
        let transport = ScriptedTransport(steps: [.status(502, "bad gateway")])
        let clock = TestClock()
        let retry = OmniumRetryPolicy(maxAttempts: 7, baseDelay: .seconds(1), maxDelay: .seconds(5), jitter: .none)
        let client = makeClient(transport, clock: clock, retry: retry)
        let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
        XCTAssertEqual(error?.kind, .serverError)
        XCTAssertEqual(error?.attempts, 7)
        XCTAssertEqual(error?.isRetryable, true)
        XCTAssertEqual(clock.recordedSleeps, [1, 2, 4, 5, 5, 5].map { .seconds($0) })
    }

    func testConnectionFailureKindAfterRetries() async throws {
        let transport = ScriptedTransport(steps: [.failure(.cannotConnectToHost)])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
        XCTAssertEqual(error?.kind, .connection)
        XCTAssertNil(error?.status)
        XCTAssertEqual(error?.attempts, 4)
    }

    func testOtherClientErrorsAreNotRetried() async throws {
        for (status, kind) in [(400, OmniumError.Kind.badRequest), (404, .notFound), (409, .conflict), (422, .clientError)] {
            let transport = ScriptedTransport(steps: [.status(status, #""nope""#), okItem])
            let client = makeClient(transport)
            let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
            XCTAssertEqual(error?.kind, kind)
            XCTAssertEqual(error?.body, #""nope""#)
            XCTAssertEqual(transport.apiRequests.count, 1, "status \(status)")
        }
    }

    // MARK: - Malformed bodies

    func testMalformedJSONIsRetriedBoundedAndNamesTheEndpoint() async throws {
        let transport = ScriptedTransport(steps: [.status(200, #"{"id": 12"#)])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
        XCTAssertEqual(error?.kind, .malformedResponse)
        XCTAssertEqual(error?.method, "GET")
        XCTAssertEqual(error?.path, "/api/Stores/oslo")
        XCTAssertEqual(transport.apiRequests.count, 3, "first try + 2 malformed-body retries")
        let text = try XCTUnwrap(error).description
        XCTAssertTrue(text.contains("GET /api/Stores/oslo"), text)
        XCTAssertTrue(text.contains("TestItem did not decode"), text)
    }

    func testWrongShapeNamesTheField() async throws {
        let transport = ScriptedTransport(steps: [.status(200, #"{"name":"Oslo"}"#)])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.send(self.store, as: TestItem.self) }
        XCTAssertTrue(error?.detail?.contains("missing key 'id'") == true, error?.description ?? "")
    }

    func testMalformedThenGoodBodySucceeds() async throws {
        let transport = ScriptedTransport(steps: [.status(200, "<html>"), okItem])
        let client = makeClient(transport)
        let item = try await client.send(store, as: TestItem.self)
        XCTAssertEqual(item.id, "oslo")
    }

    func testMalformedAnswerToACreateIsNotRepeated() async throws {
        let transport = ScriptedTransport(steps: [.status(200, "{oops")])
        let client = makeClient(transport)
        let create = try OmniumRequest.json(.post, "/api/Orders", body: TestItem(id: "FLOW-1"), repeatability: .conflictOnRepeat)
        let error = await assertOmniumError { try await client.send(create, as: TestItem.self) }
        XCTAssertEqual(error?.kind, .malformedResponse)
        XCTAssertEqual(transport.apiRequests.count, 1)
    }

    func testEmptyBodyIsSuccessForWrites() async throws {
        let transport = ScriptedTransport(steps: [.status(200, "")])
        let client = makeClient(transport)
        try await client.send(try OmniumRequest.json(.put, "/api/Inventory/UpdateMany", body: [TestItem(id: "a")]))
        let request = try XCTUnwrap(transport.apiRequests.first)
        XCTAssertEqual(request.method, "PUT")
        XCTAssertEqual(request.headers["Content-Type"], "application/json")
        XCTAssertEqual(request.bodyText, #"[{"id":"a"}]"#)
    }

    // MARK: - Conflicts

    func testConflictOnCreateReadsTheExistingObject() async throws {
        let transport = ScriptedTransport(steps: [.status(409, #""Order already exists""#), okItem])
        let client = makeClient(transport)
        let outcome = try await client.createTreatingConflictAsDone {
            try await client.send(try OmniumRequest.json(.post, "/api/Orders", body: TestItem(id: "oslo")),
                                  as: TestItem.self)
        } readExisting: {
            try await client.send(.get("/api/Orders/oslo"), as: TestItem.self)
        }
        XCTAssertFalse(outcome.wasCreated)
        XCTAssertEqual(outcome.value, TestItem(id: "oslo"))
        XCTAssertEqual(transport.apiRequests.map(\.method), ["POST", "GET"])
    }
}

/// Cancellation and foreign errors from the transport.
final class OmniumClientCancellationTests: XCTestCase {
    func testCancelledURLSessionCallIsCancellationNotARetry() async throws {
        let transport = ScriptedTransport(steps: [.failure(.cancelled)])
        let clock = TestClock()
        let client = makeClient(transport, clock: clock)
        do {
            try await client.send(.get("/api/Orders/1"))
            XCTFail("expected cancellation")
        } catch is CancellationError {}
        XCTAssertEqual(transport.apiRequests.count, 1)
        XCTAssertEqual(clock.recordedSleeps, [])
    }

    func testNSErrorInURLDomainIsRetriedLikeURLError() async throws {
        let transport = ScriptedTransport { _, index in
            if index == 0 { throw NSError(domain: NSURLErrorDomain, code: URLError.Code.networkConnectionLost.rawValue) }
            return .json("")
        }
        let client = makeClient(transport)
        try await client.send(.get("/api/Orders/1"))
        XCTAssertEqual(transport.apiRequests.count, 2)
    }
}
