import FlowStore
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
        XCTAssertNil(try RunLock(store: control).holder())
        // The refused second run left no record; the killed one is recorded failed by the run that took its
        // lock over, which says so in its log.
        let runs = try control.runs()
        XCTAssertEqual(runs.map(\.status), [.succeeded, .failed], "\(runs)")
        let log = try String(contentsOf: control.runFolder(for: runs[0].id).appendingPathComponent("run.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("stale run lock taken over") && log.contains(runs[1].id), log)
    }

    /// Issue 7's acceptance: `run --only transform.prices` with no earlier extract is refused (exit 2)
    /// without leaving a run behind, and `run --resume <earlier failed run>` then proceeds.
    func testARefusedRunDoesNotBlockTheResumeOfAnEarlierFailedRun() throws {
        let fixture = try EndToEndFixture()
        let config = try fixture.writeConfigurationFile().path
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        let stages = "extract.stores,transform.stores,load.stores,extract.prices,transform.prices,load.prices"
        let failed = try OmniflowProcess.run(["run", "--config", config, "--only", stages], secret: "not-the-secret")
        XCTAssertEqual(failed.status, 1, failed.stderr)
        let failedRun = try XCTUnwrap(control.runs().first)
        XCTAssertEqual(failedRun.status, .failed)

        let refused = try OmniflowProcess.run(["run", "--config", config, "--only", "transform.prices"], secret: secret)
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("input 'omnium.prices' is missing"), refused.stderr)
        XCTAssertEqual(try control.runs().map(\.id), [failedRun.id], "the refused run left no record")

        let resumed = try OmniflowProcess.run(["run", "--config", config, "--resume", failedRun.id], secret: secret)
        XCTAssertEqual(resumed.status, 0, resumed.stdout + resumed.stderr)
        XCTAssertEqual(try control.run(id: failedRun.id)?.status, .succeeded)
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

    /// A staging root or Flow store path that cannot be used is a setting to fix (exit 2), not a run
    /// that failed and should be resumed (exit 1): no run is recorded.
    func testAnUnusableStagingRootOrFlowStorePathExitsTwoNamingTheSetting() throws {
        let fixture = try EndToEndFixture()
        let config = try fixture.writeConfigurationFile().path
        let file = fixture.folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let underFile = try OmniflowProcess.run(["run", "--config", config, "--only", "extract.stores"], secret: secret,
                                                environment: ["OMNIFLOW_STAGING_ROOT": file.path + "/staging"])
        XCTAssertEqual(underFile.status, 2, underFile.stderr)
        XCTAssertTrue(underFile.stderr.contains("OMNIFLOW_STAGING_ROOT '\(file.path)/staging' cannot be created"), underFile.stderr)
        XCTAssertTrue(underFile.stderr.contains("Not a directory"), underFile.stderr)

        let folder = fixture.folder.appendingPathComponent("flow-is-a-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let flowFolder = try OmniflowProcess.run(["run", "--config", config, "--only", "extract.stores"], secret: secret,
                                                 environment: ["OMNIFLOW_FLOW_STORE_PATH": folder.path])
        XCTAssertEqual(flowFolder.status, 2, flowFolder.stderr)
        XCTAssertTrue(flowFolder.stderr.contains("OMNIFLOW_FLOW_STORE_PATH '\(folder.path)' is a folder"), flowFolder.stderr)
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        XCTAssertEqual(try control.runs(limit: 10).count, 0, "no run was recorded")
    }
}

extension CommandLineProcessTests {
    func testAKilledRunResumesWithoutRedoingSucceededStagesOrDuplicatingRows() async throws {
        // Slow answers (200 ms each) so the run can be killed between stages.
        let fixture = try EndToEndFixture(faults: SandboxFaults(latency: .milliseconds(200), includesTokenEndpoint: true))
        let config = try fixture.writeConfigurationFile().path
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        let first = OmniflowProcess(["run", "--config", config], secret: secret)
        try first.start()
        var runID: String?
        let reachedMidRun = try waitUntil {
            guard let run = try control.runs().first else { return false }
            runID = run.id
            return try control.stageRun(runID: run.id, stage: "load.stores")?.status == .succeeded
        }
        XCTAssertTrue(reachedMidRun, "the run got past load.stores")
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        let id = try XCTUnwrap(runID)
        XCTAssertEqual(try control.run(id: id)?.status, .running, "killed mid-run")
        let before = Dictionary(uniqueKeysWithValues: try control.stageRuns(runID: id)
            .filter { $0.status == .succeeded }.map { ($0.stage, $0.finishedAt) })
        XCTAssertFalse(before.isEmpty)

        let resumed = try OmniflowProcess.run(["run", "--config", config, "--resume", id], secret: secret)
        XCTAssertEqual(resumed.status, 0, resumed.stdout + resumed.stderr)
        XCTAssertEqual(try control.run(id: id)?.status, .succeeded)
        for (stage, finishedAt) in before {
            XCTAssertEqual(try control.stageRun(runID: id, stage: stage)?.finishedAt, finishedAt,
                           "\(stage) succeeded before the kill and was not redone")
        }

        // Nothing duplicated and nothing missing: a further complete run finds nothing to write.
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        let counts = try flow.rowCounts().map { "\($0.table)=\($0.count)" }
        let check = try await fixture.run()
        XCTAssertTrue(check.succeeded)
        for entry in check.manifest.stages where entry.name.hasPrefix("load.") {
            XCTAssertEqual(entry.outcome?.rowsWritten, 0, "\(entry.name) after the resumed run: \(entry.outcome?.notes ?? [])")
        }
        XCTAssertEqual(try flow.rowCounts().map { "\($0.table)=\($0.count)" }, counts)
        XCTAssertEqual(try flow.rowCounts().first { $0.table == "stores" }?.count,
                       fixture.sandbox.state.stores().filter { $0.isPrimaryStore == true }.count)
    }
}

extension CommandLineProcessTests {
    /// `make demo` runs `omniflow demo`: it must exit 0, say where things are, and fill a fresh Flow store.
    func testDemoExitsZeroAndPrintsWhereTheFlowStoreAndRunFolderAre() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let demo = try OmniflowProcess.run(["demo", "--dir", folder.path, "--products", "60"], secret: "")
        XCTAssertEqual(demo.status, 0, demo.stdout + demo.stderr)
        let flowStore = folder.appendingPathComponent("flow.db").path
        XCTAssertTrue(demo.stdout.contains("Flow store: \(flowStore)"), demo.stdout)
        XCTAssertTrue(demo.stdout.contains("Run folder: \(folder.path)/staging/runs/"), demo.stdout)
        XCTAssertTrue(demo.stdout.contains("succeeded"), demo.stdout)
        let flow = try FlowDatabase(path: flowStore)
        let stores = try XCTUnwrap(try flow.rowCounts().first { $0.table == "stores" }?.count)
        XCTAssertTrue(demo.stdout.contains("Omnium sandbox: \(stores) primary stores"), "Flow stores = primary stores: \(demo.stdout)")
        XCTAssertGreaterThan(try flow.rowCounts().first { $0.table == "products" }?.count ?? 0, 0)
        // The demo writes its configuration and prints commands that work from here.
        let config = folder.appendingPathComponent("omniflow.json").path
        XCTAssertTrue(demo.stdout.contains("omniflow runs --config \(config)"), demo.stdout)
        let runs = try OmniflowProcess.run(["runs", "--config", config], secret: "")
        XCTAssertEqual(runs.status, 0, runs.stderr)
        XCTAssertTrue(runs.stdout.contains("succeeded"), runs.stdout)
    }
}
