import FlowStore
import Foundation
import OmniumSandbox
import Pipeline
import SQLite
import Staging
import XCTest

/// The inbound guarantees kept as tests (issue "Reliability"): `omniflow run` killed with SIGKILL at
/// many moments, then run to the end, leaves the Flow store equal, table by table, to one uninterrupted
/// run; the flaky, slow and hostile fault profiles end in the same Flow store as a clean run.
///
/// The default suite kills 6 times; `OMNIFLOW_LONG_TESTS=1 swift test --filter InboundCrashTests` kills 50.
final class InboundCrashTests: XCTestCase {
    let secret = EndToEndFixture.client.clientSecret

    /// Every Flow table as sorted lines of quoted values (columns named `*_at` left out: they say when,
    /// not what). Two stores with equal digests hold the same rows.
    static func digest(_ path: String) throws -> [String: [String]] {
        let flow = try FlowDatabase(path: path)
        return try flow.read { db in
            let tables: [String] = try db.fetchAll(sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT IN ('omniflow_migrations', 'flow_changes') ORDER BY name
                """).map { try $0.decode("name") }
            var digest: [String: [String]] = [:]
            for table in tables {
                let columns: [String] = try db.fetchAll(sql: "SELECT name FROM pragma_table_info('\(table)')")
                    .map { try $0.decode("name", as: String.self) }.filter { !$0.hasSuffix("_at") }
                let line = columns.map { "quote(\($0))" }.joined(separator: " || '|' || ")
                digest[table] = try db.fetchAll(sql: "SELECT \(line) AS line FROM \(table) ORDER BY 1")
                    .map { try $0.decode("line", as: String.self) }
            }
            return digest
        }
    }

    func assertEqualStores(_ actual: [String: [String]], _ expected: [String: [String]], _ label: String,
                           file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), label, file: file, line: line)
        for table in expected.keys.sorted() where actual[table] != expected[table] {
            let missing = Set(expected[table] ?? []).subtracting(actual[table] ?? []).prefix(3)
            let extra = Set(actual[table] ?? []).subtracting(expected[table] ?? []).prefix(3)
            XCTFail("\(label): table \(table) differs: \(actual[table]?.count ?? 0) rows, expected \(expected[table]?.count ?? 0); "
                    + "missing \(Array(missing)), extra \(Array(extra))", file: file, line: line)
        }
    }

    func cleanStore() async throws -> [String: [String]] {
        let clean = try EndToEndFixture(seed: 31)
        let result = try await clean.run()
        XCTAssertTrue(result.succeeded, "\(result.manifest.stages.filter { $0.status != .succeeded }.map(\.name))")
        let digest = try Self.digest(clean.configuration.flowStorePath)
        XCTAssertGreaterThan(digest["products"]?.count ?? 0, 0)
        return digest
    }

    func testRunsKilledAtRandomMomentsThenFinishedEqualAnUninterruptedRunTableByTable() async throws {
        let long = ProcessInfo.processInfo.environment["OMNIFLOW_LONG_TESTS"] == "1"
        let expected = try await cleanStore()

        // 25 ms per answer: a whole run takes a few seconds, so the kills land in every kind of stage.
        let fixture = try EndToEndFixture(seed: 31, faults: SandboxFaults(latency: .milliseconds(25), includesTokenEndpoint: true))
        let config = try fixture.writeConfigurationFile().path
        var generator = SeededDelays(seed: 17)
        for _ in 0..<(long ? 50 : 6) {
            let child = OmniflowProcess(["run", "--config", config, "--quiet"], secret: secret)
            try child.start()
            // 0.3–2.3 s after the start: past the process start-up, anywhere in the run.
            try await Task.sleep(nanoseconds: UInt64((0.3 + generator.nextDelay() * 5) * 1_000_000_000))
            kill(child.process.processIdentifier, SIGKILL)
            _ = child.finish()
        }
        let last = try OmniflowProcess.run(["run", "--config", config, "--quiet"], secret: secret)
        XCTAssertEqual(last.status, 0, last.stderr)
        assertEqualStores(try Self.digest(fixture.configuration.flowStorePath), expected, "after the kills")

        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        let runs = try control.runs(limit: 100)
        XCTAssertFalse(runs.contains { $0.status == .running }, "every killed run is recorded failed")
        XCTAssertGreaterThan(runs.filter { $0.status == .failed }.count, 0, "some kills landed inside a run")
    }

    func testFlakySlowAndHostileProfilesEndInTheFlowStoreOfACleanRun() async throws {
        let expected = try await cleanStore()
        let profiles: [(String, SandboxFaults)] = [
            ("flaky", SandboxFaults(errorRates: [500: 0.10, 429: 0.05], seed: 3)),
            ("slow", SandboxFaults(latency: .milliseconds(20), includesTokenEndpoint: true)),
            ("hostile", SandboxFaults(errorRates: [500: 0.10, 429: 0.05], malformedBodyRate: 0.02, truncatedBodyRate: 0.01,
                                      droppedConnectionRate: 0.01, seed: 4)),
        ]
        for (name, faults) in profiles {
            let fixture = try EndToEndFixture(seed: 31, faults: faults)
            fixture.configuration.retryBaseDelay = 0.001
            fixture.configuration.retryMaxDelay = 0.01
            fixture.configuration.maxAttempts = 20
            var result = try await fixture.run()
            // A page that stays malformed through every retry fails its stage; the next run resumes it.
            for _ in 0..<5 where !result.succeeded { result = try await fixture.run(RunRequest(resume: result.runID)) }
            XCTAssertTrue(result.succeeded, name)
            assertEqualStores(try Self.digest(fixture.configuration.flowStorePath), expected, name)
        }
    }
}
