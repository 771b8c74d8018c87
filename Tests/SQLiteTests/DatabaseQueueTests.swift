import Dispatch
import Foundation
import SQLite
import XCTest

final class DatabaseQueueTests: XCTestCase {
    func testWriteCommitsAndRollsBack() throws {
        let queue = try DatabaseQueue(path: makeTemporaryDirectory(self).appendingPathComponent("q.db").path)
        try queue.write { try $0.execute(sql: "CREATE TABLE t (v INTEGER)") }
        try queue.write { try $0.execute(sql: "INSERT INTO t VALUES (1)") }
        struct Abort: Error {}
        XCTAssertThrowsError(try queue.write { db in
            try db.execute(sql: "INSERT INTO t VALUES (2)")
            throw Abort()
        })
        XCTAssertEqual(try queue.read { try $0.fetchValue(sql: "SELECT sum(v) FROM t", as: Int.self) }, 1)
    }

    func testNestedWriteBecomesASavepoint() throws {
        let queue = try DatabaseQueue(path: makeTemporaryDirectory(self).appendingPathComponent("q.db").path)
        try queue.write { try $0.execute(sql: "CREATE TABLE t (v INTEGER)") }
        try queue.write { db in
            try db.execute(sql: "INSERT INTO t VALUES (1)")
            _ = try? queue.write { inner -> Void in
                try inner.execute(sql: "INSERT INTO t VALUES (2)")
                throw CocoaError(.featureUnsupported)
            }
        }
        XCTAssertEqual(try queue.read { try $0.fetchValue(sql: "SELECT sum(v) FROM t", as: Int.self) }, 1)
    }

    func testSerialisesConcurrentWriters() throws {
        let queue = try DatabaseQueue(path: makeTemporaryDirectory(self).appendingPathComponent("q.db").path)
        try queue.write { try $0.execute(sql: "CREATE TABLE counter (n INTEGER)") }
        try queue.write { try $0.execute(sql: "INSERT INTO counter VALUES (0)") }
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<25 {
                try? queue.write { db in
                    let n = try db.fetchValue(sql: "SELECT n FROM counter", as: Int.self) ?? 0
                    try db.execute(sql: "UPDATE counter SET n = ?", arguments: [n + 1])
                }
            }
        }
        XCTAssertEqual(try queue.read { try $0.fetchValue(sql: "SELECT n FROM counter", as: Int.self) }, 200)
    }

    func testBusyTimeoutBetweenTwoConnections() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("busy.db").path
        let holder = try DatabaseQueue(path: path)
        let waiter = try DatabaseQueue(path: path, configuration: Database.Configuration(busyTimeout: 0.05))
        try holder.write { try $0.execute(sql: "CREATE TABLE t (v INTEGER)") }
        try holder.write { _ in
            // While the holder's write transaction is open, the other connection gives up with BUSY.
            XCTAssertThrowsError(try waiter.write { try $0.execute(sql: "INSERT INTO t VALUES (1)") }) { error in
                XCTAssertTrue((error as? SQLiteError)?.isBusy ?? false, "\(error)")
            }
            // Readers are not blocked by the writer in WAL mode.
            XCTAssertEqual(try waiter.read { try $0.fetchValue(sql: "SELECT count(*) FROM t", as: Int.self) }, 0)
        }
        try waiter.write { try $0.execute(sql: "INSERT INTO t VALUES (1)") }
        XCTAssertEqual(try holder.read { try $0.fetchValue(sql: "SELECT count(*) FROM t", as: Int.self) }, 1)
    }

    func testBusyTimeoutWaitsForTheLockToBeReleased() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("wait.db").path
        let holder = try DatabaseQueue(path: path)
        let waiter = try DatabaseQueue(path: path, configuration: Database.Configuration(busyTimeout: 30))
        try holder.write { try $0.execute(sql: "CREATE TABLE t (v INTEGER)") }
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.write { db in
                try db.execute(sql: "INSERT INTO t VALUES (1)")
                locked.signal()
                release.wait()
            }
            done.signal()
        }
        locked.wait()
        let released = DispatchWorkItem { release.signal() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1, execute: released)
        // Blocks inside SQLite's busy handler until the holder commits, then succeeds.
        try waiter.write { try $0.execute(sql: "INSERT INTO t VALUES (2)") }
        done.wait()
        XCTAssertEqual(try waiter.read { try $0.fetchValue(sql: "SELECT count(*) FROM t", as: Int.self) }, 2)
    }

    func testPathIsExposed() throws {
        let path = try makeTemporaryDirectory(self).appendingPathComponent("p.db").path
        XCTAssertEqual(try DatabaseQueue(path: path).path, path)
    }
}
