import Foundation
import Omnium
@testable import Pipeline
import Staging
import XCTest

/// Records when stages enter and leave their `run`, and the most that ran at once.
final class OverlapProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var log: [String] = []
    private var running: Set<String> = []
    private var most = 0

    /// `+name` when a stage entered, `-name` when it left, in order.
    var events: [String] { lock.withLock { log } }
    var mostAtOnce: Int { lock.withLock { most } }

    func enter(_ name: String) {
        lock.withLock {
            running.insert(name)
            log.append("+" + name)
            most = max(most, running.count)
        }
    }

    func leave(_ name: String) {
        lock.withLock {
            running.remove(name)
            log.append("-" + name)
        }
    }

    /// Waits until stage `name` has entered; false after `seconds` without it.
    func waitUntilEntered(_ name: String, seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if lock.withLock({ log.contains("+" + name) }) { return true }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        return false
    }

    /// The position of an event (`+name` / `-name`); fails the test when it is missing.
    func position(_ event: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        guard let index = events.firstIndex(of: event) else {
            XCTFail("no event \(event) in \(events)", file: file, line: line)
            return -1
        }
        return index
    }
}

/// A stage that tells the probe when it runs, stays a little (or until `meets` has entered), and writes
/// one row to each staged output.
struct ProbeStage: Stage {
    let name: String
    var version = 1
    var inputs: [Dataset] = []
    var outputs: [Dataset] = []
    var concurrency: StageConcurrency = .besideIndependentStages
    let probe: OverlapProbe
    /// A stage this one waits for to have started (proof that both ran at once).
    var meets: String?
    var script: StageScript?

    func run(_ context: StageContext) async throws -> StageOutcome {
        probe.enter(name)
        defer { probe.leave(name) }
        if let meets {
            guard try await probe.waitUntilEntered(meets, seconds: 10) else {
                throw ScriptedFailure(stage: "\(name) never ran at the same time as \(meets)")
            }
        } else {
            try await Task.sleep(nanoseconds: 30_000_000)
        }
        try script?.record(name)
        for output in outputs where output.kind == .staged {
            try context.staging.replaceDataset(output.name, rows: [DatasetRow(key: "k", text: name)])
        }
        return StageOutcome(rowsRead: 0, rowsWritten: 1)
    }
}

final class StageConcurrencyTests: XCTestCase {
    var folder: URL!
    let probe = OverlapProbe()
    let script = StageScript()

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("concurrency-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func runner(_ stages: [any Stage], at most: Int = 2) throws -> StageRunner {
        var runner = try StageRunner(stages: stages, environment: StageRunnerTests.makeEnvironment(in: folder))
        runner.maxConcurrentStages = most
        return runner
    }

    /// Two chains: `extract.x` → `load.x` (writes `flow.x`), for x = a, b.
    func chains(meet: Bool) -> [any Stage] {
        [
            ProbeStage(name: "extract.a", outputs: [.staged("omnium.a")], probe: probe, meets: meet ? "extract.b" : nil,
                       script: script),
            ProbeStage(name: "load.a", inputs: [.staged("omnium.a")], outputs: [.external("flow.a")], probe: probe,
                       script: script),
            ProbeStage(name: "extract.b", outputs: [.staged("omnium.b")], probe: probe, script: script),
            ProbeStage(name: "load.b", inputs: [.staged("omnium.b")], outputs: [.external("flow.b")], probe: probe,
                       script: script),
        ]
    }

    func testIndependentStagesRunAtTheSameTimeAndEachAfterItsUpstream() async throws {
        let result = try await runner(chains(meet: true)).run(RunRequest())
        XCTAssertTrue(result.succeeded, "\(result.manifest.stages.map { "\($0.name): \($0.error ?? "ok")" })")
        XCTAssertEqual(probe.mostAtOnce, 2)
        XCTAssertGreaterThan(probe.position("+load.a"), probe.position("-extract.a"))
        XCTAssertGreaterThan(probe.position("+load.b"), probe.position("-extract.b"))
        XCTAssertEqual(Set(result.manifest.stages.map(\.name)), ["extract.a", "load.a", "extract.b", "load.b"])
        XCTAssertTrue(result.manifest.stages.allSatisfy { $0.status == .succeeded })
    }

    func testOneStageAtATimeRunsThePlanInOrder() async throws {
        let result = try await runner(chains(meet: false), at: 1).run(RunRequest())
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(probe.mostAtOnce, 1)
        XCTAssertEqual(probe.events, ["+extract.a", "-extract.a", "+load.a", "-load.a",
                                      "+extract.b", "-extract.b", "+load.b", "-load.b"])
        XCTAssertEqual(result.manifest.stages.map(\.name), ["extract.a", "load.a", "extract.b", "load.b"])
    }

    /// A stage that runs alone is a barrier: what is before it in plan order finishes first, and nothing
    /// after it starts before it has finished.
    func testAStageThatRunsAloneOverlapsNothing() async throws {
        let stages: [any Stage] = [
            ProbeStage(name: "extract.a", outputs: [.staged("omnium.a")], probe: probe),
            ProbeStage(name: "push.x", outputs: [.remote("omnium.api.x")], concurrency: .alone, probe: probe),
            ProbeStage(name: "extract.b", outputs: [.staged("omnium.b")], probe: probe),
            ProbeStage(name: "extract.c", outputs: [.staged("omnium.c")], probe: probe),
        ]
        let result = try await runner(stages).run(RunRequest())
        XCTAssertTrue(result.succeeded)
        XCTAssertGreaterThan(probe.position("+push.x"), probe.position("-extract.a"))
        XCTAssertGreaterThan(probe.position("+extract.b"), probe.position("-push.x"))
        XCTAssertGreaterThan(probe.position("+extract.c"), probe.position("-push.x"))
        XCTAssertEqual(probe.mostAtOnce, 2, "extract.b and extract.c still run together after the barrier")
    }

    /// Two writers of one Flow-store table, or a push and an extract of the same Omnium data, keep plan order.
    func testStagesSharingAWrittenDatasetDoNotOverlap() async throws {
        let stages: [any Stage] = [
            ProbeStage(name: "load.one", outputs: [.external("flow.t")], probe: probe),
            ProbeStage(name: "load.two", outputs: [.external("flow.t")], probe: probe),
            ProbeStage(name: "push.u", outputs: [.remote("omnium.api.u")], probe: probe),
            ProbeStage(name: "extract.u", inputs: [.remote("omnium.api.u")], outputs: [.staged("omnium.u")], probe: probe),
        ]
        let result = try await runner(stages).run(RunRequest())
        XCTAssertTrue(result.succeeded)
        XCTAssertGreaterThan(probe.position("+load.two"), probe.position("-load.one"))
        XCTAssertGreaterThan(probe.position("+extract.u"), probe.position("-push.u"))
    }

    func testAFailureSkipsItsDownstreamWhileTheOtherChainFinishes() async throws {
        script.fail("extract.a", true)
        let result = try await runner(chains(meet: false)).run(RunRequest())
        XCTAssertFalse(result.succeeded)
        let status = Dictionary(uniqueKeysWithValues: result.manifest.stages.map { ($0.name, $0.status) })
        XCTAssertEqual(status, ["extract.a": .failed, "load.a": .skipped, "extract.b": .succeeded, "load.b": .succeeded])
        XCTAssertEqual(script.ran("load.a"), 0)

        script.fail("extract.a", false)
        let resumed = try await runner(chains(meet: false)).run(RunRequest(resume: result.runID))
        XCTAssertTrue(resumed.succeeded)
        XCTAssertEqual(script.ran("extract.b"), 1, "a succeeded stage is not run again on resume")
        XCTAssertEqual(script.ran("load.a"), 1)
    }

    /// A signal recorded while stages run (``ActiveRun/interrupt(signalName:now:)``, as the CLI's handler
    /// does before it exits) is the last word: the runner records no stage or run state after it.
    func testNothingIsRecordedAfterTheRunWasRecordedInterrupted() async throws {
        let stages: [any Stage] = [
            InterruptingStage(name: "extract.a"),
            ProbeStage(name: "extract.b", outputs: [.staged("omnium.b")], probe: probe, script: script),
            ProbeStage(name: "extract.c", outputs: [.staged("omnium.c")], probe: probe, script: script),
        ]
        let environment = try StageRunnerTests.makeEnvironment(in: folder)
        var runner = try StageRunner(stages: stages, environment: environment)
        runner.maxConcurrentStages = 1
        do {
            _ = try await runner.run(RunRequest())
            XCTFail("expected the run to stop")
        } catch StageRunnerError.interrupted {}
        let run = try XCTUnwrap(try environment.control.runs(limit: 1).first)
        XCTAssertEqual(run.status, .failed)
        let stage = try XCTUnwrap(try environment.control.stageRun(runID: run.id, stage: "extract.a"))
        XCTAssertEqual(stage.status, .failed, "not recorded succeeded after the interruption")
        XCTAssertTrue(stage.error?.hasPrefix("interrupted by SIGINT") ?? false, stage.error ?? "")
        XCTAssertNil(try environment.control.stageRun(runID: run.id, stage: "extract.b"), "no stage begun after it")
        XCTAssertEqual(script.ran("extract.b"), 0)
    }

    func testIndependenceFollowsDependenciesAndWrittenDatasets() throws {
        let plan = try StagePlan(stages: chains(meet: false) + [
            ProbeStage(name: "read.a", inputs: [.external("flow.a")], probe: probe),
            ProbeStage(name: "extract.api", inputs: [.remote("omnium.api.u")], outputs: [.staged("omnium.u")], probe: probe),
            ProbeStage(name: "extract.api2", inputs: [.remote("omnium.api.u")], outputs: [.staged("omnium.u2")], probe: probe),
        ])
        XCTAssertTrue(plan.independent("extract.a", "extract.b"))
        XCTAssertTrue(plan.independent("load.a", "load.b"))
        XCTAssertFalse(plan.independent("extract.a", "load.a"), "downstream")
        XCTAssertFalse(plan.independent("extract.a", "read.a"), "downstream through a Flow-store table")
        XCTAssertTrue(plan.independent("extract.api", "extract.api2"), "two readers of one Omnium dataset")
        XCTAssertFalse(plan.independent("extract.a", "extract.a"))
    }

    /// Stages running at the same time each count their own retries; an event from outside every stage's
    /// tasks goes to the stage running when only one is.
    func testClientEventsGoToTheStageWhoseTaskReportedThem() async throws {
        let events = OmniumClientEventLog()
        let log = RunLog(file: nil)
        let retry = OmniumClientEvent.retrying(method: "GET", path: "/api/x", status: 503, reason: "503",
                                               attempt: 1, delay: .seconds(1))
        events.begin(stage: "extract.a", log: log)
        events.begin(stage: "extract.b", log: log)
        await OmniumClientEventLog.$stage.withValue("extract.a") {
            events.observer(retry)
            await Task { events.observer(retry) }.value   // a task the stage started
        }
        OmniumClientEventLog.$stage.withValue("extract.b") { events.observer(retry) }
        events.observer(retry)   // two stages running: nobody's
        XCTAssertEqual(events.end(stage: "extract.a"), 2)
        events.observer(retry)   // extract.b alone now: its own
        XCTAssertEqual(events.end(stage: "extract.b"), 2)
    }
}

/// A stage during which the process is "signalled": it records the run interrupted, as the CLI's SIGINT
/// handler does, and returns as if nothing happened.
struct InterruptingStage: Stage {
    let name: String
    let version = 1
    let inputs: [Dataset] = []
    let outputs: [Dataset] = [.staged("omnium.interrupted")]

    func run(_ context: StageContext) async throws -> StageOutcome {
        XCTAssertEqual(ActiveRun.shared.interrupt(signalName: "SIGINT"), context.runID)
        return StageOutcome(rowsRead: 0, rowsWritten: 0)
    }
}
