import Foundation
import SQLite
import XCTest

final class DatabaseValueTests: XCTestCase {
    private var db: Database!

    override func setUpWithError() throws {
        db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("values.db").path)
        try db.execute(sql: "CREATE TABLE v (value)")
    }

    override func tearDown() { db = nil }

    /// Stores `value`, reads it back as `T`, and checks storage class and equality.
    private func roundTrip<T: DatabaseValueConvertible & Equatable>(
        _ value: T, storedAs storageClass: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try db.execute(sql: "DELETE FROM v")
        try db.execute(sql: "INSERT INTO v VALUES (?)", arguments: [value])
        XCTAssertEqual(try db.fetchValue(sql: "SELECT typeof(value) FROM v", as: String.self),
                       storageClass.lowercased(), file: file, line: line)
        XCTAssertEqual(try db.fetchOne(sql: "SELECT value FROM v")?.decode("value", as: T.self), value,
                       file: file, line: line)
    }

    func testIntegersRoundTripIncludingExtremes() throws {
        try roundTrip(Int64.max, storedAs: "INTEGER")
        try roundTrip(Int64.min, storedAs: "INTEGER")
        try roundTrip(Int64(0), storedAs: "INTEGER")
        try roundTrip(Int.max, storedAs: "INTEGER")
        try roundTrip(Int32.min, storedAs: "INTEGER")
    }

    func testDoubleRoundTrips() throws {
        try roundTrip(3.141592653589793, storedAs: "REAL")
        try roundTrip(-0.5, storedAs: "REAL")
    }

    func testTextRoundTripsUnicode() throws {
        try roundTrip("Blåbærsyltetøy ÆØÅ æøå", storedAs: "TEXT")
        try roundTrip("emoji 🧾 and ∑", storedAs: "TEXT")
        try roundTrip("", storedAs: "TEXT")
        try roundTrip("nul\u{0}inside", storedAs: "TEXT")
    }

    func testDataRoundTrips() throws {
        try roundTrip(Data([0, 1, 2, 255]), storedAs: "BLOB")
        try roundTrip(Data(), storedAs: "BLOB")
    }

    func testBoolIsStoredAsZeroOrOne() throws {
        try roundTrip(true, storedAs: "INTEGER")
        try roundTrip(false, storedAs: "INTEGER")
        try db.execute(sql: "DELETE FROM v")
        try db.execute(sql: "INSERT INTO v VALUES (?)", arguments: [true])
        XCTAssertEqual(try db.fetchValue(sql: "SELECT value FROM v", as: Int.self), 1)
    }

    func testDateIsStoredAsISO8601UTCTextWithMilliseconds() throws {
        let date = Date(timeIntervalSince1970: 1_795_708_071.123)
        try roundTrip(date, storedAs: "TEXT")
        XCTAssertEqual(try db.fetchValue(sql: "SELECT value FROM v", as: String.self), "2026-11-26T15:47:51.123Z")
    }

    func testNilIsBoundAsNullAndOptionalDecodesIt() throws {
        let nothing: String? = nil
        try db.execute(sql: "INSERT INTO v VALUES (?)", arguments: [nothing])
        XCTAssertEqual(try db.fetchValue(sql: "SELECT typeof(value) FROM v", as: String.self), "null")
        let row = try XCTUnwrap(db.fetchOne(sql: "SELECT value FROM v"))
        XCTAssertNil(try row.decode("value", as: String?.self))
        XCTAssertNil(try row.decodeIfPresent("value", as: String.self))
        try roundTrip(Optional("x"), storedAs: "TEXT")
    }

    func testConversionsRejectOtherStorageClasses() {
        XCTAssertNil(Int.fromDatabaseValue(.text("12")))
        XCTAssertNil(String.fromDatabaseValue(.integer(12)))
        XCTAssertNil(Int32.fromDatabaseValue(.integer(Int64(Int32.max) + 1)))
        XCTAssertNil(Int64.fromDatabaseValue(.real(1.5)))
        XCTAssertEqual(Int64.fromDatabaseValue(.real(2.0)), 2)
        XCTAssertNil(Date.fromDatabaseValue(.text("yesterday")))
    }
}
