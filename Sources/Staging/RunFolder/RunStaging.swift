import Foundation
import SQLite

// MARK: - RunStaging

/// A run's staging database, `<root>/runs/<run-id>/staging.db`: what the run extracted and produced.
///
/// Why datasets are replaced whole: a stage's output is a set of keyed rows; a rerun deletes the old
/// rows and writes the new ones in ONE transaction, so readers see either the old output or the new,
/// never a mix (DESIGN.md "Run folders": a rerun replaces a stage's output atomically). Each
/// replacement records the row count and ``DatasetChecksum`` in the same transaction, like Luigi's
/// marker written with the data. Stages that need their own tables use ``write(_:)``.
///
/// Why a storage pointer: the rows of a dataset live under a storage name in `dataset_rows`
/// (`<name>`, `<name>#a` or `<name>#b`), and `datasets.storage` says which one is current. A dataset
/// written page by page goes to the storage that is not current and is published by moving the
/// pointer, so publishing never rewrites rows (renaming the leading primary-key column of a
/// WITHOUT ROWID table rewrote every row: docs/CONTRACTS.md "Staging").
///
/// Why `synchronous = NORMAL`: in WAL mode it still survives a killed process (each commit is in the
/// WAL before it returns); only a power cut may lose the last commits, and then the recorded checksums
/// no longer match and `--resume` reruns the stage. Staged pages are commits; fsyncing each of them
/// cost more than staging them.
///
/// - Throws: ``SQLiteError``, ``MigrationError``, ``StagingError``.
public final class RunStaging: Sendable {
    public let runID: String
    /// `<root>/runs/<run-id>`.
    public let folder: URL
    public let clock: any OmniflowClock
    let queue: DatabaseQueue
    /// A second connection for ``readBesideWriter(_:)``.
    private let reader: DatabaseQueue

    public static let fileName = "staging.db"

    /// The page size of a new staging database: 32 KiB, not SQLite's 4 KiB. Why: a staged row is a document of
    /// 1 to 4 KB (a product, a SKU's stock items of one answer page), and with 4 KiB pages every such row
    /// spilled into an overflow page of its own, mostly empty: at 10,000 products the file was 341 MB for
    /// 182 MB of rows, and each page went through the WAL and the checkpoint. With 32 KiB pages rows stay
    /// on their leaf (198 MB), and writing the same rows took 0.55–0.72 s of CPU instead of 1.6–2.0 s
    /// (issue 8; docs/CONTRACTS.md "Staging"). A run's staging made with another page size keeps it.
    public static let pageSize = 32_768

    /// `<root>/runs/<run-id>`.
    public static func folder(root: URL, runID: String) -> URL {
        root.appendingPathComponent("runs", isDirectory: true).appendingPathComponent(runID, isDirectory: true)
    }

    /// Opens (creating folders and file if needed) and migrates the run's staging database.
    public init(root: URL, runID: String, clock: any OmniflowClock = SystemClock(),
                configuration: Database.Configuration = Database.Configuration()) throws {
        precondition(!runID.isEmpty && !runID.contains("/") && runID != "." && runID != "..",
                     "run id '\(runID)' is not a folder name")
        folder = Self.folder(root: root, runID: runID)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        self.runID = runID
        self.clock = clock
        var configuration = configuration
        configuration.newDatabasePageSize = configuration.newDatabasePageSize ?? Self.pageSize
        // Closed without a checkpoint: copying the pages staged since the last automatic checkpoint into
        // `staging.db` after the run's work was done took 15–17 ms of a 1 % incremental run of 110–130 ms at
        // 10,000 products (issue 8). Whoever opens the staging next (`--resume`, a later run copying its
        // inputs, `sqlite3`) reads `staging.db-wal` as part of the database, as after a killed process.
        configuration.checkpointsOnClose = false
        queue = try DatabaseQueue(path: folder.appendingPathComponent(Self.fileName).path, configuration: configuration)
        try Self.migrator.migrate(queue)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = NORMAL") }
        reader = try DatabaseQueue(path: queue.path, configuration: configuration)
    }

    public var databaseURL: URL { URL(fileURLWithPath: queue.path) }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator(legacyVersionSteps: ["datasets"])
        migrator.registerMigration("datasets") { db in
            try db.executeScript("""
                CREATE TABLE dataset_rows (
                    dataset TEXT NOT NULL,
                    key     TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    PRIMARY KEY (dataset, key)
                ) WITHOUT ROWID;
                CREATE TABLE datasets (
                    name       TEXT PRIMARY KEY NOT NULL,
                    row_count  INTEGER NOT NULL,
                    checksum   TEXT NOT NULL,
                    written_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("pending checkpoints") { db in
            try db.executeScript("""
                CREATE TABLE pending_checkpoints (
                    dataset    TEXT PRIMARY KEY NOT NULL,
                    position   TEXT NOT NULL,
                    rows       INTEGER NOT NULL,
                    pages      INTEGER NOT NULL,
                    written_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("dataset storage pointers") { db in
            // storage NULL = the rows are under the dataset's own name (staging written before pointers).
            try db.executeScript("""
                ALTER TABLE datasets ADD COLUMN storage TEXT;
                CREATE TABLE pending_datasets (
                    dataset      TEXT PRIMARY KEY NOT NULL,
                    storage      TEXT NOT NULL,
                    checksum_sum BLOB NOT NULL,
                    row_count    INTEGER NOT NULL
                );
                """)
        }
        return migrator
    }

    // MARK: - Access

    public func read<T>(_ body: (Database) throws -> T) throws -> T { try queue.read(body) }

    /// Like ``read(_:)``, on a second connection that never waits for the first: in WAL mode a reader sees
    /// every commit made before its transaction began while another stage writes. Why: two stages run at once
    /// and share this staging; a transform reading its input page by page waited for the other stage's page
    /// writes (and their checkpoints) under the one connection's lock, at 100,000 products for longer than it
    /// worked. Only for what is committed (published datasets): a write in progress is not seen.
    public func readBesideWriter<T>(_ body: (Database) throws -> T) throws -> T { try reader.read(body) }

    public func write<T>(_ body: (Database) throws -> T) throws -> T { try queue.write(body) }

    // MARK: - Replacing a dataset

    /// Replaces dataset `name` with the rows `produce` inserts, in one transaction: if `produce`
    /// or any insert throws, the previous rows stay as they were.
    @discardableResult
    public func replaceDataset(_ name: String, _ produce: (inout DatasetWriter) throws -> Void) throws -> DatasetSummary {
        let now = clock.now
        return try write { db in
            let storage = try Self.storageName(db, dataset: name)
            try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [storage])
            var writer = DatasetWriter(
                dataset: name, storage: storage,
                statement: try db.cachedStatement(sql: "INSERT INTO dataset_rows (dataset, key, payload) VALUES (?, ?, ?)"))
            try produce(&writer)
            return try Self.recordSummary(db, dataset: name, storage: storage, checksum: writer.checksum, at: now)
        }
    }

    /// Replaces dataset `name` with `rows` (see ``replaceDataset(_:_:)``).
    @discardableResult
    public func replaceDataset(_ name: String, rows: some Sequence<DatasetRow>) throws -> DatasetSummary {
        try replaceDataset(name) { writer in
            for row in rows { try writer.insert(row) }
        }
    }

    /// Replaces dataset `name` with `records` as JSON (sorted keys, dates as ``SQLiteDate`` text).
    @discardableResult
    public func replaceDataset<Record: Encodable>(_ name: String, records: some Sequence<Record>,
                                                  encoder: JSONEncoder = RunStaging.makeEncoder(),
                                                  key: (Record) -> String) throws -> DatasetSummary {
        return try replaceDataset(name) { writer in
            for record in records {
                let recordKey = key(record)
                let payload: Data
                do { payload = try encoder.encode(record) } catch {
                    throw StagingError.payload(dataset: name, key: recordKey, reason: "cannot encode: \(error)")
                }
                try writer.insert(key: recordKey, payload: payload)
            }
        }
    }

    /// Deletes a dataset and its summary; returns false when it did not exist.
    @discardableResult
    public func removeDataset(_ name: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [Self.storageName(db, dataset: name)])
            try db.execute(sql: "DELETE FROM datasets WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    // MARK: - Reading a dataset

    /// Calls `body` for each row in key order, one row in memory at a time. The connection is held
    /// (one read snapshot) until the iteration ends; other threads wait for it.
    public func forEachRow(_ dataset: String, _ body: (DatasetRow) throws -> Void) throws {
        try read { db in
            try db.forEachRow(sql: "SELECT key, payload FROM dataset_rows WHERE dataset = ? ORDER BY key",
                              arguments: [Self.storageName(db, dataset: dataset)]) { row in
                try body(DatasetRow(key: row.decode("key"), payload: row.decode("payload")))
            }
        }
    }

    /// Calls `body` with each row decoded from JSON, in key order.
    /// - Throws: ``StagingError/payload(dataset:key:reason:)`` naming the row that does not decode.
    public func forEachRecord<Record: Decodable>(_ dataset: String, as type: Record.Type,
                                                 decoder: JSONDecoder = RunStaging.makeDecoder(),
                                                 _ body: (String, Record) throws -> Void) throws {
        try forEachRow(dataset) { row in
            let record: Record
            do { record = try decoder.decode(Record.self, from: row.payload) } catch {
                throw StagingError.payload(dataset: dataset, key: row.key, reason: "cannot decode: \(error)")
            }
            try body(row.key, record)
        }
    }

    public func row(_ dataset: String, key: String) throws -> DatasetRow? {
        try read { db in
            try db.fetchOne(sql: "SELECT key, payload FROM dataset_rows WHERE dataset = ? AND key = ?",
                            arguments: [Self.storageName(db, dataset: dataset), key])
                .map { DatasetRow(key: try $0.decode("key"), payload: try $0.decode("payload")) }
        }
    }

    public func count(_ dataset: String) throws -> Int {
        try read { db in
            try db.fetchValue(sql: "SELECT count(*) FROM dataset_rows WHERE dataset = ?",
                              arguments: [Self.storageName(db, dataset: dataset)], as: Int.self) ?? 0
        }
    }

    /// The checksum of the rows as they are now (recomputed; compare with ``summary(_:)`` or a manifest).
    public func checksum(_ dataset: String) throws -> String {
        try read { try Self.checksum($0, dataset: dataset).hexDigest }
    }

    /// What was recorded when the dataset was last replaced, or nil if it never was.
    public func summary(_ dataset: String) throws -> DatasetSummary? {
        try read { try $0.fetchOne(sql: "SELECT * FROM datasets WHERE name = ?", arguments: [dataset])
            .map(DatasetSummary.init(row:)) }
    }

    /// Every recorded dataset, by name.
    public func datasets() throws -> [DatasetSummary] {
        try read { try $0.fetchAll(sql: "SELECT * FROM datasets ORDER BY name").map(DatasetSummary.init(row:)) }
    }

    // MARK: - Helpers

    /// Where the current rows of `dataset` are in `dataset_rows` (for queries from another connection
    /// that attaches this file, such as a full read's reconciliation in the Flow store).
    public func storageName(of dataset: String) throws -> String {
        try read { try Self.storageName($0, dataset: dataset) }
    }

    /// Where the current rows of `dataset` are in `dataset_rows` (see the type's "storage pointer").
    public static func storageName(_ db: Database, dataset: String) throws -> String {
        try db.fetchValue(sql: "SELECT storage FROM datasets WHERE name = ?", arguments: [dataset], as: String.self)
            ?? dataset
    }

    /// Recomputes the checksum from the rows on disk (resume checks and copies; writes compute it as they go).
    static func checksum(_ db: Database, dataset: String) throws -> DatasetChecksum {
        var checksum = DatasetChecksum()
        try db.forEachRow(sql: "SELECT key, payload FROM dataset_rows WHERE dataset = ?",
                          arguments: [storageName(db, dataset: dataset)]) { row in
            checksum.add(key: try row.decode("key"), payload: try row.decode("payload"))
        }
        return checksum
    }

    /// The JSON encoder for staged records: deterministic (sorted keys) so checksums are stable.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(SQLiteDate.format(date))
        }
        return encoder
    }

    /// The matching decoder.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = SQLiteDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
            }
            return date
        }
        return decoder
    }
}
