import Foundation
import SQLite
import XCTest

final class DatabaseTests: XCTestCase {
    private func openDatabase(_ configuration: Database.Configuration = .init()) throws -> Database {
        try Database(path: makeTemporaryDirectory(self).appendingPathComponent("test.db").path,
                     configuration: configuration)
    }

    func testOpensWithWALAndForeignKeys() throws {
        let db = try openDatabase()
        XCTAssertEqual(try db.fetchValue(sql: "PRAGMA journal_mode", as: String.self), "wal")
        XCTAssertEqual(try db.fetchValue(sql: "PRAGMA foreign_keys", as: Int.self), 1)
        XCTAssertEqual(try db.fetchValue(sql: "PRAGMA busy_timeout", as: Int.self), 5000)
    }

    func testBusyTimeoutIsConfigurable() throws {
        let db = try openDatabase(Database.Configuration(busyTimeout: 0.25))
        XCTAssertEqual(try db.fetchValue(sql: "PRAGMA busy_timeout", as: Int.self), 250)
    }

    /// Two processes opening a new database together: while one writes in rollback-journal mode,
    /// SQLite answers the other's switch to WAL with SQLITE_BUSY at once, without its busy handler.
    /// Opening must wait like every other statement instead of failing with "database is locked".
    func testOpeningWaitsForTheSwitchToWALWhileAnotherConnectionWrites() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("race.db").path
        let writer = try Database(path: path, configuration: .init(journalModeWAL: false))
        try writer.execute(sql: "CREATE TABLE t (a INTEGER)")
        try writer.execute(sql: "BEGIN IMMEDIATE")
        try writer.execute(sql: "INSERT INTO t VALUES (1)")
        nonisolated(unsafe) let holder = writer
        let released = expectation(description: "writer commits")
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
            try? holder.execute(sql: "COMMIT")
            released.fulfill()
        }
        let opened = try Database(path: path, configuration: .init(busyTimeout: 10))
        XCTAssertEqual(try opened.fetchValue(sql: "PRAGMA journal_mode", as: String.self), "wal")
        XCTAssertEqual(try opened.fetchValue(sql: "SELECT count(*) FROM t", as: Int.self), 1)
        wait(for: [released], timeout: 10)
    }

    func testOpeningGivesUpOnTheSwitchToWALAfterTheBusyTimeout() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("held.db").path
        let writer = try Database(path: path, configuration: .init(journalModeWAL: false))
        try writer.execute(sql: "CREATE TABLE t (a INTEGER)")
        try writer.execute(sql: "BEGIN IMMEDIATE")
        try writer.execute(sql: "INSERT INTO t VALUES (1)")
        XCTAssertThrowsError(try Database(path: path, configuration: .init(busyTimeout: 0.1))) { error in
            XCTAssertEqual((error as? SQLiteError)?.resultCode, 5)   // SQLITE_BUSY
        }
        try writer.execute(sql: "ROLLBACK")
    }

    func testOpeningAFolderThatDoesNotExistThrows() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("missing/sub/test.db").path
        XCTAssertThrowsError(try Database(path: path)) { error in
            let error = try? XCTUnwrap(error as? SQLiteError)
            XCTAssertEqual(error?.resultCode, 14)   // SQLITE_CANTOPEN
            XCTAssertTrue(error?.message?.contains(path) ?? false)
        }
    }

    func testExecuteFetchAndConnectionState() throws {
        let db = try openDatabase()
        try db.execute(sql: "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        try db.execute(sql: "INSERT INTO item (name) VALUES (?)", arguments: ["first"])
        XCTAssertEqual(db.lastInsertedRowID, 1)
        try db.execute(sql: "INSERT INTO item (name) VALUES (?)", arguments: ["second"])
        try db.execute(sql: "UPDATE item SET name = name || '!'")
        XCTAssertEqual(db.changesCount, 2)
        let rows = try db.fetchAll(sql: "SELECT id, name FROM item ORDER BY id")
        XCTAssertEqual(rows.map { $0["name"] as String? }, ["first!", "second!"])
        XCTAssertEqual(try db.fetchOne(sql: "SELECT name FROM item WHERE id = ?", arguments: [2])?["name"], "second!")
        XCTAssertNil(try db.fetchOne(sql: "SELECT name FROM item WHERE id = ?", arguments: [3]))
        XCTAssertNil(try db.fetchValue(sql: "SELECT name FROM item WHERE id = 3", as: String.self))
        XCTAssertEqual(try db.fetchValue(sql: "SELECT count(*) FROM item", as: Int.self), 2)
    }

    func testExecuteScriptRunsEveryStatementAndNamesTheFailingOne() throws {
        let db = try openDatabase()
        try db.executeScript("""
            CREATE TABLE a (x INTEGER);  -- first
            CREATE TABLE b (y TEXT);
            INSERT INTO a VALUES (1); INSERT INTO b VALUES ('æøå');
            """)
        XCTAssertEqual(try db.fetchValue(sql: "SELECT y FROM b", as: String.self), "æøå")
        XCTAssertThrowsError(try db.executeScript("INSERT INTO a VALUES (2); INSERT INTO nowhere VALUES (3);")) {
            let error = $0 as? SQLiteError
            XCTAssertEqual(error?.sql, "INSERT INTO nowhere VALUES (3);")
            XCTAssertTrue(error?.message?.contains("no such table: nowhere") ?? false)
        }
    }

    func testExecuteRefusesSeveralStatements() throws {
        let db = try openDatabase()
        XCTAssertThrowsError(try db.execute(sql: "SELECT 1; SELECT 2")) {
            XCTAssertEqual(($0 as? SQLiteError)?.resultCode, 21)   // SQLITE_MISUSE
        }
        XCTAssertEqual(try db.fetchValue(sql: "SELECT 1; -- trailing comment\n", as: Int.self), 1)
    }

    func testForEachRowStreamsAndStopsOnError() throws {
        let db = try openDatabase()
        try db.execute(sql: "CREATE TABLE n (v INTEGER)")
        try db.inTransaction {
            for value in 1...100 { try db.execute(sql: "INSERT INTO n VALUES (?)", arguments: [value]) }
        }
        var sum = 0
        try db.forEachRow(sql: "SELECT v FROM n") { sum += try $0.decode("v") as Int }
        XCTAssertEqual(sum, 5050)

        struct Stop: Error {}
        var seen = 0
        XCTAssertThrowsError(try db.forEachRow(sql: "SELECT v FROM n") { _ in
            seen += 1
            if seen == 3 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, 3)
        // The statement was reset: the same SQL runs again from the start.
        XCTAssertEqual(try db.fetchAll(sql: "SELECT v FROM n").count, 100)
    }

    func testTwoConnectionsSeeEachOthersCommits() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("shared.db").path
        let writer = try Database(path: path)
        let reader = try Database(path: path)
        try writer.execute(sql: "CREATE TABLE t (v TEXT)")
        try writer.execute(sql: "INSERT INTO t VALUES ('x')")
        XCTAssertEqual(try reader.fetchValue(sql: "SELECT v FROM t", as: String.self), "x")
    }
}
