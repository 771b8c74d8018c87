import Foundation
import SQLite

// MARK: - RunStaging: streaming writes and copies between runs

extension RunStaging {
    /// The name under which a dataset is assembled before it is published.
    static func pendingName(_ dataset: String) -> String { dataset + "#pending" }

    /// Starts assembling a new version of `dataset` that is written page by page (each page in its own
    /// transaction, so an extract can await the network between pages) and becomes visible only when
    /// ``publishPending(_:)`` swaps it in. Leftovers of an interrupted attempt are discarded first.
    public func beginPending(_ dataset: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [Self.pendingName(dataset)])
            try db.execute(sql: "DELETE FROM pending_checkpoints WHERE dataset = ?", arguments: [dataset])
        }
    }

    /// Like ``beginPending(_:)``, but when an earlier attempt of this run left a checkpoint (an extract
    /// killed or failed half-way), keeps the pages it staged and returns the checkpoint to continue
    /// from; without one, starts afresh and returns nil.
    ///
    /// Why it is safe: the checkpoint is written in the same transaction as the page it describes, so
    /// the staged rows are exactly the ones read up to it; records read again after it replace their
    /// row by key.
    public func resumePending(_ dataset: String) throws -> PendingCheckpoint? {
        if let checkpoint = try read({ db in
            try db.fetchOne(sql: "SELECT * FROM pending_checkpoints WHERE dataset = ?", arguments: [dataset])
                .map(PendingCheckpoint.init(row:))
        }) {
            return checkpoint
        }
        try beginPending(dataset)
        return nil
    }

    /// Adds one page of records to the pending version of `dataset`. A key written again replaces
    /// the earlier row (scrolls and overlapping delta windows may return a record twice). With a
    /// `checkpoint`, records where a read of `dataset` stands after this page, in the same transaction.
    public func appendPending<Record: Encodable>(_ dataset: String, records: some Sequence<Record>,
                                                 key: (Record) -> String,
                                                 checkpoint: PendingCheckpoint? = nil) throws -> Int {
        let encoder = Self.makeEncoder()
        let now = clock.now
        return try write { db in
            if let checkpoint {
                try db.execute(sql: """
                    INSERT INTO pending_checkpoints (dataset, position, rows, pages, written_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (dataset) DO UPDATE SET position = excluded.position, rows = excluded.rows,
                                                        pages = excluded.pages, written_at = excluded.written_at
                    """, arguments: [dataset, checkpoint.position, checkpoint.rows, checkpoint.pages, now])
            }
            let statement = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO dataset_rows (dataset, key, payload) VALUES (?, ?, ?)")
            var count = 0
            for record in records {
                let recordKey = key(record)
                let payload: Data
                do { payload = try encoder.encode(record) } catch {
                    throw StagingError.payload(dataset: dataset, key: recordKey, reason: "cannot encode: \(error)")
                }
                try statement.execute(arguments: [Self.pendingName(dataset), recordKey, payload])
                count += 1
            }
            return count
        }
    }

    /// Replaces `dataset` by its pending version in one transaction: readers see the old rows or the
    /// new ones, never a mix (Luigi's atomic publication, inside SQLite).
    @discardableResult
    public func publishPending(_ dataset: String) throws -> DatasetSummary {
        let now = clock.now
        return try write { db in
            try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [dataset])
            try db.execute(sql: "UPDATE dataset_rows SET dataset = ? WHERE dataset = ?",
                           arguments: [dataset, Self.pendingName(dataset)])
            try db.execute(sql: "DELETE FROM pending_checkpoints WHERE dataset = ?", arguments: [dataset])
            return try Self.recordSummary(db, dataset: dataset, at: now)
        }
    }

    /// Copies `dataset` from another run's staging (for `--only` / `--from` on a new run), replacing any
    /// version this run has, in one transaction.
    @discardableResult
    public func copyDataset(_ dataset: String, from source: RunStaging) throws -> DatasetSummary {
        let now = clock.now
        // SQLite refuses ATTACH inside a transaction: attach first, then copy in one transaction.
        return try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source.databaseURL.path])
            defer { try? db.execute(sql: "DETACH DATABASE source") }
            return try db.inTransaction {
                try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [dataset])
                try db.execute(sql: """
                    INSERT INTO dataset_rows (dataset, key, payload)
                    SELECT dataset, key, payload FROM source.dataset_rows WHERE dataset = ?
                    """, arguments: [dataset])
                return try Self.recordSummary(db, dataset: dataset, at: now)
            }
        }
    }

    /// Computes the dataset's checksum and row count and records them in `datasets` (the manifest's source).
    static func recordSummary(_ db: Database, dataset: String, at now: Date) throws -> DatasetSummary {
        let checksum = try Self.checksum(db, dataset: dataset)
        let summary = DatasetSummary(name: dataset, rowCount: checksum.rowCount, checksum: checksum.hexDigest,
                                     writtenAt: now)
        try db.execute(sql: """
            INSERT INTO datasets (name, row_count, checksum, written_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET row_count = excluded.row_count, checksum = excluded.checksum,
                                             written_at = excluded.written_at
            """, arguments: [summary.name, summary.rowCount, summary.checksum, summary.writtenAt])
        return summary
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
