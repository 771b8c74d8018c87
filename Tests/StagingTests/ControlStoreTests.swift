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
        XCTAssertTrue(Set(tables).isSuperset(of: ["inbox_events", "quarantine", "run_lock", "runs", "stage_runs",
                                                  "sync_jobs", "watermarks"]), "\(tables)")
        XCTAssertEqual(try store.read { try ControlSchema.migrator.appliedMigrations($0) },
                       ControlSchema.migrator.migrations.map(\.name))
        XCTAssertEqual(store.runFolder(for: "r1").path, root.appendingPathComponent("runs/r1").path)
    }

    func testReopeningKeepsDataAndANewerDatabaseIsRefused() throws {
        let root = try makeTemporaryDirectory(self).appendingPathComponent("staging")
        try ControlStore(root: root).setWatermark("v1", for: "stream")
        XCTAssertEqual(try ControlStore(root: root).watermark(for: "stream")?.value, "v1")
        let db = try Database(path: root.appendingPathComponent("omniflow.db").path)
        try db.execute(sql: "INSERT INTO omniflow_migrations (name, applied_at) VALUES ('from the future', '')")
        XCTAssertThrowsError(try ControlStore(root: root)) { error in
            guard case .databaseIsNewer(_, ["from the future"])? = error as? MigrationError else {
                return XCTFail("\(error)")
            }
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
