import Foundation
import Staging
import XCTest

final class SyncRetryPolicyTests: XCTestCase {
    func testDelays() {
        XCTAssertEqual((1...9).map { SyncRetryPolicy.delay(afterAttempt: $0) / 60 }, [1, 2, 4, 8, 16, 32, 64, 120, 120])
        XCTAssertEqual(SyncRetryPolicy.delay(afterAttempt: 0), 60)
        XCTAssertEqual(SyncRetryPolicy.delay(afterAttempt: 1_000), 7200)
        XCTAssertEqual(SyncRetryPolicy.delay(afterAttempt: 1, retryAfter: 30), 60)
        XCTAssertEqual(SyncRetryPolicy.delay(afterAttempt: 1, retryAfter: 90), 90)
        XCTAssertEqual(SyncRetryPolicy.delay(afterAttempt: 20, retryAfter: 3 * 3600), 3 * 3600)
    }
}
