import Foundation
import SQLite

// MARK: - ControlStore

/// The control database, `<root>/omniflow.db` (root is the `staging` folder): runs and stage runs,
/// watermarks, the run lock, quarantine, the webhook event inbox and the sync queues.
///
/// Why one store type: it opens and migrates the database once and lends its connection only to
/// closures (`read`/`write`), so several table groups can change together in one transaction
/// (`try store.write { db in try SyncQueueTable.enqueue(db, …); try WatermarkTable.set(db, …) }`).
/// The convenience methods (`createRun`, `enqueue`, …) each run in their own transaction and take
/// time from ``clock``.
///
/// - Throws: ``SQLiteError`` or ``MigrationError`` when the database cannot be opened or is newer
///   than this code.
///
/// Design: DESIGN.md "The three stores" (2).
public final class ControlStore: Sendable {
    /// The staging folder that holds `omniflow.db` and `runs/`.
    public let root: URL
    public let clock: any OmniflowClock
    let queue: DatabaseQueue

    /// The control database file name inside ``root``.
    public static let fileName = "omniflow.db"

    /// Opens (creating the folder and the database if needed) and migrates the control database.
    public init(root: URL, clock: any OmniflowClock = SystemClock(),
                configuration: Database.Configuration = Database.Configuration()) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        self.root = root
        self.clock = clock
        queue = try DatabaseQueue(path: root.appendingPathComponent(Self.fileName).path, configuration: configuration)
        try ControlSchema.migrator.migrate(queue)
    }

    /// `<root>/omniflow.db`.
    public var databaseURL: URL { URL(fileURLWithPath: queue.path) }

    /// `<root>/runs/<run-id>`, where ``RunStaging`` keeps a run's files.
    public func runFolder(for runID: String) -> URL {
        RunStaging.folder(root: root, runID: runID)
    }

    // MARK: - Access

    /// Runs `body` in a deferred (snapshot) transaction.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// Runs `body` in an immediate transaction: all or nothing.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    /// Like ``write(_:)``, committed without waiting for the disk: `PRAGMA synchronous = NORMAL` for this one
    /// transaction, then the connection's own setting again. In WAL mode a killed process still loses nothing,
    /// and a power cut may lose this commit only until the next ``write(_:)``, whose sync of the WAL carries it
    /// too. Only for a record whose loss is harmless: a stage recorded as running, which a run that finds no
    /// record of reads as not started, just as it reads a stage left running (`StageRunner`).
    public func writeWithoutWaitingForTheDisk<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            let setting = try db.fetchValue(sql: "PRAGMA synchronous", as: Int.self) ?? 2
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            let result: Result<T, any Error> = Result { try db.inTransaction(.immediate) { try body(db) } }
            try db.execute(sql: "PRAGMA synchronous = \(setting)")
            return try result.get()
        }
    }
}
