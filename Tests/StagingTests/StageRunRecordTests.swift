import Foundation
import SQLite
import Staging
import XCTest

final class StageRunRecordTests: XCTestCase {
    func testUpsertPerRunAndStage() throws {
        let store = try makeControlStore(self)
        let run = try store.createRun(id: "r1", arguments: "run")
        var record = StageRunRecord(runID: run.id, stage: "extract.stores", stageVersion: "1", status: .running,
                                    startedAt: testEpoch)
        try store.upsertStageRun(record)
        record.status = .succeeded
        record.finishedAt = testEpoch.addingTimeInterval(2.5)
        record.duration = 2.5
        record.rowsRead = 120
        record.rowsWritten = 100
        record.rowsUnchanged = 15
        record.quarantined = 5
        record.checksum = "abc"
        try store.upsertStageRun(record)
        try store.upsertStageRun(StageRunRecord(runID: run.id, stage: "transform.stores", stageVersion: "2"))

        XCTAssertEqual(try store.stageRun(runID: run.id, stage: "extract.stores"), record)
        XCTAssertEqual(try store.stageRuns(runID: run.id).map(\.stage), ["extract.stores", "transform.stores"])
        XCTAssertEqual(try store.stageRuns(runID: run.id).map(\.status), [.succeeded, .pending])
    }

    /// A `running` record written without waiting for the disk is committed like any other (another connection
    /// sees it), and the connection's own `synchronous` setting is back afterwards, also when the write fails.
    func testARecordWrittenWithoutWaitingForTheDiskIsCommittedAndTheSettingRestored() throws {
        let store = try makeControlStore(self)
        let run = try store.createRun(id: "r1", arguments: "run")
        let synchronous = { try store.read { try $0.fetchValue(sql: "PRAGMA synchronous", as: Int.self) } }
        let before = try synchronous()
        let record = StageRunRecord(runID: run.id, stage: "extract.stores", stageVersion: "1", status: .running,
                                    startedAt: testEpoch)
        try store.upsertStageRun(record, durable: false)
        XCTAssertEqual(try synchronous(), before)
        let other = try DatabaseQueue(path: store.databaseURL.path)
        XCTAssertEqual(try other.read { try $0.fetchValue(sql: "SELECT status FROM stage_runs WHERE stage = 'extract.stores'",
                                                          as: String.self) }, "running")

        struct Refused: Error {}
        XCTAssertThrowsError(try store.writeWithoutWaitingForTheDisk { db in
            try db.execute(sql: "DELETE FROM stage_runs")
            throw Refused()
        })
        XCTAssertEqual(try synchronous(), before)
        XCTAssertEqual(try store.stageRuns(runID: run.id).map(\.status), [.running], "the failed write rolled back")
    }

    func testLastSucceededInARunAndAcrossRuns() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        for (index, status) in [StageRunRecord.Status.succeeded, .succeeded, .failed].enumerated() {
            let run = try store.createRun(id: "r\(index)", arguments: "")
            try store.upsertStageRun(StageRunRecord(runID: run.id, stage: "load.products", stageVersion: "1",
                                                    status: status, finishedAt: clock.now, checksum: "c\(index)"))
            clock.advance(by: 3600)
        }
        XCTAssertEqual(try store.lastSucceededStageRun(stage: "load.products")?.runID, "r1")
        XCTAssertEqual(try store.lastSucceededStageRun(stage: "load.products", runID: "r0")?.checksum, "c0")
        XCTAssertNil(try store.lastSucceededStageRun(stage: "load.products", runID: "r2"))
        XCTAssertNil(try store.lastSucceededStageRun(stage: "other"))
    }

    func testStageRunNeedsAnExistingRun() throws {
        let store = try makeControlStore(self)
        XCTAssertThrowsError(try store.upsertStageRun(StageRunRecord(runID: "missing", stage: "s", stageVersion: "1"))) {
            XCTAssertTrue(($0 as? SQLiteError)?.isConstraintViolation ?? false)
        }
    }

    func testUnknownStatusIsReportedWithColumn() throws {
        let store = try makeControlStore(self)
        try store.createRun(id: "r1", arguments: "")
        try store.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "INSERT INTO stage_runs (run_id, stage, stage_version, status) VALUES ('r1', 's', '1', 'paused')")
        }
        XCTAssertThrowsError(try store.stageRuns(runID: "r1")) { error in
            guard case .invalidValue(let column, let value, _)? = error as? StagingError else { return XCTFail("\(error)") }
            XCTAssertEqual(column, "status")
            XCTAssertEqual(value, "paused")
        }
    }
}
