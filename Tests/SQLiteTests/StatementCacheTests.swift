import Foundation
import SQLite
import XCTest

final class StatementCacheTests: XCTestCase {
    private var db: Database!

    override func setUpWithError() throws {
        db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("cache.db").path)
        try db.execute(sql: "CREATE TABLE k (id INTEGER PRIMARY KEY)")
        db.clearStatementCache()
    }

    override func tearDown() { db = nil }

    func testSameSQLReusesTheSameStatement() throws {
        let first = try db.cachedStatement(sql: "INSERT INTO k (id) VALUES (?)")
        try first.execute(arguments: [1])
        let second = try db.cachedStatement(sql: "INSERT INTO k (id) VALUES (?)")
        XCTAssertTrue(first === second)
        try second.execute(arguments: [2])
        let other = try db.cachedStatement(sql: "SELECT id FROM k")
        XCTAssertFalse(first === other)
        XCTAssertEqual(db.cachedStatementCount, 2)
        XCTAssertEqual(try other.fetchAll().count, 2)
    }

    func testExecuteGoesThroughTheCache() throws {
        for id in 1...10 { try db.execute(sql: "INSERT INTO k (id) VALUES (?)", arguments: [id]) }
        XCTAssertEqual(db.cachedStatementCount, 1)
    }

    func testFailedStepDropsTheStatement() throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO k (id) VALUES (?)")
        try statement.execute(arguments: [1])
        XCTAssertThrowsError(try statement.execute(arguments: [1]))
        let fresh = try db.cachedStatement(sql: "INSERT INTO k (id) VALUES (?)")
        XCTAssertFalse(statement === fresh)
        try fresh.execute(arguments: [2])
        XCTAssertEqual(try db.fetchValue(sql: "SELECT count(*) FROM k", as: Int.self), 2)
    }

    func testStatementInUseIsNotHandedOutTwice() throws {
        for id in 1...3 { try db.execute(sql: "INSERT INTO k (id) VALUES (?)", arguments: [id]) }
        var pairs = 0
        try db.forEachRow(sql: "SELECT id FROM k") { _ in
            // The same SQL inside the iteration must not reset the outer cursor.
            pairs += try db.fetchAll(sql: "SELECT id FROM k").count
        }
        XCTAssertEqual(pairs, 9)
    }
}
