import Foundation
import SQLite

// MARK: - QuarantineRecord

/// A quarantine issue: a record a stage withheld, or a field it dropped from a record it loaded,
/// kept with the reason and the source payload until a later run takes the record whole.
///
/// Two kinds, never mixed (issue 7, "quarantine means one thing"):
/// - ``Kind/withheld``: the record is not in Flow; it waits here and is retried every run.
/// - ``Kind/fieldDropped``: the record loaded without one field (an invalid barcode, an unknown
///   product group); ``field`` names what was dropped.
///
/// Why keyed by (entity, record key, kind, field) and not by run: the same bad product comes back every
/// night; one row counts the ``attempts`` and keeps ``firstSeen``, and it is resolved (not deleted) when
/// a later run maps the record without that issue, so nothing is dropped silently (DESIGN.md "Stages").
/// ``id`` is stable (`omniflow quarantine show <id>`).
public struct QuarantineRecord: Sendable, Hashable, Codable {
    /// Whether the whole record was held back or one field of a loaded record was dropped.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case withheld
        case fieldDropped = "field_dropped"
    }

    /// The row's stable id.
    public var id: Int64
    /// The kind of record, in Flow's or Omnium's word: `product`, `order`, `store`, …
    public var entity: String
    /// The record's own key (Omnium id, Flow UID).
    public var recordKey: String
    public var kind: Kind
    /// What was dropped (`productGroupUid`, `barcode 123`); empty for a withheld record.
    public var field: String
    /// The stage that refused it, e.g. `transform.products`.
    public var stage: String
    /// The run that last refused it.
    public var runID: String
    public var reason: String
    /// The source record as received (JSON), to inspect or replay.
    public var sourcePayload: String?
    public var firstSeen: Date
    public var lastSeen: Date
    public var attempts: Int
    public var resolvedAt: Date?

    public var isOpen: Bool { resolvedAt == nil }

    public init(id: Int64 = 0, entity: String, recordKey: String, kind: Kind = .withheld, field: String = "",
                stage: String, runID: String, reason: String,
                sourcePayload: String? = nil, firstSeen: Date, lastSeen: Date, attempts: Int = 1,
                resolvedAt: Date? = nil) {
        self.id = id
        self.entity = entity
        self.recordKey = recordKey
        self.kind = kind
        self.field = field
        self.stage = stage
        self.runID = runID
        self.reason = reason
        self.sourcePayload = sourcePayload
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.attempts = attempts
        self.resolvedAt = resolvedAt
    }

    /// Reads a `quarantine` row.
    /// - Throws: ``RowDecodingError`` naming the column.
    public init(row: Row) throws {
        id = try row.decode("id")
        entity = try row.decode("entity")
        recordKey = try row.decode("record_key")
        kind = try StagingError.decodeEnum(row, "kind")
        field = try row.decode("field")
        stage = try row.decode("stage")
        runID = try row.decode("run_id")
        reason = try row.decode("reason")
        sourcePayload = try row.decodeIfPresent("source_payload")
        firstSeen = try row.decode("first_seen")
        lastSeen = try row.decode("last_seen")
        attempts = try row.decode("attempts")
        resolvedAt = try row.decodeIfPresent("resolved_at")
    }
}
