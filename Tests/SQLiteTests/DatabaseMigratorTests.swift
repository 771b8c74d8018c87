import Foundation
import SQLite
import XCTest

final class DatabaseMigratorTests: XCTestCase {
    private func makeMigrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("create item") { db in
            try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
        }
        migrator.registerMigration("add price") { db in
            try db.execute(sql: "ALTER TABLE item ADD COLUMN price_hundredths INTEGER")
        }
        return migrator
    }

    func testRunsEachMigrationOnceAndSetsUserVersion() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("m.db").path
        let migrator = makeMigrator()
        let db = try Database(path: path)
        try migrator.migrate(db)
        XCTAssertEqual(try db.fetchValue(sql: "PRAGMA user_version", as: Int.self), 2)
        XCTAssertEqual(try migrator.appliedMigrations(db), ["create item", "add price"])
        try migrator.migrate(db)   // would fail with "table item already exists" if rerun
        let reopened = try Database(path: path)
        try migrator.migrate(reopened)
        XCTAssertEqual(try reopened.fetchValue(sql: "PRAGMA user_version", as: Int.self), 2)
    }

    func testAppliesOnlyNewSteps() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("m.db").path
        var first = DatabaseMigrator()
        first.registerMigration("create item") { db in
            try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
        }
        try first.migrate(Database(path: path))
        let db = try Database(path: path)
        XCTAssertEqual(try makeMigrator().appliedMigrations(db), ["create item"])
        try makeMigrator().migrate(db)
        try db.execute(sql: "INSERT INTO item (name, price_hundredths) VALUES ('x', 100)")
    }

    func testFailingStepLeavesThePreviousVersion() throws {
        let db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("m.db").path)
        var migrator = makeMigrator()
        migrator.registerMigration("broken") { db in
            try db.execute(sql: "CREATE TABLE half_done (x)")
            try db.execute(sql: "THIS IS NOT SQL")
        }
        XCTAssertThrowsError(try migrator.migrate(db)) { error in
            guard case .stepFailed(let name, let version, _)? = error as? MigrationError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(name, "broken")
            XCTAssertEqual(version, 3)
        }
        XCTAssertEqual(try db.fetchValue(sql: "PRAGMA user_version", as: Int.self), 2)
        XCTAssertNil(try db.fetchOne(sql: "SELECT name FROM sqlite_master WHERE name = 'half_done'"))
    }

    func testRefusesADatabaseFromANewerVersion() throws {
        let db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("m.db").path)
        try makeMigrator().migrate(db)
        try db.execute(sql: "PRAGMA user_version = 7")
        XCTAssertTrue(try makeMigrator().hasBeenSuperseded(db))
        XCTAssertThrowsError(try makeMigrator().migrate(db)) { error in
            XCTAssertEqual(error as? MigrationError,
                           .databaseIsNewer(path: db.path, version: 7, knownVersion: 2))
        }
    }

    func testMigratesThroughAQueue() throws {
        let queue = try DatabaseQueue(path: makeTemporaryDirectory(self).appendingPathComponent("q.db").path)
        try makeMigrator().migrate(queue)
        XCTAssertEqual(try queue.read { try $0.fetchValue(sql: "PRAGMA user_version", as: Int.self) }, 2)
    }
}
