import Foundation
import HTTPServer
@testable import OmniumSandbox
import XCTest

final class FaultInjectionTests: XCTestCase {
    private func harness(_ faults: SandboxFaults) throws -> (SandboxTestHarness, String) {
        let harness = try SandboxTestHarness { $0.faults = faults }
        return (harness, try harness.token())
    }

    func testErrorStatusesAreInjectedBeforeHandling() throws {
        let (harness, token) = try harness(SandboxFaults(errorRates: [503: 1]))
        let response = harness.send(.GET, "/api/Stores", token: token)
        XCTAssertEqual(response.status.code, 503)
        XCTAssertEqual(response.text, "\"Injected fault 503\"")
        let (limited, limitedToken) = try self.harness(SandboxFaults(errorRates: [429: 1]))
        XCTAssertEqual(limited.send(.GET, "/api/Stores", token: limitedToken).headers["Retry-After"], "1")
    }

    func testTransportFaultsBecomeDirectives() throws {
        let (dropping, token) = try harness(SandboxFaults(droppedConnectionRate: 1))
        XCTAssertEqual(dropping.send(.GET, "/api/Stores", token: token).directive, .dropConnection)
        let (truncating, token2) = try harness(SandboxFaults(truncatedBodyRate: 1))
        let truncated = truncating.send(.GET, "/api/Stores", token: token2)
        XCTAssertEqual(truncated.directive, .truncateBody(bytes: truncated.body.count / 2))
        let (malforming, token3) = try harness(SandboxFaults(malformedBodyRate: 1))
        let malformed = malforming.send(.GET, "/api/Stores", token: token3)
        XCTAssertEqual(malformed.status, .ok)
        XCTAssertThrowsError(try JSONSerialization.jsonObject(with: malformed.body))
    }

    func testLatencyUsesTheClock() throws {
        let (harness, token) = try harness(SandboxFaults(latency: .seconds(2)))
        let before = harness.clock.now()
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status, .ok)
        XCTAssertEqual(harness.clock.now().timeIntervalSince(before), 2, accuracy: 0.001)
    }

    func testSameSeedGivesSameFaults() {
        let faults = SandboxFaults(errorRates: [500: 0.2, 503: 0.1], droppedConnectionRate: 0.1, seed: 7)
        let one = FaultInjectionMiddleware(faults: faults, clock: ManualSandboxClock())
        let two = FaultInjectionMiddleware(faults: faults, clock: ManualSandboxClock())
        let first = (0..<200).map { _ in one.draw() }
        XCTAssertEqual(first, (0..<200).map { _ in two.draw() })
        XCTAssertTrue(first.contains(.status(500)))
        XCTAssertTrue(first.contains(.status(503)))
        XCTAssertTrue(first.contains(.dropConnection))
        XCTAssertTrue(first.contains(.none))
    }

    func testTokenEndpointIsExemptByDefault() throws {
        let harness = try SandboxTestHarness { $0.faults = SandboxFaults(errorRates: [500: 1]) }
        XCTAssertEqual(harness.send(.POST, "/api/token?clientId=sandbox&clientSecret=sandbox-secret", token: nil).status, .ok)
    }
}
