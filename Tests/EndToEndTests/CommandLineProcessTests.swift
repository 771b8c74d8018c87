import Foundation
import OmniumSandbox
import Staging
import XCTest

/// Issue 2's acceptance, with `omniflow` as a separate process: the lock, a killed run, usage errors.
final class CommandLineProcessTests: XCTestCase {
    let secret = EndToEndFixture.client.clientSecret

    func testASecondRunExitsThreeAndAfterTheFirstIsKilledTheNextRunTakesTheLockOver() throws {
        // Every sandbox answer takes 1.5 s, so the first run holds the lock long enough to be seen.
        let fixture = try EndToEndFixture(faults: SandboxFaults(latency: .milliseconds(1_500), includesTokenEndpoint: true))
        let config = try fixture.writeConfigurationFile().path
        let first = OmniflowProcess(["run", "--config", config, "--only", "extract.stores,transform.stores,load.stores"],
                                    secret: secret)
        try first.start()
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        XCTAssertTrue(try waitUntil { try RunLock(store: control).holder() != nil }, "the first run takes the lock")

        let second = try OmniflowProcess.run(["run", "--config", config], secret: secret)
        XCTAssertEqual(second.status, 3, second.stderr)
        XCTAssertTrue(second.stderr.contains("another run holds the lock"), second.stderr)

        kill(first.process.processIdentifier, SIGKILL)  // a crash: no cleanup runs
        first.process.waitUntilExit()
        XCTAssertNotNil(try RunLock(store: control).holder(), "a killed run leaves its lock behind")

        let third = try OmniflowProcess.run(["run", "--config", config, "--only", "extract.stores,transform.stores,load.stores"],
                                            secret: secret)
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertTrue(third.stderr.contains("took over the run lock") || third.stdout.contains("succeeded"), third.stdout)
        XCTAssertNil(try RunLock(store: control).holder())
    }

    func testUnknownStageAndMalformedConfigurationExitTwoWithTheReason() throws {
        let fixture = try EndToEndFixture()
        let config = try fixture.writeConfigurationFile().path
        let unknown = try OmniflowProcess.run(["run", "--config", config, "--only", "nonexistent"], secret: secret)
        XCTAssertEqual(unknown.status, 2, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("nonexistent"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("extract.stores"), "names the valid stages: \(unknown.stderr)")

        let broken = fixture.folder.appendingPathComponent("broken.json")
        try "{\n  \"OMNIUM_CLIENT_ID\": \"x\",\n  \"OMNIUM_BASE_URL\" \"http://127.0.0.1\"\n}\n".write(to: broken, atomically: true, encoding: .utf8)
        let malformed = try OmniflowProcess.run(["run", "--config", broken.path], secret: secret)
        XCTAssertEqual(malformed.status, 2, malformed.stderr)
        XCTAssertTrue(malformed.stderr.contains("broken.json:3:"), "names the file and line: \(malformed.stderr)")
    }
}
