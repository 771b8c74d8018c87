import Foundation
import SQLite
import Staging
import XCTest

final class ControlStoreTests: XCTestCase {
    func testCreatesFolderAndMigratesTheControlDatabase() throws {
        let root = try makeTemporaryDirectory(self).appendingPathComponent("nested/staging")
        let store = try ControlStore(root: root)
        XCTAssertEqual(store.databaseURL.path, root.appendingPathComponent("omniflow.db").path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.databaseURL.path))
        let tables: [String] = try store.read { db in
            try db.fetchAll(sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .map { try $0.decode("name") }
        }
        XCTAssertEqual(tables, ["inbox_events", "quarantine", "run_lock", "runs", "stage_runs", "sync_jobs", "watermarks"])
        XCTAssertEqual(try store.read { try $0.fetchValue(sql: "PRAGMA user_version", as: Int.self) },
                       ControlSchema.migrator.latestVersion)
        XCTAssertEqual(store.runFolder(for: "r1").path, root.appendingPathComponent("runs/r1").path)
    }

    func testReopeningKeepsDataAndANewerDatabaseIsRefused() throws {
        let root = try makeTemporaryDirectory(self).appendingPathComponent("staging")
        try ControlStore(root: root).setWatermark("v1", for: "stream")
        XCTAssertEqual(try ControlStore(root: root).watermark(for: "stream")?.value, "v1")
        let db = try Database(path: root.appendingPathComponent("omniflow.db").path)
        try db.execute(sql: "PRAGMA user_version = 99")
        XCTAssertThrowsError(try ControlStore(root: root)) { error in
            guard case .databaseIsNewer(_, 99, _)? = error as? MigrationError else { return XCTFail("\(error)") }
        }
    }

    func testWriteGroupsTableChangesInOneTransaction() throws {
        let store = try makeControlStore(self)
        struct Abort: Error {}
        XCTAssertThrowsError(try store.write { db in
            try WatermarkTable.set(db, stream: "orders", value: "2026-11-26", at: testEpoch)
            try SyncQueueTable.enqueue(db, queue: SyncJob.Queue.externalOrderSync, objectKey: "o1", at: testEpoch)
            throw Abort()
        })
        XCTAssertNil(try store.watermark(for: "orders"))
        XCTAssertEqual(try store.syncJobs(queue: SyncJob.Queue.externalOrderSync), [])
    }
}
