import Foundation
import XCTest
@testable import Omnium

/// Backoff arithmetic: exponential growth, caps, jitter range, `Retry-After`.
final class OmniumRetryPolicyTests: XCTestCase {
    func testExponentialBackoffIsCappedAtMaxDelay() {
        let policy = OmniumRetryPolicy(baseDelay: .milliseconds(500), maxDelay: .seconds(4), jitter: .none)
        let delays = (1 ... 7).map { policy.backoff(afterAttempt: $0, unitRandom: 0.3) }
        XCTAssertEqual(delays, [0.5, 1, 2, 4, 4, 4, 4].map { .seconds($0) })
    }

    func testFullJitterStaysWithinZeroAndTheCap() {
        let policy = OmniumRetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(30), jitter: .full)
        XCTAssertEqual(policy.backoff(afterAttempt: 3, unitRandom: 0), .zero)
        XCTAssertEqual(policy.backoff(afterAttempt: 3, unitRandom: 0.5), .seconds(2))
        for attempt in 1 ... 100 {
            XCTAssertLessThanOrEqual(policy.backoff(afterAttempt: attempt, unitRandom: 0.999_999), .seconds(30))
        }
    }

    func testHugeAttemptNumbersDoNotOverflow() {
        let policy = OmniumRetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(60), jitter: .none)
        XCTAssertEqual(policy.backoff(afterAttempt: 10_000, unitRandom: 0), .seconds(60))
    }

    func testRateLimitDelayIsAtLeastRetryAfter() {
        let policy = OmniumRetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(30), jitter: .full)
        XCTAssertEqual(policy.delayAfterRateLimit(afterAttempt: 1, retryAfter: .seconds(2), unitRandom: 0.9),
                       .seconds(2))
        XCTAssertEqual(policy.delayAfterRateLimit(afterAttempt: 2, retryAfter: nil, unitRandom: 0.5), .seconds(1))
    }

    func testBackoffThroughTheClientNeverExceedsTheCap() async throws {
        let transport = ScriptedTransport(steps: [.status(500)])
        let clock = TestClock(unitRandom: 0.99)
        let retry = OmniumRetryPolicy(maxAttempts: 12, baseDelay: .milliseconds(100), maxDelay: .seconds(2))
        let client = makeClient(transport, clock: clock, retry: retry)
        _ = await assertOmniumError { try await client.send(.get("/api/Orders/1")) }
        XCTAssertEqual(clock.recordedSleeps.count, 11)
        XCTAssertTrue(clock.recordedSleeps.allSatisfy { $0 <= .seconds(2) }, "\(clock.recordedSleeps)")
        XCTAssertGreaterThan(clock.recordedSleeps.last!, .seconds(1.9))
    }
}
