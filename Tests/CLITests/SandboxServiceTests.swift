import Foundation
import OmniumSandbox
import XCTest

@testable import CLI

/// `sandbox serve`'s options turned into the sandbox's configuration (no server started).
final class SandboxServiceTests: XCTestCase {
    func testOptionsBecomeTheConfiguration() throws {
        let options = SandboxServeOptions(
            port: 0, seed: 9, scale: .tiny, faultProfile: "flaky", badEANCount: 2,
            webhookURL: URL(string: "http://127.0.0.1:9/hook"), webhookHeader: "X-Api-Key:  k: 1 ")
        let configuration = try SandboxService(options: options).configuration()
        XCTAssertEqual(configuration.dataOptions, SandboxDataOptions(seed: 9, scale: .tiny, badEANCount: 2))
        XCTAssertEqual(configuration.clients, [DemoService.client])
        XCTAssertEqual(configuration.faults.errorRates, [500: 0.10, 429: 0.05])
        XCTAssertEqual(configuration.webhook?.url.absoluteString, "http://127.0.0.1:9/hook")
        XCTAssertEqual(configuration.webhook?.headers, ["X-Api-Key": "k: 1"])
        XCTAssertEqual(configuration.webhook?.retryDelays, [1, 5, 15])
    }

    func testNoWebhookAndBadInputs() throws {
        let plain = try SandboxService(options: SandboxServeOptions(port: 0, seed: 1, scale: .small, faultProfile: "none"))
            .configuration()
        XCTAssertNil(plain.webhook)
        XCTAssertEqual(plain.badEANCount, 0)
        XCTAssertThrowsError(try SandboxService(options: SandboxServeOptions(port: 0, seed: 1, scale: .small, faultProfile: "chaos"))
            .configuration()) { XCTAssertEqual($0 as? ServiceError, .invalidRequest("unknown fault profile 'chaos'; valid profiles: none, flaky, slow, hostile")) }
        XCTAssertNil(SandboxServeOptions.header(": value"))
        XCTAssertNil(SandboxServeOptions.header("Bad Name: value"))
    }
}
