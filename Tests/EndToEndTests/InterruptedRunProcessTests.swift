import FlowStore
import Foundation
import OmniumSandbox
import Pipeline
import Staging
import XCTest

/// A run that ends unfinished leaves an honest record: stopped by SIGINT/SIGTERM it records itself
/// failed (interrupted) before exiting 130/143; killed by SIGKILL it is recorded so by the run that
/// takes its lock over. Either way `--resume` finishes it.
final class InterruptedRunProcessTests: XCTestCase {
    let secret = EndToEndFixture.client.clientSecret

    /// Waits until an extract stage of the newest run is running (each of its requests takes 200 ms, so
    /// a signal sent now arrives inside it); returns the run id and that stage.
    private func waitForARunningStage(_ control: ControlStore) throws -> (runID: String, stage: String)? {
        var found: (String, String)?
        _ = try waitUntil {
            guard let run = try control.runs(limit: 1).first,
                  let stage = try control.stageRuns(runID: run.id).first(where: {
                      $0.status == .running && $0.stage.hasPrefix("extract.")
                  }) else { return false }
            found = (run.id, stage.stage)
            return true
        }
        return found
    }

    /// A run against a slow sandbox (200 ms per answer, so a signal arrives inside a stage), caught once
    /// one of its extract stages is running.
    struct RunningRun {
        let fixture: EndToEndFixture
        let config: String
        let control: ControlStore
        let process: OmniflowProcess
        let runID: String
        let stage: String
    }

    func startRun(only stages: String? = nil) throws -> RunningRun {
        let fixture = try EndToEndFixture(faults: SandboxFaults(latency: .milliseconds(200), includesTokenEndpoint: true))
        let config = try fixture.writeConfigurationFile().path
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        let process = OmniflowProcess(["run", "--config", config] + (stages.map { ["--only", $0] } ?? []), secret: secret)
        try process.start()
        let (runID, stage) = try XCTUnwrap(waitForARunningStage(control), "a stage started")
        return RunningRun(fixture: fixture, config: config, control: control, process: process, runID: runID, stage: stage)
    }

    func testSIGINTRecordsTheRunAndItsStageInterruptedExits130AndResumeFinishesIt() throws {
        let running = try startRun()
        defer { withExtendedLifetime(running) {} }   // the sandbox lives as long as the test
        let (control, first, runID, stage, config) = (running.control, running.process, running.runID, running.stage, running.config)
        kill(first.process.processIdentifier, SIGINT)
        let ended = first.finish()
        XCTAssertEqual(ended.status, 130, ended.stderr)
        XCTAssertTrue(ended.stderr.contains("SIGINT: run \(runID) recorded failed (interrupted)"), ended.stderr)

        XCTAssertEqual(try control.run(id: runID)?.status, .failed)
        let interrupted = try XCTUnwrap(control.stageRun(runID: runID, stage: stage))
        XCTAssertEqual(interrupted.status, .failed)
        XCTAssertTrue(interrupted.error?.hasPrefix("interrupted by SIGINT") ?? false, interrupted.error ?? "")
        XCTAssertFalse(try control.stageRuns(runID: runID).contains { $0.status == .running })
        let manifest = try RunManifest.load(from: control.runFolder(for: runID))
        XCTAssertEqual(manifest.status, .failed)
        XCTAssertEqual(manifest.entry(named: stage)?.status, .failed)
        XCTAssertNil(try RunLock(store: control).holder(), "the lock is released")
        let log = try String(contentsOf: control.runFolder(for: runID).appendingPathComponent("run.log"), encoding: .utf8)
        XCTAssertTrue(log.contains("run interrupted"), log)

        let resumed = try OmniflowProcess.run(["run", "--config", config, "--resume", runID], secret: secret)
        XCTAssertEqual(resumed.status, 0, resumed.stdout + resumed.stderr)
        XCTAssertEqual(try control.run(id: runID)?.status, .succeeded)
    }

    func testSIGTERMExits143WithTheRunRecordedFailed() throws {
        let running = try startRun(only: "extract.stores,transform.stores,load.stores")
        defer { withExtendedLifetime(running) {} }   // the sandbox lives as long as the test
        let (control, first, runID, stage) = (running.control, running.process, running.runID, running.stage)
        kill(first.process.processIdentifier, SIGTERM)
        let ended = first.finish()
        XCTAssertEqual(ended.status, 143, ended.stderr)
        XCTAssertEqual(try control.run(id: runID)?.status, .failed)
        XCTAssertTrue(try control.stageRun(runID: runID, stage: stage)?.error?.hasPrefix("interrupted by SIGTERM") ?? false)
    }

    func testAKilledRunIsRecordedInterruptedWhenTheNextRunTakesItsLockOver() throws {
        let running = try startRun(only: "extract.stores,transform.stores,load.stores")
        defer { withExtendedLifetime(running) {} }   // the sandbox lives as long as the test
        let (control, first, runID, stage, config) = (running.control, running.process, running.runID, running.stage, running.config)
        kill(first.process.processIdentifier, SIGKILL)   // no cleanup runs
        first.process.waitUntilExit()
        XCTAssertEqual(try control.run(id: runID)?.status, .running, "nobody has noticed yet")

        let next = try OmniflowProcess.run(["run", "--config", config, "--only", "extract.stores"], secret: secret)
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertEqual(try control.run(id: runID)?.status, .failed)
        let interrupted = try XCTUnwrap(control.stageRun(runID: runID, stage: stage))
        XCTAssertEqual(interrupted.status, .failed)
        XCTAssertTrue(interrupted.error?.contains("ended without finishing; lock taken over by run") ?? false,
                      interrupted.error ?? "")
        let manifest = try RunManifest.load(from: control.runFolder(for: runID))
        XCTAssertEqual(manifest.status, .failed)
        XCTAssertEqual(manifest.entry(named: stage)?.status, .failed)
    }
}
