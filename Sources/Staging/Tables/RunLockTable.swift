import Foundation
import SQLite

// MARK: - RunLockTable

/// SQL for `run_lock`: at most one row (`id = 1`), the current holder. Used by ``RunLock``,
/// which wraps these calls in one IMMEDIATE transaction.
enum RunLockTable {
    static let schema = """
        CREATE TABLE run_lock (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            run_id       TEXT NOT NULL,
            pid          INTEGER NOT NULL,
            host         TEXT NOT NULL,
            acquired_at  TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL
        );
        """

    static func holder(_ db: Database) throws -> RunLockHolder? {
        try db.fetchOne(sql: "SELECT * FROM run_lock WHERE id = 1").map(RunLockHolder.init(row:))
    }

    static func replace(_ db: Database, _ holder: RunLockHolder) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO run_lock (id, run_id, pid, host, acquired_at, heartbeat_at)
            VALUES (1, ?, ?, ?, ?, ?)
            """, arguments: [holder.runID, holder.pid, holder.host, holder.acquiredAt, holder.heartbeatAt])
    }

    static func touch(_ db: Database, runID: String, at now: Date) throws -> Bool {
        try db.execute(sql: "UPDATE run_lock SET heartbeat_at = ? WHERE id = 1 AND run_id = ?", arguments: [now, runID])
        return db.changesCount > 0
    }

    static func delete(_ db: Database, runID: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM run_lock WHERE id = 1 AND run_id = ?", arguments: [runID])
        return db.changesCount > 0
    }
}
