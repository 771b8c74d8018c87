import Foundation
import Omnium
import XCTest

@testable import Pipeline

final class ConfigurationOmniumTests: XCTestCase {
    func testDefaultsMatchTheClientsDefaults() {
        let configuration = OmniflowConfiguration()
        XCTAssertEqual(configuration.maxAttempts, OmniumRetryPolicy().maxAttempts)
        XCTAssertEqual(configuration.maxConcurrentRequests, OmniumLimiterSettings().maxConcurrentRequests)
        XCTAssertEqual(configuration.requestsPerSecond, 100)
        XCTAssertEqual(configuration.retryBaseDelay, 0.5)
    }

    func testMapsKeysToTheClientConfiguration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omnium-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try ConfigurationLoader(
            environment: [
                "OMNIUM_BASE_URL": "http://127.0.0.1:8089", "OMNIUM_CLIENT_ID": "id", "OMNIUM_CLIENT_SECRET": "secret",
                "OMNIFLOW_REQUESTS_PER_SECOND": "2.5", "OMNIFLOW_MAX_ATTEMPTS": "3", "OMNIFLOW_RETRY_MAX_DELAY_SECONDS": "4",
                "OMNIFLOW_REQUEST_TIMEOUT_SECONDS": "9",
            ],
            currentDirectory: folder.path
        ).load(file: nil)
        let omnium = try configuration.omniumConfiguration()
        XCTAssertEqual(omnium.baseURL.absoluteString, "http://127.0.0.1:8089")
        XCTAssertEqual(omnium.clientId, "id")
        XCTAssertEqual(omnium.clientSecret, "secret")
        XCTAssertEqual(omnium.requestTimeout, 9)
        XCTAssertEqual(omnium.retryPolicy.maxAttempts, 3)
        XCTAssertEqual(omnium.retryPolicy.maxDelay, .seconds(4))
        XCTAssertEqual(omnium.limits.refillAmount, 25)
        XCTAssertEqual(omnium.limits.refillInterval, 10)
    }

    func testMissingConnectionValuesAreNamed() {
        XCTAssertThrowsError(try OmniflowConfiguration().omniumConfiguration()) { error in
            XCTAssertEqual((error as? ConfigError)?.problem,
                           .missingRequired(["OMNIUM_BASE_URL", "OMNIUM_CLIENT_ID", "OMNIUM_CLIENT_SECRET"]))
        }
    }
}
