import Foundation
import SQLite

// MARK: - ControlStore: resuming a run

extension ControlStore {
    /// Marks a run as running again (for `--resume`), by this process; returns false for an unknown run.
    @discardableResult
    public func reopenRun(id: String, host: String = RunLock.currentHost(), pid: Int32 = getpid()) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE runs SET status = 'running', finished_at = NULL, host = ?, pid = ? WHERE id = ?",
                           arguments: [host, pid, id])
            return db.changesCount > 0
        }
    }
}
