import Foundation
import SQLite
import XCTest

final class SQLiteErrorTests: XCTestCase {
    private func makeDatabase(_ configuration: Database.Configuration = .init()) throws -> Database {
        let db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("e.db").path,
                              configuration: configuration)
        try db.execute(sql: "CREATE TABLE customer (id TEXT PRIMARY KEY, email TEXT NOT NULL)")
        try db.execute(sql: "INSERT INTO customer VALUES (?, ?)", arguments: ["c1", "kari@example.no"])
        return db
    }

    func testConstraintViolationCarriesCodesSQLAndMessage() throws {
        let db = try makeDatabase()
        let sql = "INSERT INTO customer VALUES (?, ?)"
        XCTAssertThrowsError(try db.execute(sql: sql, arguments: ["c1", "ola@example.no"])) { error in
            guard let error = error as? SQLiteError else { return XCTFail("\(error)") }
            XCTAssertTrue(error.isConstraintViolation)
            XCTAssertFalse(error.isBusy)
            XCTAssertEqual(error.resultCode, 19)            // SQLITE_CONSTRAINT
            XCTAssertEqual(error.extendedResultCode, 1555)  // SQLITE_CONSTRAINT_PRIMARYKEY
            XCTAssertEqual(error.sql, sql)
            XCTAssertEqual(error.message, "UNIQUE constraint failed: customer.id")
            XCTAssertEqual(error.arguments, ["c1", "ola@example.no"])
            switch error {
            case 19: break
            default: XCTFail("result codes should pattern-match")
            }
        }
    }

    func testDescriptionRedactsArgumentsByDefault() throws {
        let db = try makeDatabase()
        XCTAssertThrowsError(try db.execute(sql: "INSERT INTO customer VALUES (?, ?)", arguments: ["c2", nil])) {
            let text = "\($0)"
            XCTAssertTrue(text.contains("NOT NULL constraint failed: customer.email"), text)
            XCTAssertTrue(text.contains("INSERT INTO customer VALUES (?, ?)"), text)
            XCTAssertTrue(text.contains("redacted"), text)
            XCTAssertFalse(text.contains("c2"), text)
        }
    }

    func testDescriptionShowsArgumentsWhenMadePublic() throws {
        let db = try makeDatabase(Database.Configuration(publicStatementArguments: true))
        XCTAssertThrowsError(try db.execute(sql: "INSERT INTO customer VALUES (?, ?)",
                                            arguments: ["c1", "ola@example.no"])) {
            XCTAssertTrue("\($0)".contains("'ola@example.no'"), "\($0)")
        }
    }

    func testBusyIsDetected() {
        XCTAssertTrue(SQLiteError(extendedResultCode: 5).isBusy)
        XCTAssertTrue(SQLiteError(extendedResultCode: 517).isBusy)   // SQLITE_BUSY_SNAPSHOT
        XCTAssertFalse(SQLiteError(extendedResultCode: 19).isBusy)
    }
}
