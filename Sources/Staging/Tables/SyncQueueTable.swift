import Foundation
import SQLite

// MARK: - SyncQueueTable

/// SQL for `sync_jobs`. A partial unique index allows one pending job per (queue, kind, object key);
/// a running job may coexist with a new pending one (the object changed during the push).
///
/// Jobs have a kind (``SyncJob/Kind``): one queue can carry several (Flow's `external_order_sync`
/// carries inbound order fetches and outbound POS order pushes), and claiming and requeueing always
/// select one kind, so a worker never takes a job it does not know how to run.
public enum SyncQueueTable {
    static let schema = """
        CREATE TABLE sync_jobs (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            queue           TEXT NOT NULL,
            object_key      TEXT NOT NULL,
            state           TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'dead')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error      TEXT,
            payload         TEXT,
            created_at      TEXT NOT NULL,
            updated_at      TEXT NOT NULL
        );
        CREATE UNIQUE INDEX sync_jobs_one_pending ON sync_jobs (queue, object_key) WHERE state = 'pending';
        CREATE INDEX sync_jobs_due ON sync_jobs (queue, state, next_attempt_at);
        """

    /// Adds the job kind. Every job made before kinds existed was an inbound order fetch (the only
    /// producer on `external_order_sync`; the other queues had none), hence the default.
    static let kindMigration = """
        ALTER TABLE sync_jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'inbound_order';
        DROP INDEX sync_jobs_one_pending;
        CREATE UNIQUE INDEX sync_jobs_one_pending ON sync_jobs (queue, kind, object_key) WHERE state = 'pending';
        DROP INDEX sync_jobs_due;
        CREATE INDEX sync_jobs_due ON sync_jobs (queue, kind, state, next_attempt_at);
        """

    // MARK: - Enqueue and claim

    /// Adds a pending job of `kind` due now, or returns the object's pending job of that kind unchanged.
    @discardableResult
    public static func enqueue(_ db: Database, queue: String, kind: SyncJob.Kind = .inboundOrder, objectKey: String,
                               payload: String? = nil, at now: Date) throws -> SyncJob {
        if let existing = try pendingJob(db, queue: queue, kind: kind, objectKey: objectKey) { return existing }
        try db.execute(sql: """
            INSERT INTO sync_jobs (queue, kind, object_key, state, attempts, next_attempt_at, last_error, payload,
                                   created_at, updated_at)
            VALUES (?, ?, ?, 'pending', 0, ?, NULL, ?, ?, ?)
            """, arguments: [queue, kind.rawValue, objectKey, now, payload, now, now])
        return try job(db, id: db.lastInsertedRowID)
    }

    /// Marks up to `limit` due pending jobs of `kind` running (counting an attempt) and returns them,
    /// earliest due first. Jobs of other kinds in the same queue are never taken.
    public static func claimDue(_ db: Database, queue: String, kind: SyncJob.Kind, at now: Date,
                                limit: Int = 100) throws -> [SyncJob] {
        // One statement for the whole claim (a select, then an update and a read-back per job, was most
        // of the time of a 100,000-row stock push), its rows read by position without building a `Row`
        // each (a third of the claim's time). RETURNING gives rows in no set order: sorted here.
        let statement = try db.cachedStatement(sql: """
            UPDATE sync_jobs SET state = 'running', attempts = attempts + 1, updated_at = ?
            WHERE id IN (
                SELECT id FROM sync_jobs WHERE queue = ? AND kind = ? AND state = 'pending' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ?)
            RETURNING \(SyncJob.columns)
            """)
        var claimed: [SyncJob] = []
        claimed.reserveCapacity(min(limit, 10_000))
        try statement.execute({ bindings in
            bindings.bind(now)
            bindings.bind(queue)
            bindings.bind(kind.rawValue)
            bindings.bind(now)
            bindings.bind(limit)
        }, eachRow: { row in claimed.append(try SyncJob(row: row, sql: statement.sql)) })
        return claimed.sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
    }

    // MARK: - Outcomes

    /// The push succeeded.
    @discardableResult
    public static func complete(_ db: Database, id: Int64, at now: Date) throws -> SyncJob {
        try db.execute(sql: "UPDATE sync_jobs SET state = 'done', updated_at = ? WHERE id = ?", arguments: [now, id])
        return try job(db, id: id)
    }

    /// Every job in `ids` succeeded: one statement for a batch (the ids bound as one JSON array).
    public static func complete(_ db: Database, ids: [Int64], at now: Date) throws {
        guard !ids.isEmpty else { return }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        try db.execute(sql: """
            UPDATE sync_jobs SET state = 'done', updated_at = ? WHERE id IN (SELECT value FROM json_each(?))
            """, arguments: [now, list])
    }

    /// The push failed. Retryable: pending again after ``SyncRetryPolicy`` (at least `retryAfter`);
    /// if the object got a new pending job meanwhile, that job inherits the attempts and the later
    /// due time and this one is removed. Not retryable: dead at once.
    /// - Returns: the job that will carry the retry (or the dead job).
    @discardableResult
    public static func fail(_ db: Database, id: Int64, error: String, retryable: Bool,
                            retryAfter: TimeInterval? = nil, jitter: Double = 0, at now: Date) throws -> SyncJob {
        let failed = try job(db, id: id)
        guard retryable else {
            try db.execute(sql: "UPDATE sync_jobs SET state = 'dead', last_error = ?, updated_at = ? WHERE id = ?",
                           arguments: [error, now, id])
            return try job(db, id: id)
        }
        let due = now.addingTimeInterval(SyncRetryPolicy.delay(afterAttempt: failed.attempts, retryAfter: retryAfter,
                                                                      jitter: jitter))
        if let sibling = try pendingJob(db, queue: failed.queue, kind: failed.kind, objectKey: failed.objectKey),
           sibling.id != id {
            try db.execute(sql: """
                UPDATE sync_jobs SET attempts = max(attempts, ?), next_attempt_at = max(next_attempt_at, ?),
                                     last_error = ?, updated_at = ?
                WHERE id = ?
                """, arguments: [failed.attempts, due, error, now, sibling.id])
            try db.execute(sql: "DELETE FROM sync_jobs WHERE id = ?", arguments: [id])
            return try job(db, id: sibling.id)
        }
        try db.execute(sql: """
            UPDATE sync_jobs SET state = 'pending', next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?
            """, arguments: [due, error, now, id])
        return try job(db, id: id)
    }

    /// After a crash: jobs of `kind` left running are pending again, due now (pushes are safe to
    /// repeat: the worker reads back what an interrupted attempt may have done before sending again).
    /// A running job whose object already has a pending job is removed (the pending one covers it).
    /// - Returns: how many jobs were made pending again.
    @discardableResult
    public static func requeueInterrupted(_ db: Database, queue: String, kind: SyncJob.Kind, at now: Date) throws -> Int {
        try db.execute(sql: """
            UPDATE sync_jobs SET state = 'pending', next_attempt_at = ?, updated_at = ?,
                                 last_error = coalesce(last_error, 'interrupted: outcome unknown')
            WHERE queue = ? AND kind = ? AND state = 'running' AND NOT EXISTS (
                SELECT 1 FROM sync_jobs AS other
                WHERE other.queue = sync_jobs.queue AND other.kind = sync_jobs.kind
                  AND other.object_key = sync_jobs.object_key AND other.state = 'pending')
            """, arguments: [now, now, queue, kind.rawValue])
        let requeued = db.changesCount
        try db.execute(sql: "DELETE FROM sync_jobs WHERE queue = ? AND kind = ? AND state = 'running'",
                       arguments: [queue, kind.rawValue])
        return requeued
    }

    // MARK: - Operator retry

    /// Puts the object's dead job — or its failed pending job (one with an error, waiting for its
    /// backoff) — back to pending, due now, attempts kept. An object ends with one pending job:
    /// when it already has one, that job is made due now and its dead jobs are folded into it
    /// (removed, their attempts kept by `max`); otherwise its newest dead job is revived and older
    /// dead ones folded into it. Touches no other object.
    /// - Returns: the job now pending, or nil when the object had nothing dead or failed.
    @discardableResult
    public static func retry(_ db: Database, queue: String, objectKey: String, at now: Date) throws -> SyncJob? {
        let dead = try db.fetchAll(sql: """
            SELECT * FROM sync_jobs WHERE queue = ? AND object_key = ? AND state = 'dead' ORDER BY id DESC
            """, arguments: [queue, objectKey]).map(SyncJob.init(row:))
        let kind = dead.first?.kind ?? .inboundOrder
        let pending = try pendingJob(db, queue: queue, kind: kind, objectKey: objectKey)
        guard let target = pending ?? dead.first, !dead.isEmpty || target.lastError != nil else { return nil }
        let attempts = ([target.attempts] + dead.map(\.attempts)).max() ?? target.attempts
        try db.execute(sql: """
            DELETE FROM sync_jobs WHERE queue = ? AND object_key = ? AND state = 'dead' AND id <> ?
            """, arguments: [queue, objectKey, target.id])
        try db.execute(sql: """
            UPDATE sync_jobs SET state = 'pending', attempts = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?
            """, arguments: [attempts, now, now, target.id])
        return try job(db, id: target.id)
    }

    /// ``retry(_:queue:objectKey:at:)`` for every object of the queue with a dead job.
    /// - Returns: the jobs now pending, by object key.
    public static func retryAllDead(_ db: Database, queue: String, at now: Date) throws -> [SyncJob] {
        let keys: [String] = try db.fetchAll(sql: """
            SELECT DISTINCT object_key FROM sync_jobs WHERE queue = ? AND state = 'dead' ORDER BY object_key
            """, arguments: [queue]).map { try $0.decode("object_key") }
        return try keys.compactMap { try retry(db, queue: queue, objectKey: $0, at: now) }
    }

    // MARK: - Reading

    public static func job(_ db: Database, id: Int64) throws -> SyncJob {
        guard let row = try db.fetchOne(sql: "SELECT * FROM sync_jobs WHERE id = ?", arguments: [id]) else {
            throw StagingError.unknownSyncJob(id: id)
        }
        return try SyncJob(row: row)
    }

    public static func pendingJob(_ db: Database, queue: String, kind: SyncJob.Kind, objectKey: String) throws -> SyncJob? {
        try db.fetchOne(sql: """
            SELECT * FROM sync_jobs WHERE queue = ? AND kind = ? AND object_key = ? AND state = 'pending'
            """, arguments: [queue, kind.rawValue, objectKey]).map(SyncJob.init(row:))
    }

    /// Jobs of a queue (in one state when given), oldest first.
    public static func jobs(_ db: Database, queue: String, state: SyncJob.State? = nil,
                            limit: Int = 1000) throws -> [SyncJob] {
        if let state {
            return try db.fetchAll(sql: "SELECT * FROM sync_jobs WHERE queue = ? AND state = ? ORDER BY id LIMIT ?",
                                   arguments: [queue, state.rawValue, limit]).map(SyncJob.init(row:))
        }
        return try db.fetchAll(sql: "SELECT * FROM sync_jobs WHERE queue = ? ORDER BY id LIMIT ?",
                               arguments: [queue, limit]).map(SyncJob.init(row:))
    }

    /// How many jobs each state holds (states without jobs are 0).
    public static func counts(_ db: Database, queue: String) throws -> [SyncJob.State: Int] {
        var counts = Dictionary(uniqueKeysWithValues: SyncJob.State.allCases.map { ($0, 0) })
        for row in try db.fetchAll(sql: "SELECT state, count(*) AS n FROM sync_jobs WHERE queue = ? GROUP BY state",
                                   arguments: [queue]) {
            let state: SyncJob.State = try StagingError.decodeEnum(row, "state")
            counts[state] = try row.decode("n")
        }
        return counts
    }

    /// Every queue that holds a job, by name.
    public static func queueNames(_ db: Database) throws -> [String] {
        try db.fetchAll(sql: "SELECT DISTINCT queue FROM sync_jobs ORDER BY queue").map { try $0.decode("queue") }
    }

    /// When the queue's oldest pending job was created (nil when none is pending).
    public static func oldestPendingCreatedAt(_ db: Database, queue: String) throws -> Date? {
        try db.fetchValue(sql: "SELECT min(created_at) FROM sync_jobs WHERE queue = ? AND state = 'pending'",
                          arguments: [queue], as: Date.self)
    }

    /// When the earliest pending job is due (nil when none is pending).
    public static func nextAttemptAt(_ db: Database, queue: String) throws -> Date? {
        try db.fetchValue(sql: "SELECT min(next_attempt_at) FROM sync_jobs WHERE queue = ? AND state = 'pending'",
                          arguments: [queue], as: Date.self)
    }
}

// MARK: - ControlStore: sync queues

/// One-transaction wrappers over ``SyncQueueTable``, timed by the store's clock.
extension ControlStore {
    @discardableResult
    public func enqueue(queue: String, kind: SyncJob.Kind = .inboundOrder, objectKey: String,
                        payload: String? = nil) throws -> SyncJob {
        let now = clock.now
        return try write {
            try SyncQueueTable.enqueue($0, queue: queue, kind: kind, objectKey: objectKey, payload: payload, at: now)
        }
    }

    public func claimDueJobs(queue: String, kind: SyncJob.Kind, limit: Int = 100) throws -> [SyncJob] {
        let now = clock.now
        return try write { try SyncQueueTable.claimDue($0, queue: queue, kind: kind, at: now, limit: limit) }
    }

    @discardableResult
    public func completeJob(id: Int64) throws -> SyncJob {
        let now = clock.now
        return try write { try SyncQueueTable.complete($0, id: id, at: now) }
    }

    @discardableResult
    public func failJob(id: Int64, error: String, retryable: Bool, retryAfter: TimeInterval? = nil,
                        jitter: Double = 0) throws -> SyncJob {
        let now = clock.now
        return try write {
            try SyncQueueTable.fail($0, id: id, error: error, retryable: retryable, retryAfter: retryAfter,
                                    jitter: jitter, at: now)
        }
    }

    @discardableResult
    public func requeueInterruptedJobs(queue: String, kind: SyncJob.Kind) throws -> Int {
        let now = clock.now
        return try write { try SyncQueueTable.requeueInterrupted($0, queue: queue, kind: kind, at: now) }
    }

    public func syncJob(id: Int64) throws -> SyncJob {
        try read { try SyncQueueTable.job($0, id: id) }
    }

    public func syncJobs(queue: String, state: SyncJob.State? = nil, limit: Int = 1000) throws -> [SyncJob] {
        try read { try SyncQueueTable.jobs($0, queue: queue, state: state, limit: limit) }
    }

    public func syncJobCounts(queue: String) throws -> [SyncJob.State: Int] {
        try read { try SyncQueueTable.counts($0, queue: queue) }
    }

    /// When the queue's earliest pending job is due (nil when none is pending).
    public func nextSyncAttemptAt(queue: String) throws -> Date? {
        try read { try SyncQueueTable.nextAttemptAt($0, queue: queue) }
    }

    /// Dead jobs (or the object's failed pending job) pending again, due now, in one transaction.
    /// See ``SyncQueueTable/retry(_:queue:objectKey:at:)``.
    @discardableResult
    public func retryJob(queue: String, objectKey: String) throws -> SyncJob? {
        let now = clock.now
        return try write { try SyncQueueTable.retry($0, queue: queue, objectKey: objectKey, at: now) }
    }

    /// Every dead job of the queue pending again, due now, in one transaction.
    @discardableResult
    public func retryDeadJobs(queue: String) throws -> [SyncJob] {
        let now = clock.now
        return try write { try SyncQueueTable.retryAllDead($0, queue: queue, at: now) }
    }

    /// Every queue that holds a job, by name.
    public func syncQueueNames() throws -> [String] {
        try read { try SyncQueueTable.queueNames($0) }
    }

    /// When the queue's oldest pending job was created (nil when none is pending).
    public func oldestPendingSyncJobCreatedAt(queue: String) throws -> Date? {
        try read { try SyncQueueTable.oldestPendingCreatedAt($0, queue: queue) }
    }
}
