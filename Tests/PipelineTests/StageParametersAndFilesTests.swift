import FlowStore
import Foundation
import Omnium
import Pipeline
import Staging
import XCTest

/// Writes `<run>/pages/<name>.txt` as its file output; counts its runs; may be told to fail.
struct FileWritingStage: Stage {
    let name = "render.pages"
    let version = 1
    let inputs: [Dataset] = []
    let outputs: [Dataset] = [.external("flow.pages")]
    var parameters: [String: String]
    let script: StageScript

    func run(_ context: StageContext) async throws -> StageOutcome {
        try script.record(name)
        for page in ["a", "b"] {
            try Data("page \(page) of \(parameters["file"] ?? "?")".utf8).write(to: try context.fileOutput("pages/\(page).txt"))
        }
        _ = try context.fileOutput("pages/never-written.txt")
        return StageOutcome(rowsWritten: 2)
    }
}

final class StageParametersAndFilesTests: XCTestCase {
    var folder: URL!
    let script = StageScript()

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func environment() throws -> PipelineEnvironment {
        var configuration = OmniflowConfiguration()
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        let omnium = OmniumClient(configuration: OmniumConfiguration(
            baseURL: URL(string: "http://127.0.0.1:9")!, clientId: "unused", clientSecret: "unused"))
        return PipelineEnvironment(
            configuration: configuration, flow: try FlowDatabase(path: folder.appendingPathComponent("flow.db").path),
            control: try ControlStore(root: folder.appendingPathComponent("staging"), clock: FixedClock()),
            omnium: omnium, clock: FixedClock())
    }

    /// A failing stage after the file writer, so the run can be resumed.
    func stages(file: String) -> [any Stage] {
        [FileWritingStage(parameters: ["file": file], script: script),
         CopyStage(name: "push.pages", inputs: [.external("flow.pages")], outputs: [], script: script)]
    }

    func testFileOutputsAreChecksummedAndAResumeRedoesAStageWhoseFileChanged() async throws {
        let environment = try environment()
        script.fail("push.pages", true)
        let failed = try await StageRunner(stages: stages(file: "x.xml"), environment: environment).run(RunRequest())
        XCTAssertFalse(failed.succeeded)
        let files = try XCTUnwrap(failed.manifest.entry(named: "render.pages")?.outcome?.files)
        XCTAssertEqual(files.keys.sorted(), ["pages/a.txt", "pages/b.txt"], "a declared file never written is no output")
        XCTAssertEqual(files["pages/a.txt"]?.count, 64)
        XCTAssertEqual(try RunManifest.load(from: failed.runDirectory).entry(named: "render.pages")?.outcome?.files, files)

        // Untouched files: the stage is trusted on resume.
        script.fail("push.pages", true)
        _ = try await StageRunner(stages: stages(file: "x.xml"), environment: environment).run(RunRequest(resume: failed.runID))
        XCTAssertEqual(script.ran("render.pages"), 1)

        // A changed file: the stage is redone.
        try Data("tampered".utf8).write(to: failed.runDirectory.appendingPathComponent("pages/b.txt"))
        script.fail("push.pages", false)
        let resumed = try await StageRunner(stages: stages(file: "x.xml"), environment: environment)
            .run(RunRequest(resume: failed.runID))
        XCTAssertTrue(resumed.succeeded)
        XCTAssertEqual(script.ran("render.pages"), 2)
        XCTAssertEqual(try String(contentsOf: failed.runDirectory.appendingPathComponent("pages/b.txt"), encoding: .utf8),
                       "page b of x.xml")
    }

    func testParametersArePartOfTheStageRunsIdentity() async throws {
        let environment = try environment()
        script.fail("push.pages", true)
        let failed = try await StageRunner(stages: stages(file: "x.xml"), environment: environment).run(RunRequest())
        XCTAssertEqual(failed.manifest.entry(named: "render.pages")?.parameters, ["file": "x.xml"])
        XCTAssertNil(failed.manifest.entry(named: "push.pages")?.parameters)
        XCTAssertEqual(try environment.control.stageRun(runID: failed.runID, stage: "render.pages")?.parameters, "file=x.xml")

        // The same stage over another file is another stage run: not reused on resume.
        script.fail("push.pages", false)
        let resumed = try await StageRunner(stages: stages(file: "y.xml"), environment: environment)
            .run(RunRequest(resume: failed.runID))
        XCTAssertTrue(resumed.succeeded)
        XCTAssertEqual(script.ran("render.pages"), 2)
        XCTAssertEqual(try environment.control.stageRun(runID: failed.runID, stage: "render.pages")?.parameters, "file=y.xml")
    }

    func testAFileOutputCannotLeaveTheRunFolder() async throws {
        struct Escaping: Stage {
            let name = "render.escape"
            let version = 1
            let inputs: [Dataset] = []
            let outputs: [Dataset] = []
            func run(_ context: StageContext) async throws -> StageOutcome {
                _ = try context.fileOutput("../outside.txt")
                return StageOutcome()
            }
        }
        let result = try await StageRunner(stages: [Escaping()], environment: try environment()).run(RunRequest())
        XCTAssertFalse(result.succeeded)
        XCTAssertEqual(result.manifest.entry(named: "render.escape")?.error,
                       "file output '../outside.txt' must be a relative path inside the run folder")
    }
}
