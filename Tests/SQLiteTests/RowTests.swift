import Foundation
import SQLite
import XCTest

final class RowTests: XCTestCase {
    private let sql = "SELECT id, name, note FROM product"
    private var row: Row {
        Row(columnNames: ["id", "name", "note"], values: [.integer(7), .text("Sykkel"), .null], sql: sql)
    }

    func testSubscriptIsLenient() {
        XCTAssertEqual(row["id"] as Int?, 7)
        XCTAssertEqual(row["NAME"] as String?, "Sykkel")
        XCTAssertNil(row["note"] as String?)
        XCTAssertNil(row["id"] as String?)
        XCTAssertNil(row["missing"] as Int?)
    }

    func testDecodeReturnsTypedValues() throws {
        XCTAssertEqual(try row.decode("id") as Int64, 7)
        XCTAssertEqual(try row.decode("name", as: String.self), "Sykkel")
        XCTAssertNil(try row.decodeIfPresent("note", as: String.self))
    }

    func testDecodeErrorsNameColumnAndSQL() {
        XCTAssertThrowsError(try row.decode("missing", as: Int.self)) { error in
            let error = error as? RowDecodingError
            XCTAssertEqual(error?.column, "missing")
            XCTAssertEqual(error?.sql, sql)
            XCTAssertEqual(error?.reason, .missingColumn(available: ["id", "name", "note"]))
        }
        XCTAssertThrowsError(try row.decode("note", as: String.self)) { error in
            XCTAssertEqual((error as? RowDecodingError)?.reason, .unexpectedNull(type: "String"))
            XCTAssertTrue("\(error)".contains("'note'"))
            XCTAssertTrue("\(error)".contains(sql))
        }
        XCTAssertThrowsError(try row.decode("name", as: Int.self)) { error in
            XCTAssertEqual((error as? RowDecodingError)?.reason, .mismatch(type: "Int", storageClass: "TEXT"))
        }
        XCTAssertThrowsError(try row.decodeIfPresent("name", as: Int.self))
    }

    func testRowsFromQueriesCarryTheirSQL() throws {
        let db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("rows.db").path)
        let row = try XCTUnwrap(db.fetchOne(sql: "SELECT 1 AS one"))
        XCTAssertEqual(row.sql, "SELECT 1 AS one")
        XCTAssertThrowsError(try row.decode("two", as: Int.self)) {
            XCTAssertEqual(($0 as? RowDecodingError)?.sql, "SELECT 1 AS one")
        }
    }
}
