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
