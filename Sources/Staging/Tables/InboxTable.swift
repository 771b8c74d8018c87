import Foundation
import SQLite

// MARK: - InboxTable

/// SQL for `inbox_events`; the primary key on `id` is the deduplication.
public enum InboxTable {
    static let schema = """
        CREATE TABLE inbox_events (
            id             TEXT PRIMARY KEY NOT NULL,
            operation_id   INTEGER,
            object_id      TEXT,
            class_name     TEXT,
            sub_class_name TEXT,
            category       TEXT,
            market         TEXT,
            store_id       TEXT,
            status         TEXT,
            timestamp      TEXT,
            received_at    TEXT NOT NULL,
            payload        TEXT NOT NULL,
            processed_at   TEXT
        );
        CREATE INDEX inbox_events_pending ON inbox_events (received_at, id) WHERE processed_at IS NULL;
        """

    /// Stores the event; returns false (and changes nothing) when its id is already in the inbox.
    @discardableResult
    public static func insert(_ db: Database, _ event: InboxEvent) throws -> Bool {
        try db.execute(sql: """
            INSERT INTO inbox_events (id, operation_id, object_id, class_name, sub_class_name, category, market,
                                      store_id, status, timestamp, received_at, payload, processed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """, arguments: [event.id, event.operationId, event.objectId, event.className, event.subClassName,
                             event.category, event.market, event.storeId, event.status, event.timestamp,
                             event.receivedAt, event.payload, event.processedAt])
        return db.changesCount > 0
    }

    /// Unprocessed events, oldest first.
    public static func pending(_ db: Database, limit: Int = 1000) throws -> [InboxEvent] {
        try db.fetchAll(sql: """
            SELECT * FROM inbox_events WHERE processed_at IS NULL ORDER BY received_at, id LIMIT ?
            """, arguments: [limit]).map(InboxEvent.init(row:))
    }

    /// Marks an event processed; returns false when it is unknown or already processed.
    @discardableResult
    public static func markProcessed(_ db: Database, id: String, at now: Date) throws -> Bool {
        try db.execute(sql: "UPDATE inbox_events SET processed_at = ? WHERE id = ? AND processed_at IS NULL",
                       arguments: [now, id])
        return db.changesCount > 0
    }

    public static func fetch(_ db: Database, id: String) throws -> InboxEvent? {
        try db.fetchOne(sql: "SELECT * FROM inbox_events WHERE id = ?", arguments: [id]).map(InboxEvent.init(row:))
    }

    public static func pendingCount(_ db: Database) throws -> Int {
        try db.fetchValue(sql: "SELECT count(*) FROM inbox_events WHERE processed_at IS NULL", as: Int.self) ?? 0
    }
}

// MARK: - ControlStore: event inbox

extension ControlStore {
    /// Stores a received event; false when it is a duplicate delivery.
    @discardableResult
    public func insertInboxEvent(_ event: InboxEvent) throws -> Bool {
        try write { try InboxTable.insert($0, event) }
    }

    public func pendingInboxEvents(limit: Int = 1000) throws -> [InboxEvent] {
        try read { try InboxTable.pending($0, limit: limit) }
    }

    @discardableResult
    public func markInboxEventProcessed(id: String) throws -> Bool {
        let now = clock.now
        return try write { try InboxTable.markProcessed($0, id: id, at: now) }
    }

    public func inboxEvent(id: String) throws -> InboxEvent? {
        try read { try InboxTable.fetch($0, id: id) }
    }
}
