import FlowStore
import Foundation
import Omnium
import Pipeline
import Staging
import XCTest

/// Reports a check whose outcome the test sets; counts its runs.
final class CheckScript: @unchecked Sendable {
    private let lock = NSLock()
    private var actual = "100.00"
    private var runs = 0
    func set(actual value: String) { lock.withLock { actual = value } }
    var ran: Int { lock.withLock { runs } }
    fileprivate func next() -> String { lock.withLock { runs += 1; return actual } }
}

struct CheckingStage: Stage {
    let name: String
    let version = 1
    let inputs: [Dataset] = []
    let outputs: [Dataset]
    let isBlocking: Bool
    let script: CheckScript

    func run(_ context: StageContext) async throws -> StageOutcome {
        let actual = script.next()
        return StageOutcome(checks: [StageCheck(name: "totals", summary: "report against rows", isBlocking: isBlocking,
                                                comparisons: [.init(key: "vat 25", expected: "100.00", actual: actual),
                                                              .init(key: "cash", expected: "5.00", actual: "5.00")])])
    }
}

struct ReadingStage: Stage {
    let name: String
    let version = 1
    let inputs: [Dataset]
    let outputs: [Dataset] = []

    func run(_ context: StageContext) async throws -> StageOutcome { StageOutcome(rowsRead: 1) }
}

final class StageCheckTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func environment() throws -> PipelineEnvironment {
        var configuration = OmniflowConfiguration()
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        let omnium = OmniumClient(configuration: OmniumConfiguration(
            baseURL: URL(string: "http://127.0.0.1:9")!, clientId: "unused", clientSecret: "unused"))
        let clock = FixedClock()
        return PipelineEnvironment(
            configuration: configuration, flow: try FlowDatabase(path: folder.appendingPathComponent("flow.db").path),
            control: try ControlStore(root: folder.appendingPathComponent("staging"), clock: clock),
            omnium: omnium, clock: clock)
    }

    func stages(blocking: Bool, _ script: CheckScript) -> [any Stage] {
        [CheckingStage(name: "import.x", outputs: [.external("flow.x")], isBlocking: blocking, script: script),
         ReadingStage(name: "push.x", inputs: [.external("flow.x")]),
         ReadingStage(name: "extract.y", inputs: [])]
    }

    func testAFailedBlockingCheckStopsDownstreamFailsTheRunAndIsRerunOnResume() async throws {
        let environment = try environment()
        let script = CheckScript()
        script.set(actual: "99.00")
        let failed = try await StageRunner(stages: stages(blocking: true, script), environment: environment).run(RunRequest())
        XCTAssertFalse(failed.succeeded, "a failed blocking check fails the run")
        let entry = try XCTUnwrap(failed.manifest.entry(named: "import.x"))
        XCTAssertEqual(entry.status, .succeeded, "the stage's writes stand")
        let check = try XCTUnwrap(entry.outcome?.checks.first)
        XCTAssertEqual(check.failures, [.init(key: "vat 25", expected: "100.00", actual: "99.00")])
        XCTAssertEqual(check.verdict, "totals FAILED: 1 of 2 figures match")
        XCTAssertEqual(failed.manifest.entry(named: "push.x")?.status, .skipped)
        XCTAssertEqual(failed.manifest.entry(named: "push.x")?.error, "skipped: check totals of upstream stage import.x failed")
        XCTAssertEqual(failed.manifest.entry(named: "extract.y")?.status, .succeeded, "independent stages go on")
        XCTAssertEqual(try RunManifest.load(from: failed.runDirectory).entry(named: "import.x")?.outcome?.checks, [check])
        let metrics = PrometheusMetrics(snapshot: try HealthSnapshot.read(from: environment.control, knownQueues: []),
                                        lastRun: failed.manifest, cycle: nil).text
        let line = try XCTUnwrap(metrics.split(separator: "\n").first { $0.hasPrefix("omniflow_stage_check_passed{") }, metrics)
        XCTAssertTrue(line.contains(#"check="totals""#) && line.contains(#"stage="import.x""#) && line.hasSuffix(" 0"), String(line))

        script.set(actual: "100.00")
        let resumed = try await StageRunner(stages: stages(blocking: true, script), environment: environment)
            .run(RunRequest(resume: failed.runID))
        XCTAssertTrue(resumed.succeeded, "\(resumed.manifest.stages.map { $0.error ?? "" })")
        XCTAssertEqual(script.ran, 2, "a stage whose blocking check failed is not trusted on resume")
        XCTAssertEqual(resumed.manifest.entry(named: "push.x")?.status, .succeeded)
    }

    func testAFailedNonBlockingCheckIsRecordedButStopsNothing() async throws {
        let script = CheckScript()
        script.set(actual: "99.00")
        let result = try await StageRunner(stages: stages(blocking: false, script), environment: try environment())
            .run(RunRequest())
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(result.manifest.entry(named: "push.x")?.status, .succeeded)
        XCTAssertEqual(result.manifest.entry(named: "import.x")?.outcome?.checks.first?.passed, false)
    }

    /// The SAF-T example imported without article 3001: its Z report no longer adds up. The import stage
    /// records that as its blocking `z_report` check, with both figures per key, instead of failing.
    func testTheZReportReconciliationOfAPosImportIsABlockingCheck() async throws {
        let environment = try environment()
        try environment.flow.write { db in
            try db.execute(sql: "INSERT INTO organizations (organization_uid, name, vat_number, content_hash) VALUES ('selskapet', 'Selskapet ASA', '999999999', 0)")
            try db.execute(sql: "INSERT INTO stores (store_uid, name, is_active, organization_uid, content_hash) VALUES ('frogner', 'Location A: Shop Frogner', 1, 'selskapet', 0)")
            for sku in ["1001", "1002", "1003", "2001"] {
                try db.execute(sql: """
                    INSERT INTO products (product_uid, sku, name, product_group_uid, vat_code_uid, is_active, allow_purchase, content_hash)
                    VALUES (?, ?, ?, 'g', 'v', 1, 1, 0)
                    """, arguments: [sku, sku, "Vare \(sku)"])
            }
        }
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/data/saft/ExampleFile SAF-T Cash Register_999999999_20161125210734.xml")
        let stages: [any Stage] = [ImportPosJournal(files: [example]),
                                   ReadingStage(name: "push.pos_orders", inputs: [.external("flow.pos_orders")])]
        let result = try await StageRunner(stages: stages, environment: environment).run(RunRequest())
        XCTAssertFalse(result.succeeded)
        let entry = try XCTUnwrap(result.manifest.entry(named: "import.pos_journal"))
        XCTAssertEqual(entry.status, .succeeded)
        XCTAssertEqual(entry.outcome?.rowsWritten, 2, "the transactions that map stay imported")
        let check = try XCTUnwrap(entry.outcome?.checks.first)
        XCTAssertEqual(check.name, "z_report")
        XCTAssertTrue(check.isBlocking)
        XCTAssertFalse(check.failures.isEmpty)
        XCTAssertGreaterThan(check.comparisons.count, check.failures.count, "the figures that match are listed too")
        XCTAssertTrue(check.failures.allSatisfy { $0.key.contains("11.222-33.44.567") || $0.key.contains("11_222") },
                      "\(check.failures)")
        XCTAssertEqual(result.manifest.entry(named: "push.pos_orders")?.status, .skipped)
    }
}
