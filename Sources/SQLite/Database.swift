import CSQLite
import Foundation

// MARK: - Database

/// One SQLite connection: the single owner of its `sqlite3*` handle and statement cache.
///
/// Why shaped like GRDB's `Database`: the handle is closed exactly once (also when opening fails
/// half-way), it is not `Sendable` (lend it to closures through ``DatabaseQueue``, never let it
/// escape), and every connection is configured the same way: WAL journal (readers do not block the
/// writer), a busy timeout (a second process waits instead of failing at once), foreign keys on.
///
/// - Throws: ``SQLiteError`` from every call that reaches SQLite.
///
/// Spec: https://www.sqlite.org/c3ref/open.html, https://www.sqlite.org/wal.html
public final class Database {
    // MARK: - Configuration

    /// How a connection is opened.
    public struct Configuration: Sendable {
        /// How long a statement waits for another connection's lock before `SQLITE_BUSY`.
        public var busyTimeout: TimeInterval = 5
        /// Write-ahead logging (ignored for in-memory databases).
        public var journalModeWAL = true
        public var foreignKeys = true
        public var readOnly = false
        /// Print bound arguments in error descriptions (off: they may hold personal data).
        public var publicStatementArguments = false
        /// The page size of a database this connection creates (`PRAGMA page_size`, a power of two from 512 to
        /// 65,536); nil keeps SQLite's (4,096). SQLite fixes it when the first table is made, so it has no
        /// effect on a database that exists, which keeps the page size it was made with.
        public var newDatabasePageSize: Int?
        /// Whether the last connection to close copies the WAL into the database first (SQLite's default).
        /// Off, the WAL stays beside the database, as after a killed process, and whoever opens it next reads
        /// it (`SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE`): for a database written once and then mostly left alone.
        public var checkpointsOnClose = true

        public init(busyTimeout: TimeInterval = 5, journalModeWAL: Bool = true, foreignKeys: Bool = true,
                    readOnly: Bool = false, publicStatementArguments: Bool = false, newDatabasePageSize: Int? = nil) {
            if let size = newDatabasePageSize {
                precondition((512...65_536).contains(size) && size & (size - 1) == 0, "page size \(size) is not a power of two from 512 to 65536")
            }
            self.busyTimeout = busyTimeout
            self.journalModeWAL = journalModeWAL
            self.foreignKeys = foreignKeys
            self.readOnly = readOnly
            self.publicStatementArguments = publicStatementArguments
            self.newDatabasePageSize = newDatabasePageSize
        }
    }

    /// The file path (or `:memory:`).
    public let path: String
    public let configuration: Configuration
    let handle: OpaquePointer
    private let statementCache = StatementCache()
    var savepointDepth = 0

    // MARK: - Opening and closing

    /// Opens (creating if needed) the database at `path`. The folder must exist.
    public init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        self.configuration = configuration
        self.handle = try Database.openHandle(path: path, configuration: configuration)
    }

    deinit {
        statementCache.removeAll()
        // close_v2 defers the close until statements still held by callers are finalized.
        sqlite3_close_v2(handle)
    }

    /// Process-wide SQLite settings, applied once before the first connection opens (CSQLite's shim
    /// says why): memory statistics off.
    ///
    /// Statement journals keep SQLite's default spill (64 KiB). Raising it process-wide to 4 MiB
    /// (`SQLITE_CONFIG_STMTJRNL_SPILL`, for the SAF-T import) made the catalogue's incremental stock load fail
    /// with "database or disk is full" (SQLITE_FULL) on its upsert from a temporary table, at 10,000 products,
    /// with the disk far from full; the same binary without the setting loaded it. The setting also governs
    /// the journals of the temporary database. Until that is understood it stays off.
    private static let processSettings: Void = {
        _ = csqlite_disable_memory_statistics()
    }()

    private static func openHandle(path: String, configuration: Configuration) throws -> OpaquePointer {
        _ = processSettings
        // Databases hold customer names, e-mails and addresses: a new file is created readable by its
        // owner alone whatever the umask (SQLite gives its -wal and -shm files the database's mode).
        if !configuration.readOnly, path != ":memory:", !path.isEmpty, !FileManager.default.fileExists(atPath: path) {
            let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if descriptor >= 0 { close(descriptor); chmod(path, 0o600) }
        }
        var handle: OpaquePointer?
        let flags = (configuration.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let opened = handle else {
            let error = SQLiteError.from(handle: handle, code: code, sql: nil)
            sqlite3_close_v2(handle)   // SQLite allocates a handle even when opening fails
            throw SQLiteError(extendedResultCode: error.extendedResultCode,
                              message: "cannot open \(path): \(error.message ?? "")")
        }
        do {
            sqlite3_extended_result_codes(opened, 1)
            sqlite3_busy_timeout(opened, Int32(max(0, configuration.busyTimeout * 1000)))
            if configuration.foreignKeys { try exec(opened, "PRAGMA foreign_keys = ON") }
            // Before WAL: a database in WAL mode cannot change its page size.
            if let pageSize = configuration.newDatabasePageSize, !configuration.readOnly {
                try exec(opened, "PRAGMA page_size = \(pageSize)")
            }
            if configuration.journalModeWAL && !configuration.readOnly {
                try switchToWAL(opened, waitingUpTo: configuration.busyTimeout)
            }
            if !configuration.checkpointsOnClose {
                let code = csqlite_no_checkpoint_on_close(opened)
                guard code == SQLITE_OK else { throw SQLiteError.from(handle: opened, code: code, sql: nil) }
            }
            return opened
        } catch {
            sqlite3_close_v2(opened)
            throw error
        }
    }

    /// `PRAGMA journal_mode = WAL`, retried while another connection holds the file.
    ///
    /// Why: changing the journal mode needs an exclusive lock, and SQLite answers SQLITE_BUSY at
    /// once for it in cases where the busy handler is not consulted; two processes opening a new
    /// staging database together then failed with "database is locked" instead of waiting like
    /// every other statement. The loser now waits up to the busy timeout, then meets the run lock.
    private static func switchToWAL(_ handle: OpaquePointer, waitingUpTo timeout: Double) throws {
        let deadline = Date().addingTimeInterval(max(0, timeout))
        while true {
            let code = sqlite3_exec(handle, "PRAGMA journal_mode = WAL", nil, nil, nil)
            if code == SQLITE_OK { return }
            let primary = code & 0xFF
            guard primary == SQLITE_BUSY || primary == SQLITE_LOCKED, Date() < deadline else {
                throw SQLiteError.from(handle: handle, code: code, sql: "PRAGMA journal_mode = WAL")
            }
            usleep(10_000)
        }
    }

    private static func exec(_ handle: OpaquePointer, _ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError.from(handle: handle, code: code, sql: sql) }
    }

    // MARK: - Statements

    /// A new prepared statement for one SQL statement.
    public func makeStatement(sql: String) throws -> Statement {
        try Statement(databaseHandle: handle, sql: sql, publicArguments: configuration.publicStatementArguments)
    }

    /// The cached prepared statement for `sql` (prepared on first use). Use it in loops.
    public func cachedStatement(sql: String) throws -> Statement {
        try statementCache.statement(sql: sql) { try makeStatement(sql: sql) }
    }

    /// How many statements are cached (for tests and diagnostics).
    public var cachedStatementCount: Int { statementCache.count }

    /// Drops every cached statement (e.g. before a schema change made by another tool).
    public func clearStatementCache() { statementCache.removeAll() }

    // MARK: - Executing

    /// Executes one statement with bound arguments (through the statement cache).
    public func execute(sql: String, arguments: StatementArguments = []) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// Executes several `;`-separated statements without arguments (schema scripts, migrations).
    public func executeScript(_ sql: String) throws {
        let bytes = Array(sql.utf8CString)
        try bytes.withUnsafeBufferPointer { buffer in
            guard var cursor = buffer.baseAddress else { return }
            while cursor.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, cursor, -1, &statement, &tail)
                let end = tail ?? cursor + strlen(cursor)
                let statementSQL = String(decoding: UnsafeRawBufferPointer(start: cursor, count: end - cursor),
                                          as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                cursor = end
                guard code == SQLITE_OK else {
                    sqlite3_finalize(statement)
                    throw SQLiteError.from(handle: handle, code: code, sql: statementSQL)
                }
                guard let statement else { continue }   // only whitespace or a comment was left
                defer { sqlite3_finalize(statement) }
                var step = sqlite3_step(statement)
                while step == SQLITE_ROW { step = sqlite3_step(statement) }
                guard step == SQLITE_DONE else {
                    throw SQLiteError.from(handle: handle, code: step, sql: statementSQL)
                }
            }
        }
    }

    // MARK: - Fetching

    public func fetchAll(sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try cachedStatement(sql: sql).fetchAll(arguments: arguments)
    }

    public func fetchOne(sql: String, arguments: StatementArguments = []) throws -> Row? {
        try cachedStatement(sql: sql).fetchOne(arguments: arguments)
    }

    /// The first column of the first row as `T`; `nil` when there is no row or the value is NULL.
    /// - Throws: ``RowDecodingError`` when the value is of another storage class.
    public func fetchValue<T: DatabaseValueConvertible>(sql: String, arguments: StatementArguments = [],
                                                        as type: T.Type = T.self) throws -> T? {
        guard let row = try fetchOne(sql: sql, arguments: arguments), row.count > 0 else { return nil }
        return try row.decodeIfPresent(row.columnNames[0], as: T.self)
    }

    /// Calls `body` per row as rows are stepped (large results without loading them all).
    public func forEachRow(sql: String, arguments: StatementArguments = [], _ body: (Row) throws -> Void) throws {
        try cachedStatement(sql: sql).forEachRow(arguments: arguments, body)
    }

    // MARK: - Connection state

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changesCount: Int { Int(sqlite3_changes(handle)) }

    /// Rowid of the last successful INSERT on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True between BEGIN and COMMIT/ROLLBACK.
    public var isInsideTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}

@available(*, unavailable, message: "Database is confined to one thread; use DatabaseQueue")
extension Database: Sendable {}
