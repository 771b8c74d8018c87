import Foundation
import SQLite

// MARK: - RunTable

/// SQL for `runs` and `stage_runs`.
///
/// The static functions take a ``Database`` so they can join the caller's transaction
/// (`store.write { db in … }`); the ``ControlStore`` methods below wrap them one transaction each.
public enum RunTable {
    static let schema = """
        CREATE TABLE runs (
            id          TEXT PRIMARY KEY NOT NULL,
            started_at  TEXT NOT NULL,
            finished_at TEXT,
            status      TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
            host        TEXT NOT NULL,
            pid         INTEGER NOT NULL,
            arguments   TEXT NOT NULL
        );
        CREATE INDEX runs_by_start ON runs (started_at);
        CREATE TABLE stage_runs (
            run_id           TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            stage            TEXT NOT NULL,
            stage_version    TEXT NOT NULL,
            status           TEXT NOT NULL
                             CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'skipped')),
            started_at       TEXT,
            finished_at      TEXT,
            duration_seconds REAL,
            rows_read        INTEGER NOT NULL DEFAULT 0,
            rows_written     INTEGER NOT NULL DEFAULT 0,
            rows_unchanged   INTEGER NOT NULL DEFAULT 0,
            quarantined      INTEGER NOT NULL DEFAULT 0,
            checksum         TEXT,
            error            TEXT,
            PRIMARY KEY (run_id, stage)
        );
        CREATE INDEX stage_runs_by_stage ON stage_runs (stage, status, finished_at);
        """

    /// Step "stage runs fields dropped": fields a stage dropped from records it loaded, counted apart from
    /// the records it withheld (`quarantined`).
    static let fieldsDroppedMigration = "ALTER TABLE stage_runs ADD COLUMN fields_dropped INTEGER NOT NULL DEFAULT 0"

    /// Step "stage runs parameters": what a stage run worked on (`key=value` lines), part of its identity.
    static let parametersMigration = "ALTER TABLE stage_runs ADD COLUMN parameters TEXT"

    // MARK: - Runs

    public static func insert(_ db: Database, _ run: RunRecord) throws {
        try db.execute(sql: """
            INSERT INTO runs (id, started_at, finished_at, status, host, pid, arguments)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [run.id, run.startedAt, run.finishedAt, run.status.rawValue, run.host,
                             run.pid, run.arguments])
    }

    /// Sets the final status; returns false when there is no such run.
    @discardableResult
    public static func finish(_ db: Database, runID: String, status: RunRecord.Status, at now: Date) throws -> Bool {
        try db.execute(sql: "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
                       arguments: [status.rawValue, now, runID])
        return db.changesCount > 0
    }

    public static func fetch(_ db: Database, runID: String) throws -> RunRecord? {
        try db.fetchOne(sql: "SELECT * FROM runs WHERE id = ?", arguments: [runID]).map(RunRecord.init(row:))
    }

    /// Runs, newest first.
    public static func list(_ db: Database, limit: Int = 100) throws -> [RunRecord] {
        try db.fetchAll(sql: "SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT ?", arguments: [limit])
            .map(RunRecord.init(row:))
    }

    // MARK: - Stage runs

    /// Inserts or replaces the record of (run, stage).
    public static func upsert(_ db: Database, _ record: StageRunRecord) throws {
        try db.execute(sql: """
            INSERT INTO stage_runs (run_id, stage, stage_version, status, started_at, finished_at,
                                    duration_seconds, rows_read, rows_written, rows_unchanged, quarantined,
                                    fields_dropped, parameters, checksum, error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (run_id, stage) DO UPDATE SET
                stage_version = excluded.stage_version, status = excluded.status,
                started_at = excluded.started_at, finished_at = excluded.finished_at,
                duration_seconds = excluded.duration_seconds, rows_read = excluded.rows_read,
                rows_written = excluded.rows_written, rows_unchanged = excluded.rows_unchanged,
                quarantined = excluded.quarantined, fields_dropped = excluded.fields_dropped,
                parameters = excluded.parameters, checksum = excluded.checksum, error = excluded.error
            """, arguments: [record.runID, record.stage, record.stageVersion, record.status.rawValue,
                             record.startedAt, record.finishedAt, record.duration, record.rowsRead,
                             record.rowsWritten, record.rowsUnchanged, record.quarantined, record.fieldsDropped, record.parameters, record.checksum,
                             record.error])
    }

    /// The stage runs of one run, in the order they started (pending ones last, by name).
    public static func stageRuns(_ db: Database, runID: String) throws -> [StageRunRecord] {
        try db.fetchAll(sql: """
            SELECT * FROM stage_runs WHERE run_id = ?
            ORDER BY started_at IS NULL, started_at, stage
            """, arguments: [runID]).map(StageRunRecord.init(row:))
    }

    public static func stageRun(_ db: Database, runID: String, stage: String) throws -> StageRunRecord? {
        try db.fetchOne(sql: "SELECT * FROM stage_runs WHERE run_id = ? AND stage = ?", arguments: [runID, stage])
            .map(StageRunRecord.init(row:))
    }

    /// Stage runs of other runs than `runID` that started at or after `date` and got as far as running
    /// (succeeded, failed or still running), oldest first: what may have committed since `date`.
    public static func stageRunsStarted(_ db: Database, since date: Date, excludingRun runID: String) throws
        -> [StageRunRecord]
    {
        try db.fetchAll(sql: """
            SELECT * FROM stage_runs
            WHERE run_id <> ? AND started_at >= ? AND status IN ('running', 'succeeded', 'failed')
            ORDER BY started_at, run_id, stage
            """, arguments: [runID, date]).map(StageRunRecord.init(row:))
    }

    /// The most recent succeeded record of `stage`: in run `runID` when given, else in any run.
    public static func lastSucceeded(_ db: Database, stage: String, runID: String? = nil) throws -> StageRunRecord? {
        if let runID {
            return try db.fetchOne(sql: """
                SELECT * FROM stage_runs WHERE run_id = ? AND stage = ? AND status = 'succeeded'
                """, arguments: [runID, stage]).map(StageRunRecord.init(row:))
        }
        return try db.fetchOne(sql: """
            SELECT * FROM stage_runs WHERE stage = ? AND status = 'succeeded'
            ORDER BY finished_at DESC, run_id DESC LIMIT 1
            """, arguments: [stage]).map(StageRunRecord.init(row:))
    }
}

// MARK: - ControlStore: runs

extension ControlStore {
    /// Records a new running run started now by this process (or the given host and pid).
    @discardableResult
    public func createRun(id: String? = nil, arguments: String, host: String = RunLock.currentHost(),
                          pid: Int32 = getpid()) throws -> RunRecord {
        let now = clock.now
        let run = RunRecord(id: id ?? RunRecord.makeID(startedAt: now), startedAt: now, host: host, pid: pid,
                            arguments: arguments)
        try write { try RunTable.insert($0, run) }
        return run
    }

    /// Sets the run's final status and finish time; returns false when there is no such run.
    @discardableResult
    public func finishRun(id: String, status: RunRecord.Status) throws -> Bool {
        let now = clock.now
        return try write { try RunTable.finish($0, runID: id, status: status, at: now) }
    }

    public func run(id: String) throws -> RunRecord? {
        try read { try RunTable.fetch($0, runID: id) }
    }

    /// Runs, newest first.
    public func runs(limit: Int = 100) throws -> [RunRecord] {
        try read { try RunTable.list($0, limit: limit) }
    }

    /// - Parameter durable: false commits without waiting for the disk (``writeWithoutWaitingForTheDisk(_:)``),
    ///   for a stage's `running` record.
    public func upsertStageRun(_ record: StageRunRecord, durable: Bool = true) throws {
        if durable {
            try write { try RunTable.upsert($0, record) }
        } else {
            try writeWithoutWaitingForTheDisk { try RunTable.upsert($0, record) }
        }
    }

    public func stageRuns(runID: String) throws -> [StageRunRecord] {
        try read { try RunTable.stageRuns($0, runID: runID) }
    }

    public func stageRun(runID: String, stage: String) throws -> StageRunRecord? {
        try read { try RunTable.stageRun($0, runID: runID, stage: stage) }
    }

    /// Stage runs of other runs that started at or after `date` and ran (see `RunTable.stageRunsStarted`).
    public func stageRunsStarted(since date: Date, excludingRun runID: String) throws -> [StageRunRecord] {
        try read { try RunTable.stageRunsStarted($0, since: date, excludingRun: runID) }
    }

    /// The most recent succeeded record of `stage` (in `runID` when given).
    public func lastSucceededStageRun(stage: String, runID: String? = nil) throws -> StageRunRecord? {
        try read { try RunTable.lastSucceeded($0, stage: stage, runID: runID) }
    }
}
