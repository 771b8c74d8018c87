import Foundation
import SQLite

// MARK: - WatermarkTable

/// SQL for `watermarks`. `set` joins the caller's transaction, so a watermark moves together
/// with the control data that depends on it.
public enum WatermarkTable {
    static let schema = """
        CREATE TABLE watermarks (
            stream     TEXT PRIMARY KEY NOT NULL,
            value      TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """

    public static func get(_ db: Database, stream: String) throws -> Watermark? {
        try db.fetchOne(sql: "SELECT * FROM watermarks WHERE stream = ?", arguments: [stream])
            .map(Watermark.init(row:))
    }

    public static func set(_ db: Database, stream: String, value: String, at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO watermarks (stream, value, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (stream) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, arguments: [stream, value, now])
    }

    public static func all(_ db: Database) throws -> [Watermark] {
        try db.fetchAll(sql: "SELECT * FROM watermarks ORDER BY stream").map(Watermark.init(row:))
    }

    /// Forgets a stream's mark (the next run reads it from the beginning).
    @discardableResult
    public static func remove(_ db: Database, stream: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM watermarks WHERE stream = ?", arguments: [stream])
        return db.changesCount > 0
    }
}

// MARK: - ControlStore: watermarks

extension ControlStore {
    public func watermark(for stream: String) throws -> Watermark? {
        try read { try WatermarkTable.get($0, stream: stream) }
    }

    public func setWatermark(_ value: String, for stream: String) throws {
        let now = clock.now
        try write { try WatermarkTable.set($0, stream: stream, value: value, at: now) }
    }

    public func watermarks() throws -> [Watermark] {
        try read { try WatermarkTable.all($0) }
    }

    @discardableResult
    public func removeWatermark(for stream: String) throws -> Bool {
        try write { try WatermarkTable.remove($0, stream: stream) }
    }
}

// MARK: - WatermarkChangeTable

/// SQL for `watermark_changes`: every mark an operator moved by hand (`omniflow watermarks set`),
/// with who, when, and the mark before, so a rewind can be explained and undone.
public enum WatermarkChangeTable {
    static let schema = """
        CREATE TABLE watermark_changes (
            id         INTEGER PRIMARY KEY,
            stream     TEXT NOT NULL,
            old_value  TEXT,
            new_value  TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL
        );
        """

    public static func record(_ db: Database, stream: String, oldValue: String?, newValue: String, by who: String,
                              at now: Date) throws {
        try db.execute(sql: """
            INSERT INTO watermark_changes (stream, old_value, new_value, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)
            """, arguments: [stream, oldValue, newValue, now, who])
    }

    public static func all(_ db: Database) throws -> [WatermarkChange] {
        try db.fetchAll(sql: "SELECT * FROM watermark_changes ORDER BY id").map { row in
            WatermarkChange(stream: try row.decode("stream"), oldValue: try row.decodeIfPresent("old_value"),
                            newValue: try row.decode("new_value"), changedAt: try row.decode("changed_at"),
                            changedBy: try row.decode("changed_by"))
        }
    }
}

/// One hand-made move of a watermark.
public struct WatermarkChange: Sendable, Hashable, Codable {
    public var stream: String
    public var oldValue: String?
    public var newValue: String
    public var changedAt: Date
    public var changedBy: String
}

extension ControlStore {
    /// Sets a stream's mark and records who moved it from what, in one transaction.
    public func moveWatermark(_ stream: String, to value: String, by who: String) throws {
        let now = clock.now
        try write { db in
            let old = try WatermarkTable.get(db, stream: stream)?.value
            try WatermarkTable.set(db, stream: stream, value: value, at: now)
            try WatermarkChangeTable.record(db, stream: stream, oldValue: old, newValue: value, by: who, at: now)
        }
    }

    public func watermarkChanges() throws -> [WatermarkChange] {
        try read { try WatermarkChangeTable.all($0) }
    }
}
