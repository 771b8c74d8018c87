import Foundation
import SQLite
import XCTest

final class TransactionsTests: XCTestCase {
    private struct Failure: Error, Equatable { let tag: String }
    private var db: Database!

    override func setUpWithError() throws {
        db = try Database(path: makeTemporaryDirectory(self).appendingPathComponent("tx.db").path)
        try db.execute(sql: "CREATE TABLE t (v TEXT UNIQUE)")
    }

    override func tearDown() { db = nil }

    private func values() throws -> [String] {
        try db.fetchAll(sql: "SELECT v FROM t ORDER BY rowid").map { try $0.decode("v") }
    }

    func testCommitsWhenTheBodyReturns() throws {
        let result = try db.inTransaction { () throws -> Int in
            XCTAssertTrue(db.isInsideTransaction)
            try db.execute(sql: "INSERT INTO t VALUES ('a')")
            return 42
        }
        XCTAssertEqual(result, 42)
        XCTAssertFalse(db.isInsideTransaction)
        XCTAssertEqual(try values(), ["a"])
    }

    func testRollsBackAndRethrowsTheFirstError() throws {
        XCTAssertThrowsError(try db.inTransaction {
            try db.execute(sql: "INSERT INTO t VALUES ('a')")
            throw Failure(tag: "first")
        }) { XCTAssertEqual($0 as? Failure, Failure(tag: "first")) }
        XCTAssertFalse(db.isInsideTransaction)
        XCTAssertEqual(try values(), [])
    }

    func testNestedSavepointRollbackKeepsOuterWork() throws {
        try db.inTransaction {
            try db.execute(sql: "INSERT INTO t VALUES ('outer')")
            XCTAssertThrowsError(try db.inTransaction {   // nested call: a savepoint
                try db.execute(sql: "INSERT INTO t VALUES ('inner')")
                try db.execute(sql: "INSERT INTO t VALUES ('outer')")   // UNIQUE violation
            }) { XCTAssertTrue(($0 as? SQLiteError)?.isConstraintViolation ?? false) }
            try db.inSavepoint { try db.execute(sql: "INSERT INTO t VALUES ('kept')") }
            XCTAssertTrue(db.isInsideTransaction)
        }
        XCTAssertEqual(try values(), ["outer", "kept"])
    }

    func testDeeplyNestedSavepoints() throws {
        try db.inTransaction {
            try db.inSavepoint {
                try db.execute(sql: "INSERT INTO t VALUES ('1')")
                try? db.inSavepoint {
                    try db.execute(sql: "INSERT INTO t VALUES ('2')")
                    try db.inSavepoint { try db.execute(sql: "INSERT INTO t VALUES ('3')") }
                    throw Failure(tag: "drop 2 and 3")
                }
                try db.inSavepoint { try db.execute(sql: "INSERT INTO t VALUES ('4')") }
            }
        }
        XCTAssertEqual(try values(), ["1", "4"])
    }

    func testSavepointOutsideATransactionCommits() throws {
        try db.inSavepoint { try db.execute(sql: "INSERT INTO t VALUES ('alone')") }
        XCTAssertFalse(db.isInsideTransaction)
        XCTAssertEqual(try values(), ["alone"])
    }

    func testNoRollbackIssuedWhenSQLiteAlreadyRolledBack() throws {
        // A ROLLBACK inside the body ends the transaction the way SQLite does on SQLITE_FULL;
        // the wrapper must not fail with "no transaction is active" and must rethrow the body's error.
        XCTAssertThrowsError(try db.inTransaction {
            try db.execute(sql: "INSERT INTO t VALUES ('gone')")
            try db.execute(sql: "ROLLBACK")
            throw Failure(tag: "after rollback")
        }) { XCTAssertEqual($0 as? Failure, Failure(tag: "after rollback")) }
        XCTAssertEqual(try values(), [])
    }

    func testDeferredForeignKeyViolationFailsTheCommitAndRollsBack() throws {
        try db.executeScript("""
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
            """)
        XCTAssertThrowsError(try db.inTransaction {
            try db.execute(sql: "INSERT INTO child VALUES (99)")
        }) { XCTAssertTrue(($0 as? SQLiteError)?.isConstraintViolation ?? false) }
        XCTAssertFalse(db.isInsideTransaction)
        XCTAssertEqual(try db.fetchValue(sql: "SELECT count(*) FROM child", as: Int.self), 0)
    }
}
