import CSQLite
import Foundation

// MARK: - Online backup

extension Database {
    /// Copies this database, consistently, into a new file at `destinationPath` while other
    /// connections keep reading and writing (SQLite's online backup API).
    ///
    /// Why the backup API and not a file copy: a copy of a WAL database taken while a run writes can
    /// miss the WAL's pages or catch a half-written page; the backup API copies a consistent snapshot
    /// and restarts by itself when a writer changes the source mid-copy.
    /// - Parameters:
    ///   - destinationPath: a file that must not exist yet (a backup never overwrites).
    ///   - pagesPerStep: pages copied between yields to other connections.
    /// - Throws: ``SQLiteError`` when the destination exists, cannot be created, or the copy fails.
    /// Spec: https://www.sqlite.org/backup.html
    public func backup(to destinationPath: String, pagesPerStep: Int32 = 1024) throws {
        if FileManager.default.fileExists(atPath: destinationPath) {
            throw SQLiteError(extendedResultCode: SQLITE_CANTOPEN,
                              message: "backup target \(destinationPath) already exists; refusing to overwrite it")
        }
        let destination = try Database(path: destinationPath,
                                       configuration: Configuration(journalModeWAL: false, foreignKeys: false))
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw SQLiteError.from(handle: destination.handle, code: sqlite3_errcode(destination.handle), sql: nil)
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED { usleep(20_000) }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            throw SQLiteError.from(handle: destination.handle, code: code == SQLITE_DONE ? finish : code, sql: nil)
        }
        // The copy carries the source's WAL flag in its header; a backup is one self-contained file.
        try destination.execute(sql: "PRAGMA journal_mode = DELETE")
    }
}
