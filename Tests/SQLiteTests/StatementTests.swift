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

/// Typed binding (``StatementBindings``): values straight to SQLite, every placeholder required.
final class StatementBindingsTests: XCTestCase {
    private var db: Database!

    override func setUpWithError() throws {
        db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("bindings.db").path)
        try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount INTEGER, at TEXT, photo BLOB)")
    }

    override func tearDown() { db = nil }

    func testTypedValuesReadBackAsTheBoxedOnesWouldBeStored() throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO t (id, name, amount, at, photo) VALUES (?, ?, ?, ?, ?)")
        let date = Date(timeIntervalSince1970: 1_764_000_000.123)
        try insert.execute { b in
            b.bind(1); b.bind("Åse\u{0}x"); b.bind(Int64.min); b.bind(date); b.bind(Data([1, 2]))
        }
        try insert.execute { b in
            b.bind(Int64(2)); b.bind(""); b.bind(nil as Int64?); b.bind(nil as Date?); b.bind(Data())
        }
        try insert.execute { b in
            b.bind(3); b.bind(nil as String?); b.bindNull(); b.bindNull(); b.bindNull()
        }
        let rows = try db.fetchAll(sql: "SELECT * FROM t ORDER BY id")
        XCTAssertEqual(rows[0][1], .text("Åse\u{0}x"))
        XCTAssertEqual(rows[0][2], .integer(Int64.min))
        XCTAssertEqual(rows[0][3], date.databaseValue)
        XCTAssertEqual(rows[0][4], .blob(Data([1, 2])))
        XCTAssertEqual(rows[1][1], .text(""), "empty text stays text")
        XCTAssertEqual(rows[1][2], .null)
        XCTAssertEqual(rows[1][4], .blob(Data()))
        XCTAssertEqual(rows[2][1], .null)
    }

    /// Values bound as `any DatabaseValueConvertible` (a table writer's column list) are stored as the
    /// argument arrays store them, every storage class included.
    func testConvertibleValuesBindAsArgumentArraysBindThem() throws {
        let values: [[(any DatabaseValueConvertible)?]] = [
            [10, "Åse", Int64(-5), Date(timeIntervalSince1970: 1_764_000_000.5), Data([7])],
            [11, nil, 2.5, true, DatabaseValue.null],
        ]
        for row in values {
            try db.cachedStatement(sql: "INSERT INTO t (id, name, amount, at, photo) VALUES (?, ?, ?, ?, ?)")
                .execute { b in for value in row { b.bind(value) } }
            try db.cachedStatement(sql: "INSERT INTO t (id, name, amount, at, photo) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: StatementArguments([(row[0] as! Int) + 100] + row.dropFirst()))
        }
        let stored = try db.fetchAll(sql: "SELECT * FROM t ORDER BY id").map { row in (1..<5).map { row[$0] } }
        XCTAssertEqual(stored.count, 4)
        XCTAssertEqual(stored[0], stored[2])
        XCTAssertEqual(stored[1], stored[3])
        XCTAssertEqual(stored[1], [.null, .real(2.5), .text("1"), .null], "the column's TEXT affinity applies to both")
    }

    func testReturnedRowsReadTextAndIntegersByPosition() throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO t (id, name) VALUES (?, ?) RETURNING id, name")
        var read: [(Int64, String?)] = []
        for (id, name) in [(1, "Åse\u{0}x" as String?), (2, ""), (3, nil)] {
            try insert.execute({ b in b.bind(id); b.bind(name) }, eachRow: { read.append(($0.int64(0), $0.text(1))) })
        }
        XCTAssertEqual(read.map(\.0), [1, 2, 3])
        XCTAssertEqual(read.map(\.1), ["Åse\u{0}x", "", nil], "empty text is text, NULL is nil")
    }

    func testEveryPlaceholderMustBeBoundAndErrorsNameTheSQL() throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO t (id, name) VALUES (?, ?)")
        XCTAssertEqual(insert.parameterCount, 2)
        XCTAssertThrowsError(try insert.execute { b in b.bind(1) }) { error in
            XCTAssertEqual((error as? SQLiteError)?.resultCode, 25 /* SQLITE_RANGE */, "\(error)")
        }
        XCTAssertThrowsError(try insert.execute { b in b.bind(1); b.bind("a"); b.bind("b") })
        try insert.execute { b in b.bind(1); b.bind("a") }
        XCTAssertThrowsError(try insert.execute { b in b.bind(1); b.bind("secret") }) { error in
            let sqlite = error as? SQLiteError
            XCTAssertEqual(sqlite?.isConstraintViolation, true)
            XCTAssertTrue("\(error)".contains("INSERT INTO t"), "\(error)")
            XCTAssertFalse("\(error)".contains("secret"), "values never appear: \(error)")
        }
        // The statement is usable again after the failure (dropped from the cache, still valid).
        try insert.execute { b in b.bind(2); b.bind("b") }
        XCTAssertEqual(try db.fetchValue(sql: "SELECT count(*) FROM t", as: Int.self), 2)
    }
}
