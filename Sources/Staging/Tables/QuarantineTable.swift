import Foundation
import SQLite

// MARK: - QuarantineTable

/// SQL for `quarantine`, one row per (entity, record key).
public enum QuarantineTable {
    static let schema = """
        CREATE TABLE quarantine (
            entity         TEXT NOT NULL,
            record_key     TEXT NOT NULL,
            stage          TEXT NOT NULL,
            run_id         TEXT NOT NULL,
            reason         TEXT NOT NULL,
            source_payload TEXT,
            first_seen     TEXT NOT NULL,
            last_seen      TEXT NOT NULL,
            attempts       INTEGER NOT NULL DEFAULT 1,
            resolved_at    TEXT,
            PRIMARY KEY (entity, record_key)
        );
        CREATE INDEX quarantine_open_by_run ON quarantine (run_id) WHERE resolved_at IS NULL;
        """

    /// Quarantines a record, or counts one more attempt (and reopens it) if it is already known.
    @discardableResult
    public static func quarantine(_ db: Database, entity: String, recordKey: String, stage: String, runID: String,
                                  reason: String, sourcePayload: String? = nil, at now: Date) throws -> QuarantineRecord {
        try db.execute(sql: """
            INSERT INTO quarantine (entity, record_key, stage, run_id, reason, source_payload, first_seen,
                                    last_seen, attempts, resolved_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, NULL)
            ON CONFLICT (entity, record_key) DO UPDATE SET
                stage = excluded.stage, run_id = excluded.run_id, reason = excluded.reason,
                source_payload = excluded.source_payload, last_seen = excluded.last_seen,
                attempts = quarantine.attempts + 1, resolved_at = NULL
            """, arguments: [entity, recordKey, stage, runID, reason, sourcePayload, now, now])
        guard let record = try fetch(db, entity: entity, recordKey: recordKey) else {
            preconditionFailure("quarantine row vanished inside its own transaction")
        }
        return record
    }

    /// Marks an open record resolved (it loaded); returns false when none was open.
    @discardableResult
    public static func resolve(_ db: Database, entity: String, recordKey: String, at now: Date) throws -> Bool {
        try db.execute(sql: """
            UPDATE quarantine SET resolved_at = ? WHERE entity = ? AND record_key = ? AND resolved_at IS NULL
            """, arguments: [now, entity, recordKey])
        return db.changesCount > 0
    }

    public static func fetch(_ db: Database, entity: String, recordKey: String) throws -> QuarantineRecord? {
        try db.fetchOne(sql: "SELECT * FROM quarantine WHERE entity = ? AND record_key = ?",
                        arguments: [entity, recordKey]).map(QuarantineRecord.init(row:))
    }

    /// Open records (of run `runID` when given), by entity and key.
    public static func open(_ db: Database, runID: String? = nil) throws -> [QuarantineRecord] {
        if let runID {
            return try db.fetchAll(sql: """
                SELECT * FROM quarantine WHERE resolved_at IS NULL AND run_id = ? ORDER BY entity, record_key
                """, arguments: [runID]).map(QuarantineRecord.init(row:))
        }
        return try db.fetchAll(sql: "SELECT * FROM quarantine WHERE resolved_at IS NULL ORDER BY entity, record_key")
            .map(QuarantineRecord.init(row:))
    }

    /// How many records are open (of run `runID` when given).
    public static func openCount(_ db: Database, runID: String? = nil) throws -> Int {
        if let runID {
            return try db.fetchValue(sql: "SELECT count(*) FROM quarantine WHERE resolved_at IS NULL AND run_id = ?",
                                     arguments: [runID], as: Int.self) ?? 0
        }
        return try db.fetchValue(sql: "SELECT count(*) FROM quarantine WHERE resolved_at IS NULL", as: Int.self) ?? 0
    }
}

// MARK: - ControlStore: quarantine

extension ControlStore {
    @discardableResult
    public func quarantine(entity: String, recordKey: String, stage: String, runID: String, reason: String,
                           sourcePayload: String? = nil) throws -> QuarantineRecord {
        let now = clock.now
        return try write {
            try QuarantineTable.quarantine($0, entity: entity, recordKey: recordKey, stage: stage, runID: runID,
                                           reason: reason, sourcePayload: sourcePayload, at: now)
        }
    }

    @discardableResult
    public func resolveQuarantine(entity: String, recordKey: String) throws -> Bool {
        let now = clock.now
        return try write { try QuarantineTable.resolve($0, entity: entity, recordKey: recordKey, at: now) }
    }

    public func quarantined(entity: String, recordKey: String) throws -> QuarantineRecord? {
        try read { try QuarantineTable.fetch($0, entity: entity, recordKey: recordKey) }
    }

    public func openQuarantine(runID: String? = nil) throws -> [QuarantineRecord] {
        try read { try QuarantineTable.open($0, runID: runID) }
    }

    public func openQuarantineCount(runID: String? = nil) throws -> Int {
        try read { try QuarantineTable.openCount($0, runID: runID) }
    }
}
