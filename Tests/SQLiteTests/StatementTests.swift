import Foundation
import SQLite
import XCTest

final class StatementTests: XCTestCase {
    private var db: Database!

    override func setUpWithError() throws {
        db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("statements.db").path)
        try db.execute(sql: "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, score REAL, photo BLOB)")
    }

    override func tearDown() { db = nil }

    func testPreparedStatementRunsManyTimesWithNewArguments() throws {
        let insert = try db.makeStatement(sql: "INSERT INTO person (id, name, score, photo) VALUES (?, ?, ?, ?)")
        try insert.execute(arguments: [1, "Åse", 9.5, Data([1, 2])])
        try insert.execute(arguments: [2, "Øyvind", nil, nil])
        let select = try db.makeStatement(sql: "SELECT id, name, score, photo FROM person ORDER BY id")
        XCTAssertEqual(select.columnNames, ["id", "name", "score", "photo"])
        XCTAssertTrue(select.isReadOnly)
        XCTAssertFalse(insert.isReadOnly)
        let rows = try select.fetchAll()
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0][1], .text("Åse"))
        XCTAssertEqual(rows[0][3], .blob(Data([1, 2])))
        XCTAssertEqual(rows[1][2], .null)
        XCTAssertEqual(try select.fetchOne()?["name"], "Åse")
    }

    func testPreviousBindingsDoNotLeakIntoTheNextRun() throws {
        let insert = try db.makeStatement(sql: "INSERT INTO person (id, name) VALUES (?, ?)")
        try insert.execute(arguments: [1, "first"])
        try insert.execute(arguments: [2, nil])
        XCTAssertNil(try db.fetchValue(sql: "SELECT name FROM person WHERE id = 2", as: String.self))
    }

    func testWrongArgumentCountThrowsWithSQL() throws {
        let insert = try db.makeStatement(sql: "INSERT INTO person (id, name) VALUES (?, ?)")
        XCTAssertThrowsError(try insert.execute(arguments: [1])) { error in
            let error = error as? SQLiteError
            XCTAssertEqual(error?.resultCode, 25)   // SQLITE_RANGE
            XCTAssertEqual(error?.sql, "INSERT INTO person (id, name) VALUES (?, ?)")
        }
    }

    func testPrepareErrorCarriesSQLAndMessage() {
        XCTAssertThrowsError(try db.makeStatement(sql: "SELEC 1")) { error in
            let error = error as? SQLiteError
            XCTAssertEqual(error?.resultCode, 1)    // SQLITE_ERROR
            XCTAssertEqual(error?.sql, "SELEC 1")
            XCTAssertTrue(error?.message?.contains("syntax error") ?? false)
        }
    }
}
