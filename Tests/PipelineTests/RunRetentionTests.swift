import FlowStore
import Foundation
import Pipeline
import Staging
import XCTest

/// Run folders are pruned by rule: the newest N, every run `--resume` would still accept, and each
/// stage's latest success (the source of `--only` inputs) stay; the run records stay either way.
extension StageRunnerTests {
    func testRetentionKeepsTheNewestTheResumableAndEachStagesLatestSuccessAndRemovesTheRest() async throws {
        let clock = FixedClock()
        let environment = try environment(clock: clock)
        let stages = stages()
        let script = self.script
        func run(_ request: RunRequest = RunRequest(), failing: String? = nil) async throws -> RunResult {
            clock.now = clock.now.addingTimeInterval(60)
            if let failing { script.fail(failing, true) }
            defer { if let failing { script.fail(failing, false) } }
            return try await StageRunner(stages: stages, environment: environment).run(request)
        }
        let onlyB = RunRequest(selection: StageSelection(only: ["extract.b"]))
        let r1: RunResult = try await run()                        // latest success of transform.a and load.a
        let r2: RunResult = try await run(onlyB)
        let r3: RunResult = try await run(failing: "transform.a")  // failed; later runs leave its stages alone
        let r4: RunResult = try await run(onlyB)
        let r5: RunResult = try await run(onlyB)
        let r6: RunResult = try await run(onlyB)
        XCTAssertFalse(r3.succeeded)

        let retention = RunRetention(keep: 2, runner: try StageRunner(stages: stages, environment: environment))
        let plan = try retention.plan()
        XCTAssertEqual(plan.map { $0.runID }, [r6, r5, r4, r3, r2, r1].map { $0.runID })
        XCTAssertEqual(plan.map { $0.reason }, ["newest 2", "newest 2", "pruned", "may be resumed", "pruned",
                                            "latest success of transform.a"])
        XCTAssertTrue(plan.allSatisfy { $0.bytes > 0 })
        XCTAssertTrue(FileManager.default.fileExists(atPath: r4.runDirectory.path), "a plan removes nothing")

        try retention.apply()
        for gone in [r2, r4] { XCTAssertFalse(FileManager.default.fileExists(atPath: gone.runDirectory.path), gone.runID) }
        for kept in [r1, r3, r5, r6] { XCTAssertTrue(FileManager.default.fileExists(atPath: kept.runDirectory.path), kept.runID) }
        XCTAssertEqual(try environment.control.runs(limit: 100).count, 6, "the run records stay")
        XCTAssertEqual(try retention.plan().filter { !$0.isKept }.count, 0, "applying again removes nothing more")

        // The kept failed run still resumes, and --only still finds its inputs in the kept runs.
        let resumed = try await run(RunRequest(resume: r3.runID))
        XCTAssertTrue(resumed.succeeded)
        let onlyLoad = try await run(RunRequest(selection: StageSelection(only: ["load.a"])))
        XCTAssertTrue(onlyLoad.succeeded)
    }
}
