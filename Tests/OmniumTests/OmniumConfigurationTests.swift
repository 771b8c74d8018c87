import Foundation
import XCTest
@testable import Omnium

/// The secret never shows in any printed form of the configuration.
final class OmniumConfigurationTests: XCTestCase {
    private let configuration = OmniumConfiguration(
        baseURL: URL(string: "https://apitest.omnium.no")!, clientId: "flow-api", clientSecret: "TopSecret-42")

    func testDescriptionRedactsTheSecret() {
        for text in [configuration.description, configuration.debugDescription, "\(configuration)",
                     String(reflecting: configuration)] {
            XCTAssertFalse(text.contains("TopSecret"), text)
            XCTAssertTrue(text.contains("clientSecret: <redacted>"), text)
            XCTAssertTrue(text.contains("flow-api"), text)
        }
    }

    func testDumpRedactsTheSecret() {
        var text = ""
        dump(configuration, to: &text)
        XCTAssertFalse(text.contains("TopSecret"), text)
        XCTAssertTrue(text.contains("<redacted>"), text)
    }

    func testDefaultsFollowOmniumLimits() {
        XCTAssertEqual(configuration.limits.maxConcurrentRequests, 20)
        XCTAssertEqual(configuration.limits.bucketCapacity, 12_000)
        XCTAssertEqual(configuration.limits.refillAmount, 1_000)
        XCTAssertEqual(configuration.limits.refillInterval, 10)
        XCTAssertEqual(configuration.limits.maxConcurrentBatchRequests, 4)
        XCTAssertEqual(configuration.tokenRenewalMargin, 3_600)
    }
}
