import Foundation
import SQLite

// MARK: - QuarantineTable

/// SQL for `quarantine`: one row per issue, (entity, record key, kind, field).
public enum QuarantineTable {
    /// The first schema (frozen: a step once applied is never edited), one row per (entity, record key)
    /// whatever the issue, so a dropped barcode and a withheld record could not be told apart.
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

    /// Step "quarantine kinds": a stable `id` for `quarantine show`, the `kind` (withheld / field_dropped)
    /// and the dropped `field`. Existing rows become `withheld` (the old table did not say); a record that
    /// in fact loaded leaves that row on its next transform, which opens its field rows instead.
    static let kindsMigration = """
        CREATE TABLE quarantine_issues (
            id             INTEGER PRIMARY KEY,
            entity         TEXT NOT NULL,
            record_key     TEXT NOT NULL,
            kind           TEXT NOT NULL CHECK (kind IN ('withheld', 'field_dropped')),
            field          TEXT NOT NULL DEFAULT '',
            stage          TEXT NOT NULL,
            run_id         TEXT NOT NULL,
            reason         TEXT NOT NULL,
            source_payload TEXT,
            first_seen     TEXT NOT NULL,
            last_seen      TEXT NOT NULL,
            attempts       INTEGER NOT NULL DEFAULT 1,
            resolved_at    TEXT,
            UNIQUE (entity, record_key, kind, field)
        );
        INSERT INTO quarantine_issues (entity, record_key, kind, field, stage, run_id, reason, source_payload,
                                       first_seen, last_seen, attempts, resolved_at)
            SELECT entity, record_key, 'withheld', '', stage, run_id, reason, source_payload, first_seen, last_seen,
                   attempts, resolved_at
            FROM quarantine ORDER BY first_seen, entity, record_key;
        DROP TABLE quarantine;
        ALTER TABLE quarantine_issues RENAME TO quarantine;
        CREATE INDEX quarantine_open_by_run ON quarantine (run_id) WHERE resolved_at IS NULL;
        CREATE INDEX quarantine_open_by_record ON quarantine (entity, record_key) WHERE resolved_at IS NULL;
        """

    /// Records an issue, or counts one more attempt (and reopens it) if it is already known.
    @discardableResult
    public static func quarantine(_ db: Database, entity: String, recordKey: String,
                                  kind: QuarantineRecord.Kind = .withheld, field: String = "", stage: String,
                                  runID: String, reason: String, sourcePayload: String? = nil,
                                  at now: Date) throws -> QuarantineRecord {
        try db.execute(sql: """
            INSERT INTO quarantine (entity, record_key, kind, field, stage, run_id, reason, source_payload,
                                    first_seen, last_seen, attempts, resolved_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NULL)
            ON CONFLICT (entity, record_key, kind, field) DO UPDATE SET
                stage = excluded.stage, run_id = excluded.run_id, reason = excluded.reason,
                source_payload = excluded.source_payload, last_seen = excluded.last_seen,
                attempts = quarantine.attempts + 1, resolved_at = NULL
            """, arguments: [entity, recordKey, kind.rawValue, field, stage, runID, reason, sourcePayload, now, now])
        guard let record = try fetch(db, entity: entity, recordKey: recordKey, kind: kind, field: field) else {
            preconditionFailure("quarantine row vanished inside its own transaction")
        }
        return record
    }

    /// Marks the open withheld row of a record resolved (it loaded); returns false when none was open.
    @discardableResult
    public static func resolve(_ db: Database, entity: String, recordKey: String, at now: Date) throws -> Bool {
        try db.execute(sql: """
            UPDATE quarantine SET resolved_at = ?
            WHERE entity = ? AND record_key = ? AND kind = 'withheld' AND resolved_at IS NULL
            """, arguments: [now, entity, recordKey])
        return db.changesCount > 0
    }

    /// A record mapped again: its open field-dropped rows whose field is not in `stillDropped` are
    /// resolved (the field now loads). Returns how many were resolved.
    @discardableResult
    public static func resolveDroppedFields(_ db: Database, entity: String, recordKey: String,
                                            except stillDropped: Set<String>, at now: Date) throws -> Int {
        let open = try db.fetchAll(sql: """
            SELECT field FROM quarantine
            WHERE entity = ? AND record_key = ? AND kind = 'field_dropped' AND resolved_at IS NULL
            """, arguments: [entity, recordKey]).map { row -> String in try row.decode("field") }
        var resolved = 0
        for field in open where !stillDropped.contains(field) {
            try db.execute(sql: """
                UPDATE quarantine SET resolved_at = ?
                WHERE entity = ? AND record_key = ? AND kind = 'field_dropped' AND field = ?
                """, arguments: [now, entity, recordKey, field])
            resolved += 1
        }
        return resolved
    }

    public static func fetch(_ db: Database, entity: String, recordKey: String,
                             kind: QuarantineRecord.Kind = .withheld, field: String = "") throws -> QuarantineRecord? {
        try db.fetchOne(sql: """
            SELECT * FROM quarantine WHERE entity = ? AND record_key = ? AND kind = ? AND field = ?
            """, arguments: [entity, recordKey, kind.rawValue, field]).map(QuarantineRecord.init(row:))
    }

    /// One issue by its id, open or resolved.
    public static func fetch(_ db: Database, id: Int64) throws -> QuarantineRecord? {
        try db.fetchOne(sql: "SELECT * FROM quarantine WHERE id = ?", arguments: [id]).map(QuarantineRecord.init(row:))
    }

    /// Open issues (of run `runID` and of `kind` when given), by entity, key and field.
    public static func open(_ db: Database, runID: String? = nil,
                            kind: QuarantineRecord.Kind? = nil) throws -> [QuarantineRecord] {
        let (filter, arguments) = openFilter(runID: runID, kind: kind)
        return try db.fetchAll(sql: "SELECT * FROM quarantine WHERE \(filter) ORDER BY entity, record_key, kind, field",
                               arguments: arguments).map(QuarantineRecord.init(row:))
    }

    /// How many issues are open (of run `runID` and of `kind` when given).
    public static func openCount(_ db: Database, runID: String? = nil, kind: QuarantineRecord.Kind? = nil) throws -> Int {
        let (filter, arguments) = openFilter(runID: runID, kind: kind)
        return try db.fetchValue(sql: "SELECT count(*) FROM quarantine WHERE \(filter)", arguments: arguments,
                                 as: Int.self) ?? 0
    }

    private static func openFilter(runID: String?, kind: QuarantineRecord.Kind?) -> (String, StatementArguments) {
        var filter = "resolved_at IS NULL"
        var arguments: StatementArguments = []
        if let runID {
            filter += " AND run_id = ?"
            arguments.append(runID)
        }
        if let kind {
            filter += " AND kind = ?"
            arguments.append(kind.rawValue)
        }
        return (filter, arguments)
    }
}

// MARK: - ControlStore: quarantine

extension ControlStore {
    @discardableResult
    public func quarantine(entity: String, recordKey: String, kind: QuarantineRecord.Kind = .withheld,
                           field: String = "", stage: String, runID: String, reason: String,
                           sourcePayload: String? = nil) throws -> QuarantineRecord {
        let now = clock.now
        return try write {
            try QuarantineTable.quarantine($0, entity: entity, recordKey: recordKey, kind: kind, field: field,
                                           stage: stage, runID: runID, reason: reason, sourcePayload: sourcePayload,
                                           at: now)
        }
    }

    /// Resolves the record's open withheld row (it loaded whole, or no longer exists).
    @discardableResult
    public func resolveQuarantine(entity: String, recordKey: String) throws -> Bool {
        let now = clock.now
        return try write { try QuarantineTable.resolve($0, entity: entity, recordKey: recordKey, at: now) }
    }

    /// Resolves the record's open field-dropped rows but those in `stillDropped`.
    @discardableResult
    public func resolveDroppedFields(entity: String, recordKey: String, except stillDropped: Set<String>) throws -> Int {
        let now = clock.now
        return try write {
            try QuarantineTable.resolveDroppedFields($0, entity: entity, recordKey: recordKey, except: stillDropped,
                                                     at: now)
        }
    }

    /// The record's withheld row (open or resolved).
    public func quarantined(entity: String, recordKey: String) throws -> QuarantineRecord? {
        try read { try QuarantineTable.fetch($0, entity: entity, recordKey: recordKey) }
    }

    /// One issue by its stable id (`omniflow quarantine show <id>`).
    public func quarantineIssue(id: Int64) throws -> QuarantineRecord? {
        try read { try QuarantineTable.fetch($0, id: id) }
    }

    public func openQuarantine(runID: String? = nil, kind: QuarantineRecord.Kind? = nil) throws -> [QuarantineRecord] {
        try read { try QuarantineTable.open($0, runID: runID, kind: kind) }
    }

    public func openQuarantineCount(runID: String? = nil, kind: QuarantineRecord.Kind? = nil) throws -> Int {
        try read { try QuarantineTable.openCount($0, runID: runID, kind: kind) }
    }
}
