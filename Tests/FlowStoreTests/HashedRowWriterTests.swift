import Foundation
import SQLite
import XCTest
@testable import FlowStore

/// ``HashedRowWriter``'s insert without a look-up and its batch look-up of stored keys (issue 8).
final class HashedRowWriterTests: XCTestCase {
    private let writer = HashedRowWriter(table: "things", keyColumns: ["thing_uid"], valueColumns: ["name"])

    private func makeDatabase() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute(sql: """
            CREATE TABLE things (thing_uid TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL CHECK (name <> ''),
                                 content_hash INTEGER NOT NULL)
            """)
        return db
    }

    func testInsertIfAbsentInsertsOnceAndLeavesATakenKeyAlone() throws {
        let db = try makeDatabase()
        XCTAssertTrue(try writer.insertIfAbsent(key: ["A"], values: ["Alpha"], hash: ContentHash(rawValue: 1), in: db))
        XCTAssertFalse(try writer.insertIfAbsent(key: ["A"], values: ["Other"], hash: ContentHash(rawValue: 2), in: db))
        XCTAssertEqual(try db.fetchAll(sql: "SELECT name, content_hash FROM things").map { try $0.decode("name", as: String.self) },
                       ["Alpha"])
        // The compared way takes over where the insert found the key taken.
        XCTAssertEqual(try writer.write(key: ["A"], values: ["Other"], hash: ContentHash(rawValue: 2), in: db), .updated)
        XCTAssertEqual(try db.fetchValue(sql: "SELECT name FROM things", as: String.self), "Other")
    }

    func testInsertIfAbsentStillRefusesARowThatBreaksAConstraintOtherThanTheKey() throws {
        let db = try makeDatabase()
        XCTAssertThrowsError(try writer.insertIfAbsent(key: ["A"], values: [String?.none], hash: ContentHash(rawValue: 1), in: db))
        XCTAssertThrowsError(try writer.insertIfAbsent(key: ["B"], values: [""], hash: ContentHash(rawValue: 1), in: db))
        XCTAssertEqual(try db.fetchValue(sql: "SELECT count(*) FROM things", as: Int.self), 0)
    }

    func testStoredKeysAreFoundAmongManyInOneLookUp() throws {
        let db = try makeDatabase()
        for n in stride(from: 0, to: 1_200, by: 3) {
            _ = try writer.insertIfAbsent(key: ["K\(n)"], values: ["n\(n)"], hash: ContentHash(rawValue: Int64(n)), in: db)
        }
        let asked = (0..<1_200).map { "K\($0)" } + ["K3", "unknown", ""]
        XCTAssertEqual(try writer.storedKeys(among: asked, in: db),
                       Set(stride(from: 0, to: 1_200, by: 3).map { "K\($0)" }))
        XCTAssertEqual(try writer.storedKeys(among: [], in: db), [])
    }
}
