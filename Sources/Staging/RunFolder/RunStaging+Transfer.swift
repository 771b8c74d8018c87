import Foundation
import SQLite

// MARK: - RunStaging: streaming writes and copies between runs

extension RunStaging {
    /// Starts assembling a new version of `dataset` that is written page by page (each page in its own
    /// transaction, so an extract can await the network between pages) and becomes visible only when
    /// ``publishPending(_:)`` swaps it in. Leftovers of an interrupted attempt are discarded first.
    public func beginPending(_ dataset: String) throws {
        try write { db in _ = try Self.startPending(db, dataset: dataset) }
    }

    /// Like ``beginPending(_:)``, but when an earlier attempt of this run left a checkpoint (an extract
    /// killed or failed half-way), keeps the pages it staged and returns the checkpoint to continue
    /// from; without one, starts afresh and returns nil.
    ///
    /// Why it is safe: the checkpoint is written in the same transaction as the page it describes (and
    /// the running checksum with it), so the staged rows are exactly the ones read up to it; records
    /// read again after it replace their row by key.
    public func resumePending(_ dataset: String) throws -> PendingCheckpoint? {
        try write { db in
            if try Self.pendingState(db, dataset: dataset) != nil,
               let checkpoint = try db.fetchOne(sql: "SELECT * FROM pending_checkpoints WHERE dataset = ?",
                                                arguments: [dataset]).map(PendingCheckpoint.init(row:)) {
                return checkpoint
            }
            _ = try Self.startPending(db, dataset: dataset)
            return nil
        }
    }

    /// Adds one page of records to the pending version of `dataset`. A key written again replaces
    /// the earlier row (scrolls and overlapping delta windows may return a record twice). With a
    /// `checkpoint`, records where a read of `dataset` stands after this page, in the same transaction.
    public func appendPending<Record: Encodable>(_ dataset: String, records: some Sequence<Record>,
                                                 encoder: JSONEncoder = RunStaging.makeEncoder(),
                                                 key: (Record) -> String,
                                                 checkpoint: PendingCheckpoint? = nil) throws -> Int {
        try appendPendingRows(dataset, rows: DatasetRow.encoding(records, with: encoder, dataset: dataset, key: key),
                              checkpoint: checkpoint)
    }

    /// Like ``appendPending(_:records:key:checkpoint:)``, for records keyed by their content: `key` gets
    /// the staged payload too, so a content fingerprint needs no second encoding of the record.
    public func appendPending<Record: Encodable>(_ dataset: String, records: some Sequence<Record>,
                                                 encoder: JSONEncoder = RunStaging.makeEncoder(),
                                                 keyOfPayload key: (Record, Data) -> String,
                                                 checkpoint: PendingCheckpoint? = nil) throws -> Int {
        let rows = try records.map { record in
            let payload: Data
            do { payload = try encoder.encode(record) } catch {
                throw StagingError.payload(dataset: dataset, key: "?", reason: "cannot encode: \(error)")
            }
            return DatasetRow(key: key(record, payload), payload: payload)
        }
        return try appendPendingRows(dataset, rows: rows, checkpoint: checkpoint)
    }

    /// ``appendPending(_:records:key:checkpoint:)`` for rows already encoded (e.g. raw pages).
    public func appendPendingRows(_ dataset: String, rows: some Sequence<DatasetRow>,
                                  checkpoint: PendingCheckpoint? = nil) throws -> Int {
        try appendPendingRows(dataset, rows: rows, checkpoint: checkpoint) { _, _, new in new }
    }

    /// ``appendPendingRows(_:rows:checkpoint:)`` where a key staged before is not replaced but merged:
    /// its row becomes `merging(key, old payload, new payload)` (a record spread over several pages, e.g. a
    /// product's stock levels when two SKUs map to one Flow product).
    public func appendPendingRows(_ dataset: String, rows: some Sequence<DatasetRow>, checkpoint: PendingCheckpoint? = nil,
                                  merging: (_ key: String, _ old: Data, _ new: Data) throws -> Data) throws -> Int {
        let now = clock.now
        return try write { db in
            if let checkpoint {
                try db.execute(sql: """
                    INSERT INTO pending_checkpoints (dataset, position, rows, pages, written_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (dataset) DO UPDATE SET position = excluded.position, rows = excluded.rows,
                                                        pages = excluded.pages, written_at = excluded.written_at
                    """, arguments: [dataset, checkpoint.position, checkpoint.rows, checkpoint.pages, now])
            }
            let pending = try Self.pendingState(db, dataset: dataset) ?? Self.startPending(db, dataset: dataset)
            let storage = pending.storage
            var checksum = pending.checksum
            let insert = try db.cachedStatement(
                sql: "INSERT INTO dataset_rows (dataset, key, payload) VALUES (?, ?, ?) ON CONFLICT (dataset, key) DO NOTHING")
            var count = 0
            for row in rows {
                try insert.execute { bindings in
                    bindings.bind(storage)
                    bindings.bind(row.key)
                    bindings.bind(row.payload)
                }
                if db.changesCount == 0 {
                    // The key was staged before: its old row leaves the checksum, the new one enters.
                    let old = try db.fetchValue(sql: "SELECT payload FROM dataset_rows WHERE dataset = ? AND key = ?",
                                                arguments: [storage, row.key], as: Data.self) ?? Data()
                    checksum.remove(key: row.key, payload: old)
                    let merged = try merging(row.key, old, row.payload)
                    try db.execute(sql: "UPDATE dataset_rows SET payload = ? WHERE dataset = ? AND key = ?",
                                   arguments: [merged, storage, row.key])
                    checksum.add(merged == row.payload ? row : DatasetRow(key: row.key, payload: merged))
                } else {
                    checksum.add(row)
                }
                count += 1
            }
            try db.execute(sql: "UPDATE pending_datasets SET checksum_sum = ?, row_count = ? WHERE dataset = ?",
                           arguments: [Data(checksum.sumBytes), checksum.rowCount, dataset])
            return count
        }
    }

    /// How many rows the pending (unpublished) version of `dataset` holds; 0 when none is begun.
    public func pendingCount(_ dataset: String) throws -> Int {
        try read { db in
            guard let pending = try Self.pendingState(db, dataset: dataset) else { return 0 }
            return try db.fetchValue(sql: "SELECT count(*) FROM dataset_rows WHERE dataset = ?",
                                     arguments: [pending.storage], as: Int.self) ?? 0
        }
    }

    /// Makes the pending version of `dataset` the current one in one transaction: readers see the old
    /// rows or the new ones, never a mix (Luigi's atomic publication, inside SQLite). The pointer
    /// moves; the rows stay where they were written, and only the previous version's rows are deleted.
    @discardableResult
    public func publishPending(_ dataset: String) throws -> DatasetSummary {
        let now = clock.now
        return try write { db in
            let (storage, checksum) = try Self.pendingState(db, dataset: dataset) ?? Self.startPending(db, dataset: dataset)
            let previous = try Self.storageName(db, dataset: dataset)
            if previous != storage {
                try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [previous])
            }
            try db.execute(sql: "DELETE FROM pending_datasets WHERE dataset = ?", arguments: [dataset])
            try db.execute(sql: "DELETE FROM pending_checkpoints WHERE dataset = ?", arguments: [dataset])
            return try Self.recordSummary(db, dataset: dataset, storage: storage, checksum: checksum, at: now)
        }
    }

    /// Copies `dataset` from another run's staging (for `--only` / `--from` on a new run), replacing any
    /// version this run has, in one transaction.
    @discardableResult
    public func copyDataset(_ dataset: String, from source: RunStaging) throws -> DatasetSummary {
        let now = clock.now
        let sourceStorage = try source.read { try Self.storageName($0, dataset: dataset) }
        // SQLite refuses ATTACH inside a transaction: attach first, then copy in one transaction.
        return try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source.databaseURL.path])
            defer { try? db.execute(sql: "DETACH DATABASE source") }
            return try db.inTransaction {
                let storage = try Self.storageName(db, dataset: dataset)
                try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [storage])
                try db.execute(sql: """
                    INSERT INTO dataset_rows (dataset, key, payload)
                    SELECT ?, key, payload FROM source.dataset_rows WHERE dataset = ?
                    """, arguments: [storage, sourceStorage])
                // Recomputed from the copied rows: the copy is checked, not trusted.
                var checksum = DatasetChecksum()
                try db.forEachRow(sql: "SELECT key, payload FROM dataset_rows WHERE dataset = ?", arguments: [storage]) { row in
                    checksum.add(key: try row.decode("key"), payload: try row.decode("payload"))
                }
                return try Self.recordSummary(db, dataset: dataset, storage: storage, checksum: checksum, at: now)
            }
        }
    }

    /// Records a dataset's checksum, row count and storage in `datasets` (the manifest's source).
    static func recordSummary(_ db: Database, dataset: String, storage: String, checksum: DatasetChecksum,
                              at now: Date) throws -> DatasetSummary {
        let summary = DatasetSummary(name: dataset, rowCount: checksum.rowCount, checksum: checksum.hexDigest,
                                     writtenAt: now)
        try db.execute(sql: """
            INSERT INTO datasets (name, row_count, checksum, written_at, storage) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET row_count = excluded.row_count, checksum = excluded.checksum,
                                             written_at = excluded.written_at, storage = excluded.storage
            """, arguments: [summary.name, summary.rowCount, summary.checksum, summary.writtenAt,
                             storage == dataset ? nil : storage])
        return summary
    }

    // MARK: - Pending state

    /// Discards any pending version of `dataset` and starts an empty one in the storage that is not
    /// current (`<name>#a` or `<name>#b`).
    static func startPending(_ db: Database, dataset: String) throws -> (storage: String, checksum: DatasetChecksum) {
        if let leftover = try pendingState(db, dataset: dataset) {
            try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [leftover.storage])
        }
        let current = try storageName(db, dataset: dataset)
        let storage = current == dataset + "#a" ? dataset + "#b" : dataset + "#a"
        try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [storage])
        try db.execute(sql: "DELETE FROM pending_checkpoints WHERE dataset = ?", arguments: [dataset])
        let checksum = DatasetChecksum()
        try db.execute(sql: """
            INSERT INTO pending_datasets (dataset, storage, checksum_sum, row_count) VALUES (?, ?, ?, 0)
            ON CONFLICT (dataset) DO UPDATE SET storage = excluded.storage, checksum_sum = excluded.checksum_sum,
                                                row_count = 0
            """, arguments: [dataset, storage, Data(checksum.sumBytes)])
        return (storage, checksum)
    }

    static func pendingState(_ db: Database, dataset: String) throws -> (storage: String, checksum: DatasetChecksum)? {
        guard let row = try db.fetchOne(sql: "SELECT storage, checksum_sum, row_count FROM pending_datasets WHERE dataset = ?",
                                        arguments: [dataset]) else { return nil }
        let sum: Data = try row.decode("checksum_sum")
        return (try row.decode("storage"), DatasetChecksum(sumBytes: [UInt8](sum), rowCount: try row.decode("row_count")))
    }
}

// MARK: - PendingCheckpoint

/// Where a long read of a dataset stands after its last staged page: the stream position to continue
/// from (for the product scroll, the latest `modified` read, in Omnium's text format), and how many
/// rows and pages were staged before it.
public struct PendingCheckpoint: Sendable, Equatable {
    public var position: String
    public var rows: Int
    public var pages: Int

    public init(position: String, rows: Int, pages: Int) {
        self.position = position
        self.rows = rows
        self.pages = pages
    }

    init(row: Row) throws {
        position = try row.decode("position")
        rows = try row.decode("rows")
        pages = try row.decode("pages")
    }
}
