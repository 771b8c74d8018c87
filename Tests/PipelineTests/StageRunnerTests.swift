import FlowStore
import Foundation
import Omnium
import Pipeline
import Staging
import XCTest

/// Counts executions and can be told to fail; shared by the fake stages of one test.
final class StageScript: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [String: Int] = [:]
    private var failing: Set<String> = []

    func fail(_ stage: String, _ flag: Bool) { lock.withLock { if flag { failing.insert(stage) } else { failing.remove(stage) } } }
    func ran(_ stage: String) -> Int { lock.withLock { runs[stage, default: 0] } }
    func record(_ stage: String) throws {
        let shouldFail = lock.withLock { () -> Bool in
            runs[stage, default: 0] += 1
            return failing.contains(stage)
        }
        if shouldFail { throw ScriptedFailure(stage: stage) }
    }
}

struct ScriptedFailure: Error, CustomStringConvertible {
    let stage: String
    var description: String { "scripted failure in \(stage)" }
}

/// Copies its staged input (or makes rows) into its staged output; loads count rows.
struct CopyStage: Stage {
    let name: String
    var version = 1
    let inputs: [Dataset]
    let outputs: [Dataset]
    let script: StageScript

    func run(_ context: StageContext) async throws -> StageOutcome {
        try script.record(name)
        var rows: [DatasetRow] = []
        if let input = inputs.first(where: { $0.kind == .staged }) {
            try context.staging.forEachRow(input.name) { rows.append($0) }
        } else {
            rows = (1...3).map { DatasetRow(key: "k\($0)", text: "row \($0)") }
        }
        for output in outputs where output.kind == .staged {
            try context.staging.replaceDataset(output.name, rows: rows)
        }
        return StageOutcome(rowsRead: rows.count, rowsWritten: rows.count)
    }
}

final class StageRunnerTests: XCTestCase {
    var folder: URL!
    let script = StageScript()

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func stages() -> [any Stage] {
        [
            CopyStage(name: "extract.a", inputs: [], outputs: [.staged("omnium.a")], script: script),
            CopyStage(name: "transform.a", inputs: [.staged("omnium.a")], outputs: [.staged("flow.a")], script: script),
            CopyStage(name: "load.a", inputs: [.staged("flow.a")], outputs: [.external("flow.a")], script: script),
            CopyStage(name: "extract.b", inputs: [], outputs: [.staged("omnium.b")], script: script),
        ]
    }

    func environment(clock: FixedClock = FixedClock()) throws -> PipelineEnvironment {
        try Self.makeEnvironment(in: folder, clock: clock)
    }

    /// A Flow store and control database in `folder`, and a client that is never called.
    static func makeEnvironment(in folder: URL, clock: FixedClock = FixedClock()) throws -> PipelineEnvironment {
        var configuration = OmniflowConfiguration()
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        let omnium = OmniumClient(configuration: OmniumConfiguration(
            baseURL: URL(string: "http://127.0.0.1:9")!, clientId: "unused", clientSecret: "unused"))
        return PipelineEnvironment(
            configuration: configuration, flow: try FlowDatabase(path: folder.appendingPathComponent("flow.db").path),
            control: try ControlStore(root: folder.appendingPathComponent("staging"), clock: clock),
            omnium: omnium, clock: clock)
    }

    func testFullRunRecordsEveryStageAndWritesTheManifest() async throws {
        let environment = try environment()
        let result = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(result.manifest.stages.map(\.name), ["extract.a", "transform.a", "load.a", "extract.b"])
        XCTAssertEqual(result.manifest.stages.map(\.status), Array(repeating: StageRunRecord.Status.succeeded, count: 4))
        let onDisk = try RunManifest.load(from: result.runDirectory)
        XCTAssertEqual(onDisk, result.manifest)
        XCTAssertNotNil(onDisk.entry(named: "transform.a")?.outcome?.checksums["flow.a"])
        XCTAssertEqual(try environment.control.run(id: result.runID)?.status, .succeeded)
        XCTAssertEqual(try environment.control.stageRuns(runID: result.runID).count, 4)
        XCTAssertTrue(FileManager.default.fileExists(atPath: result.runDirectory.appendingPathComponent("run.log").path))
        XCTAssertNil(try RunLock(store: environment.control).holder(), "the lock is released")
    }

    func testFailedStageSkipsDownstreamKeepsIndependentStagesAndResumeFinishes() async throws {
        let environment = try environment()
        script.fail("transform.a", true)
        let failed = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        XCTAssertFalse(failed.succeeded)
        XCTAssertEqual(failed.manifest.entry(named: "transform.a")?.status, .failed)
        XCTAssertEqual(failed.manifest.entry(named: "transform.a")?.error, "scripted failure in transform.a")
        XCTAssertEqual(failed.manifest.entry(named: "load.a")?.status, .skipped)
        XCTAssertEqual(failed.manifest.entry(named: "extract.b")?.status, .succeeded)
        XCTAssertEqual(try environment.control.run(id: failed.runID)?.status, .failed)

        script.fail("transform.a", false)
        let resumed = try await StageRunner(stages: stages(), environment: environment)
            .run(RunRequest(resume: failed.runID))
        XCTAssertTrue(resumed.succeeded)
        XCTAssertEqual(resumed.runID, failed.runID)
        XCTAssertEqual(script.ran("extract.a"), 1, "succeeded stages are not redone")
        XCTAssertEqual(script.ran("extract.b"), 1)
        XCTAssertEqual(script.ran("transform.a"), 2)
        XCTAssertEqual(script.ran("load.a"), 1)
    }

    func testResumeRerunsAStageWhoseOutputNoLongerMatchesItsChecksum() async throws {
        let environment = try environment()
        let first = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        let staging = try RunStaging(root: environment.control.root, runID: first.runID)
        try staging.replaceDataset("flow.a", rows: [DatasetRow(key: "tampered", text: "x")])
        _ = try await StageRunner(stages: stages(), environment: environment).run(RunRequest(resume: first.runID))
        XCTAssertEqual(script.ran("transform.a"), 2, "a stage whose output changed is redone")
        XCTAssertEqual(script.ran("extract.a"), 1)
        XCTAssertEqual(try staging.count("flow.a"), 3)
    }

    func testOnlyOnANewRunTakesItsInputFromTheLatestRunThatProducedIt() async throws {
        let environment = try environment()
        let first = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        let second = try await StageRunner(stages: stages(), environment: environment)
            .run(RunRequest(selection: StageSelection(only: ["transform.a"])))
        XCTAssertTrue(second.succeeded)
        XCTAssertNotEqual(second.runID, first.runID)
        XCTAssertEqual(second.manifest.inputsFromRuns["omnium.a"], first.runID)
        XCTAssertEqual(script.ran("extract.a"), 1)
        XCTAssertEqual(second.manifest.stages.map(\.name), ["transform.a"])
    }

    func testALiveLockHolderStopsTheRunAndAStaleOneIsTakenOver() async throws {
        let environment = try environment()
        let lock = RunLock(store: environment.control)
        try lock.acquire(runID: "other-run", pid: getpid(), now: environment.clock.now)
        do {
            _ = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
            XCTFail("expected the lock to be held")
        } catch let error as RunLockError {
            guard case .held(let holder) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(holder.runID, "other-run")
        }
        XCTAssertEqual(script.ran("extract.a"), 0, "nothing ran")

        try lock.release(runID: "other-run")
        try lock.acquire(runID: "crashed-run", pid: Int32.max - 1, now: environment.clock.now)
        let result = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(result.tookOverFrom?.runID, "crashed-run")
    }

    /// Resuming a run after a later run has loaded newer data would write the old run's staged prices,
    /// stock and products over the newer ones (and move catalogue watermarks back): refused.
    func testResumingARunThatALaterRunFollowedIsRefused() async throws {
        let clock = FixedClock()
        let environment = try environment(clock: clock)
        script.fail("load.a", true)
        let failed = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        XCTAssertFalse(failed.succeeded)
        script.fail("load.a", false)
        clock.advance(by: 3_600)
        let later = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        XCTAssertTrue(later.succeeded)
        XCTAssertEqual(script.ran("load.a"), 2)
        do {
            _ = try await StageRunner(stages: stages(), environment: environment).run(RunRequest(resume: failed.runID))
            XCTFail("expected the resume to be refused")
        } catch let error as StageRunnerError {
            XCTAssertEqual(error, .supersededRun(failed.runID, by: later.runID, stage: "load.a", dataset: "flow.a"))
        }
        XCTAssertEqual(script.ran("load.a"), 2, "the old run's staged data is not loaded over the newer one")
        XCTAssertEqual(try environment.control.run(id: failed.runID)?.status, .failed)
    }

    /// A run that never started (`--only` a stage whose input no run has produced) is refused before it
    /// takes the lock or leaves a record, so it cannot block `--resume` of a real failed run.
    /// (Acceptance of issue 7: `run --only transform.prices` with no earlier extract, then `--resume`.)
    func testARunWithAMissingInputLeavesNoRecordAndTheEarlierFailedRunResumes() async throws {
        let clock = FixedClock()
        let environment = try environment(clock: clock)
        script.fail("extract.a", true)
        let failed = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        XCTAssertFalse(failed.succeeded)
        script.fail("extract.a", false)

        clock.advance(by: 60)
        do {
            _ = try await StageRunner(stages: stages(), environment: environment)
                .run(RunRequest(selection: StageSelection(only: ["transform.a"])))
            XCTFail("expected a missing input")
        } catch let error as StageRunnerError {
            XCTAssertEqual(error, .missingInput(dataset: "omnium.a", producer: "extract.a"))
        }
        XCTAssertEqual(try environment.control.runs().map(\.id), [failed.runID], "no run recorded")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: environment.control.root
            .appendingPathComponent("runs").path), [failed.runID], "no run folder")
        XCTAssertNil(try RunLock(store: environment.control).holder(), "no lock left")

        clock.advance(by: 60)
        let resumed = try await StageRunner(stages: stages(), environment: environment).run(RunRequest(resume: failed.runID))
        XCTAssertTrue(resumed.succeeded, "\(resumed.manifest.stages.map { $0.error ?? "" })")
        XCTAssertEqual(script.ran("load.a"), 1)
    }

    /// "Superseded" is decided by what later runs wrote, not by when they started: a later run of other
    /// tables does not block a resume; a hand-moved watermark does.
    func testALaterRunOfOtherTablesDoesNotBlockAResumeButAMovedWatermarkDoes() async throws {
        let clock = FixedClock()
        let environment = try environment(clock: clock)
        script.fail("load.a", true)
        let failed = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        script.fail("load.a", false)
        clock.advance(by: 3_600)
        let other = try await StageRunner(stages: stages(), environment: environment)
            .run(RunRequest(selection: StageSelection(only: ["extract.b"])))
        XCTAssertTrue(other.succeeded)

        clock.advance(by: 60)
        try environment.control.moveWatermark("omnium.a.changed", to: "2026-01-01T00:00:00Z", by: "test")
        do {
            _ = try await StageRunner(stages: stages(), environment: environment).run(RunRequest(resume: failed.runID))
            XCTFail("expected the resume to be refused")
        } catch let error as StageRunnerError {
            XCTAssertEqual(error, .watermarkMovedSince(failed.runID, stream: "omnium.a.changed", by: "test"))
        }
        XCTAssertEqual(script.ran("load.a"), 1)
    }

    /// A run stopped by an error between stages (here: its lock taken by another run) must not stay
    /// "running" in `omniflow runs` and its manifest forever.
    func testARunAbortedByAnErrorIsRecordedFailed() async throws {
        let environment = try environment()
        let thief = LockThief(name: "extract.a", outputs: [.staged("omnium.a")])
        do {
            _ = try await StageRunner(stages: [thief], environment: environment).run(RunRequest())
            XCTFail("expected the lost lock to stop the run")
        } catch let error as RunLockError {
            guard case .notHeld = error else { return XCTFail("\(error)") }
        }
        let runs = try environment.control.runs()
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs.first?.status, .failed)
        let manifest = try RunManifest.load(from: environment.control.runFolder(for: try XCTUnwrap(runs.first?.id)))
        XCTAssertEqual(manifest.status, .failed)
        XCTAssertNotNil(manifest.finishedAt)
        XCTAssertEqual(try RunLock(store: environment.control).holder()?.runID, "thief", "another run's lock is left alone")
    }

    /// A run whose stages this plan does not have (a `pos import` run resumed with `omniflow run`) is
    /// refused, not "resumed" to succeeded without them.
    func testResumingARunWithStagesOutsideThePlanIsRefused() async throws {
        let environment = try environment()
        script.fail("extract.b", true)
        let failed = try await StageRunner(stages: stages(), environment: environment).run(RunRequest())
        XCTAssertFalse(failed.succeeded)
        do {
            _ = try await StageRunner(stages: Array(stages().prefix(3)), environment: environment)
                .run(RunRequest(resume: failed.runID))
            XCTFail("expected the resume to be refused")
        } catch let error as StageRunnerError {
            XCTAssertEqual(error, .stagesNotInPlan(failed.runID, stages: ["extract.b"]))
        }
        XCTAssertEqual(try environment.control.run(id: failed.runID)?.status, .failed)
    }

    /// A stage longer than the stale-lock age must keep its lock: another host may not take it over.
    func testALongStageKeepsTheLockAliveThroughItsProgressReports() async throws {
        let clock = FixedClock()
        let environment = try environment(clock: clock)
        let probe = LongStageProbe()
        let stage = LongStage(clock: clock, probe: probe)
        let result = try await StageRunner(stages: [stage], environment: environment).run(RunRequest())
        XCTAssertTrue(result.succeeded, "\(result.manifest.stages.map { $0.error ?? "" })")
        XCTAssertEqual(probe.otherHostRefused, true, "another host must see the long run's lock as live")
    }
}

/// Takes the run lock from its own run (as a second process that wrongly took it over would).
struct LockThief: Stage {
    let name: String
    let version = 1
    let inputs: [Dataset] = []
    let outputs: [Dataset]

    func run(_ context: StageContext) async throws -> StageOutcome {
        let lock = RunLock(store: context.control)
        try lock.release(runID: context.runID)
        try lock.acquire(runID: "thief", pid: getpid(), now: context.now)
        return StageOutcome()
    }
}

/// Records what another host saw while ``LongStage`` ran.
final class LongStageProbe: @unchecked Sendable {
    var otherHostRefused: Bool?
}

/// Runs for seven (fixed-clock) hours, reporting progress every hour, then asks, as another host,
/// for the run lock.
struct LongStage: Stage {
    let name = "extract.long"
    let version = 1
    let inputs: [Dataset] = []
    let outputs: [Dataset] = [.remote("omnium.api.long")]
    let clock: FixedClock
    let probe: LongStageProbe

    func run(_ context: StageContext) async throws -> StageOutcome {
        for hour in 1...7 {
            clock.advance(by: 3_600)
            context.advance(hour * 1_000)
        }
        do {
            try RunLock(store: context.control).acquire(runID: "other-host-run", pid: 1, host: "other-host",
                                                         now: clock.now)
            probe.otherHostRefused = false
        } catch RunLockError.held {
            probe.otherHostRefused = true
        }
        return StageOutcome(rowsRead: 7_000)
    }
}

