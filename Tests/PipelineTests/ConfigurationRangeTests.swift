import Foundation
import Omnium
import XCTest

@testable import Pipeline

/// Every numeric setting has a documented range that the loader checks, and no conversion after
/// loading traps on a value the loader accepts (once, `OMNIFLOW_REQUESTS_PER_SECOND=1e18` passed
/// `omniflow config` and then killed the run with SIGILL, leaving it `running` and the lock held).
final class ConfigurationRangeTests: XCTestCase {
    private let required = [
        "OMNIUM_BASE_URL": "https://api.omnium.test", "OMNIUM_CLIENT_ID": "client", "OMNIUM_CLIENT_SECRET": "secret",
    ]

    private func load(_ environment: [String: String]) throws -> OmniflowConfiguration {
        try ConfigurationLoader(environment: required.merging(environment) { $1 }, currentDirectory: "/").load(file: nil)
    }

    private func refusal(_ key: String, _ value: String) -> String? {
        do {
            _ = try load([key: value])
            return nil
        } catch {
            return (error as? ConfigError)?.description
        }
    }

    func testTheValuesThatOnceTrappedAreRefusedNamingKeyValueAndRange() {
        XCTAssertEqual(refusal("OMNIFLOW_REQUESTS_PER_SECOND", "1e18"),
                       "environment variable OMNIFLOW_REQUESTS_PER_SECOND: OMNIFLOW_REQUESTS_PER_SECOND: 1e18 is outside 0.1…10000")
        XCTAssertEqual(refusal("OMNIFLOW_RETRY_MAX_DELAY_SECONDS", "1e16"),
                       "environment variable OMNIFLOW_RETRY_MAX_DELAY_SECONDS: OMNIFLOW_RETRY_MAX_DELAY_SECONDS: 1e16 is outside 0.001…86400")
        XCTAssertEqual(refusal("OMNIFLOW_REQUEST_TIMEOUT_SECONDS", "1e17"),
                       "environment variable OMNIFLOW_REQUEST_TIMEOUT_SECONDS: OMNIFLOW_REQUEST_TIMEOUT_SECONDS: 1e17 is outside 1…3600")
        XCTAssertEqual(refusal("OMNIFLOW_REQUESTS_PER_SECOND", "0.15"),
                       "environment variable OMNIFLOW_REQUESTS_PER_SECOND: OMNIFLOW_REQUESTS_PER_SECOND: 0.15 is not a whole multiple of 0.1")
    }

    /// Each ranged key at both edges loads, becomes the Omnium client's settings, builds a client and
    /// computes every backoff; one step beyond each edge is refused.
    func testEveryRangedKeyLoadsAndConvertsAtItsEdgesAndIsRefusedBeyondThem() throws {
        let ranged = ConfigKey.catalog.filter { !$0.edges.isEmpty }
        XCTAssertGreaterThanOrEqual(ranged.count, 15, "every numeric key declares its range")
        for key in ranged {
            for edge in key.edges {
                var environment = [key.name: edge]
                // The retry ceiling must stay at or above the base delay (a rule across keys).
                if key.name == "OMNIFLOW_RETRY_BASE_DELAY_SECONDS" { environment["OMNIFLOW_RETRY_MAX_DELAY_SECONDS"] = "86400" }
                if key.name == "OMNIFLOW_RETRY_MAX_DELAY_SECONDS" { environment["OMNIFLOW_RETRY_BASE_DELAY_SECONDS"] = "0.001" }
                let configuration = try load(environment)
                let omnium = try configuration.omniumConfiguration()
                _ = OmniumClient(configuration: omnium)
                for attempt in 1...omnium.retryPolicy.maxAttempts + 1 {
                    let delay = omnium.retryPolicy.backoff(afterAttempt: attempt, unitRandom: 0.999)
                    XCTAssertLessThanOrEqual(delay, omnium.retryPolicy.maxDelay, "\(key.name)=\(edge)")
                }
                XCTAssertGreaterThan(omnium.limits.refillAmount, 0, "\(key.name)=\(edge)")
            }
            let beyond = beyondEdges(key.edges)
            for value in beyond {
                let message = refusal(key.name, value)
                XCTAssertNotNil(message, "\(key.name)=\(value) must be refused")
                XCTAssertTrue(message?.contains(key.name) ?? false, message ?? "")
            }
        }
    }

    private func beyondEdges(_ edges: [String]) -> [String] {
        guard let lower = edges.first, let upper = edges.last else { return [] }
        if let low = Int(lower), let high = Int(upper) { return [String(low - 1), String(high + 1)] }
        guard let low = Double(lower), let high = Double(upper) else { return [] }
        return [String(low / 2), String(high * 2)]
    }

    func testAMisspelledEnvironmentVariableIsAWarningWithTheClosestKey() {
        let loader = ConfigurationLoader(environment: [
            "OMNIUM_CLIENT_IDD": "x", "OMNIFLOW_REQUEST_PER_SECOND": "5", "OMNIFLOW_STAGING_ROOT": "/tmp/x",
            "OMNIFLOW_EVENTS_SECRET": "s", "OMNIUM_TOKEN": "t", "HOME": "/root", "OMNIFLOWX": "1",
        ], currentDirectory: "/")
        XCTAssertEqual(loader.environmentWarnings(), [
            "warning: environment variable OMNIFLOW_REQUEST_PER_SECOND is not an omniflow setting "
                + "(did you mean 'OMNIFLOW_REQUESTS_PER_SECOND'?); it is ignored",
            "warning: environment variable OMNIUM_CLIENT_IDD is not an omniflow setting "
                + "(did you mean 'OMNIUM_CLIENT_ID'?); it is ignored",
        ])
    }
}
