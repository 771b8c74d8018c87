import Foundation
import SQLite
import XCTest
import FlowStore

/// A fresh `flow.db` in its own temporary folder with the catalogue tables migrated.
func makeCatalogueTestDatabase(_ testCase: XCTestCase) throws -> Database {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("omniflow-catalogue-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    let db = try Database(path: folder.appendingPathComponent("flow.db").path)
    var migrator = DatabaseMigrator()
    for migration in CatalogueMigrations.migrations {
        migrator.registerMigration(migration.name) { try $0.executeScript(migration.sql) }
    }
    try migrator.migrate(db)
    return db
}

/// Counts every row UPDATE on `table` through a trigger, so a test can prove unchanged rows were
/// not rewritten (not merely that the counts say so).
func countRowUpdates(on table: String, in db: Database) throws {
    try db.executeScript("""
        CREATE TABLE IF NOT EXISTS test_update_log (table_name TEXT NOT NULL);
        CREATE TEMP TRIGGER \(table)_updates AFTER UPDATE ON \(table)
        BEGIN INSERT INTO test_update_log VALUES ('\(table)'); END;
        """)
}

func rowUpdates(on table: String, in db: Database) throws -> Int {
    try db.fetchValue(sql: "SELECT count(*) FROM test_update_log WHERE table_name = ?", arguments: [table],
                      as: Int.self) ?? 0
}
