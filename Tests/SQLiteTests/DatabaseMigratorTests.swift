import Foundation
import SQLite
import XCTest

final class DatabaseMigratorTests: XCTestCase {
    private func makeMigrator(legacy: [String] = []) -> DatabaseMigrator {
        var migrator = DatabaseMigrator(legacyVersionSteps: legacy)
        migrator.registerMigration("create item") { db in
            try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
        }
        migrator.registerMigration("add price") { db in
            try db.execute(sql: "ALTER TABLE item ADD COLUMN price_hundredths INTEGER")
        }
        return migrator
    }

    private func temporaryDatabase(_ name: String = "m.db") throws -> Database {
        try Database(path: makeTemporaryDirectory(self).appendingPathComponent(name).path)
    }

    func testRunsEachMigrationOnceAndRecordsItsName() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("m.db").path
        let migrator = makeMigrator()
        let db = try Database(path: path)
        try migrator.migrate(db)
        XCTAssertEqual(try migrator.appliedMigrations(db), ["create item", "add price"])
        XCTAssertEqual(try db.fetchValue(sql: "PRAGMA user_version", as: Int.self),
                       DatabaseMigrator.namedSchemaUserVersion)
        try migrator.migrate(db)   // would fail with "table item already exists" if rerun
        let reopened = try Database(path: path)
        try migrator.migrate(reopened)
        XCTAssertEqual(try migrator.appliedMigrations(reopened), ["create item", "add price"])
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

    /// The defect named migrations fix: groups A and B are registered one after the other; a step added
    /// to group A (registered before B's steps) is applied, and nothing of B is rerun.
    func testAStepAddedToAnEarlyGroupAppliesExactlyThatStep() throws {
        let db = try temporaryDatabase()
        func migrator(groupA: [String]) -> DatabaseMigrator {
            var migrator = DatabaseMigrator()
            for name in groupA { migrator.registerMigration(name) { try $0.execute(sql: "CREATE TABLE \(name) (x)") } }
            migrator.registerMigration("b1") { try $0.execute(sql: "CREATE TABLE b1 (x)") }
            return migrator
        }
        try migrator(groupA: ["a1"]).migrate(db)
        try migrator(groupA: ["a1", "a2"]).migrate(db)   // position-based, this would rerun b1 and fail
        XCTAssertEqual(try migrator(groupA: ["a1", "a2"]).appliedMigrations(db), ["a1", "b1", "a2"])
        XCTAssertNotNil(try db.fetchOne(sql: "SELECT 1 FROM sqlite_master WHERE name = 'a2'"))
    }

    func testAdoptsADatabaseThatCountedItsStepsInUserVersion() throws {
        let db = try temporaryDatabase()
        try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
        try db.execute(sql: "PRAGMA user_version = 1")
        let migrator = makeMigrator(legacy: ["create item"])
        XCTAssertEqual(try migrator.appliedMigrations(db), ["create item"])
        try migrator.migrate(db)   // "create item" is adopted, not rerun; "add price" is applied
        XCTAssertEqual(try migrator.appliedMigrations(db), ["create item", "add price"])
        try db.execute(sql: "INSERT INTO item (name, price_hundredths) VALUES ('x', 100)")
    }

    func testFailingStepLeavesThePreviousSteps() throws {
        let db = try temporaryDatabase()
        var migrator = makeMigrator()
        migrator.registerMigration("broken") { db in
            try db.execute(sql: "CREATE TABLE half_done (x)")
            try db.execute(sql: "THIS IS NOT SQL")
        }
        XCTAssertThrowsError(try migrator.migrate(db)) { error in
            guard case .stepFailed(let name, _)? = error as? MigrationError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(name, "broken")
        }
        XCTAssertEqual(try migrator.appliedMigrations(db), ["create item", "add price"])
        XCTAssertNil(try db.fetchOne(sql: "SELECT name FROM sqlite_master WHERE name = 'half_done'"))
    }

    func testRefusesADatabaseFromANewerVersion() throws {
        let db = try temporaryDatabase()
        var newer = makeMigrator()
        newer.registerMigration("from the future") { try $0.execute(sql: "CREATE TABLE future (x)") }
        try newer.migrate(db)
        XCTAssertTrue(try makeMigrator().hasBeenSuperseded(db))
        XCTAssertThrowsError(try makeMigrator().migrate(db)) { error in
            XCTAssertEqual(error as? MigrationError, .databaseIsNewer(path: db.path, unknownSteps: ["from the future"]))
        }
    }

    func testRefusesALegacyVersionBeyondTheKnownSteps() throws {
        let db = try temporaryDatabase()
        try db.execute(sql: "PRAGMA user_version = 7")
        XCTAssertThrowsError(try makeMigrator(legacy: ["create item"]).migrate(db)) { error in
            XCTAssertEqual(error as? MigrationError, .databaseIsNewer(path: db.path, unknownSteps: ["user_version 7"]))
        }
    }

    func testMigratesThroughAQueue() throws {
        let queue = try DatabaseQueue(path: makeTemporaryDirectory(self).appendingPathComponent("q.db").path)
        try makeMigrator().migrate(queue)
        XCTAssertEqual(try queue.read { try makeMigrator().appliedMigrations($0) }, ["create item", "add price"])
    }
}
