import Foundation
import SQLite

// MARK: - QuarantineRecord

/// A record a stage could not use, kept with the reason and its source until it loads.
///
/// Why keyed by (entity, record key) and not by run: the same bad product comes back every night;
/// one row counts the ``attempts`` and keeps ``firstSeen``, and it is resolved (not deleted) when a
/// later run loads it, so nothing is dropped silently (DESIGN.md "Stages", transform).
public struct QuarantineRecord: Sendable, Hashable, Codable {
    /// The kind of record, in Flow's or Omnium's word: `product`, `order`, `store`, …
    public var entity: String
    /// The record's own key (Omnium id, Flow UID).
    public var recordKey: String
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

    public init(entity: String, recordKey: String, stage: String, runID: String, reason: String,
                sourcePayload: String? = nil, firstSeen: Date, lastSeen: Date, attempts: Int = 1,
                resolvedAt: Date? = nil) {
        self.entity = entity
        self.recordKey = recordKey
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
        entity = try row.decode("entity")
        recordKey = try row.decode("record_key")
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
