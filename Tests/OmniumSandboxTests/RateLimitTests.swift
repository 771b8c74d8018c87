import Foundation
import HTTPServer
@testable import OmniumSandbox
import XCTest

final class RateLimitTests: XCTestCase {
    func testBucketEmptiesThen429WithRetryAfterAndRefillsDiscretely() throws {
        let harness = try SandboxTestHarness {
            $0.rateLimits = SandboxRateLimits(bucketCapacity: 3, refillAmount: 2, refillInterval: .seconds(10))
        }
        let token = try harness.token()
        for _ in 0..<3 { XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .ok) }
        harness.clock.advance(by: 4)
        let limited = harness.send(.GET, "/api/Stores", token: token)
        XCTAssertEqual(limited.status, .tooManyRequests)
        XCTAssertEqual(limited.headers["Retry-After"], "6")
        XCTAssertEqual(limited.text, "\"Too many requests\"")
        harness.clock.advance(by: 5.5)
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).headers["Retry-After"], "1")
        harness.clock.advance(by: 0.5)
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .ok)
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .ok)
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .tooManyRequests)
        XCTAssertEqual(harness.send(.POST, "/api/token?clientId=sandbox&clientSecret=sandbox-secret", token: nil).status,
                       .ok, "the token call is exempt")
    }

    func testLimitsSwitchOff() throws {
        let harness = try SandboxTestHarness {
            $0.rateLimits = SandboxRateLimits(isEnabled: false, bucketCapacity: 1)
        }
        let token = try harness.token()
        for _ in 0..<5 { XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .ok) }
    }

    func testConcurrencyLimitsPerUserBatchAndHighTraffic() throws {
        let limiter = RateLimiter(limits: SandboxRateLimits(maxConcurrentPerUser: 2, maxConcurrentPerTenant: 3,
                                                            maxConcurrentBatch: 1, maxConcurrentHighTraffic: 1),
                                  clock: ManualSandboxClock())
        let first = try limiter.acquire(clientId: "a", traffic: .batch)
        XCTAssertThrowsError(try limiter.acquire(clientId: "a", traffic: .batch))
        let second = try limiter.acquire(clientId: "a", traffic: .normal)
        XCTAssertThrowsError(try limiter.acquire(clientId: "a", traffic: .normal)) { error in
            XCTAssertEqual((error as? SandboxError)?.headers["Retry-After"], "1")
        }
        let high = try limiter.acquire(clientId: "a", traffic: .highTraffic)
        XCTAssertThrowsError(try limiter.acquire(clientId: "a", traffic: .highTraffic))
        let other = try limiter.acquire(clientId: "b", traffic: .normal)
        XCTAssertThrowsError(try limiter.acquire(clientId: "c", traffic: .normal), "tenant limit 3")
        limiter.release(first)
        limiter.release(other)
        XCTAssertNoThrow(try limiter.acquire(clientId: "a", traffic: .batch))
        limiter.release(second)
        limiter.release(high)
        XCTAssertNoThrow(try limiter.acquire(clientId: "a", traffic: .highTraffic))
    }

    func testTrafficClassification() throws {
        func traffic(_ method: HTTPMethod, _ target: String) throws -> RateLimiter.Traffic {
            RateLimitMiddleware.traffic(of: try HTTPRequest(method: method, target: target))
        }
        XCTAssertEqual(try traffic(.GET, "/api/Products/shirt_no"), .highTraffic)
        XCTAssertEqual(try traffic(.GET, "/api/inventory/SKU1"), .highTraffic)
        XCTAssertEqual(try traffic(.POST, "/api/Inventory/Search"), .highTraffic)
        XCTAssertEqual(try traffic(.POST, "/api/Products/Scroll"), .normal)
        XCTAssertEqual(try traffic(.PUT, "/api/Inventory/UpdateMany"), .batch)
        XCTAssertEqual(try traffic(.PUT, "/api/PrivateCustomers/AddOrUpdateMany?exportCustomers=false"), .batch)
        XCTAssertEqual(try traffic(.GET, "/api/Orders/X"), .normal)
    }
}
