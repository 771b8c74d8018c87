import Foundation
import Omnium
import Staging

// MARK: - StagedDeltaMark

/// What one delta extract saw of its stream: where it asked from and the highest `modified` it got.
///
/// Why staged rather than written at once: a watermark may only move after the data is in the Flow
/// store (docs/CONTRACTS.md "Pipeline"), so the extract stages the candidate and the load stage sets it
/// after its commit. A crash in between re-reads instead of skipping.
public struct StagedDeltaMark: Codable, Sendable, Equatable {
    /// The watermark stream, e.g. `omnium.orders.modified`.
    public var stream: String
    /// The inclusive `modifiedFrom` sent (Omnium timestamp text); nil for a first, full read.
    public var queriedFrom: String?
    /// The highest `modified` among the records read (Omnium timestamp text); nil when none came.
    public var highestModified: String?
    /// How many records the delta query returned (duplicates included).
    public var recordCount: Int

    public init(stream: String, queriedFrom: String?, highestModified: String?, recordCount: Int) {
        self.stream = stream
        self.queriedFrom = queriedFrom
        self.highestModified = highestModified
        self.recordCount = recordCount
    }

}

// MARK: - OrdersDeltaWatermark

/// The delta rule shared by the purchase-order and order extracts (omnium-contract.md §3 "Client rule"):
/// mark = the last persisted `modified`; ask `modifiedFrom = mark − overlap` (inclusive, `ModifiedAscending`),
/// dedupe on (`id`, `modified`), and advance the mark only after persisting.
///
/// Why an overlap: Omnium stamps `modified` when a write starts, so an order whose write commits after
/// our read can carry a `modified` older than the newest one we saw; reading the last two minutes again
/// catches it. Re-read records merge as unchanged and write nothing.
public enum OrdersDeltaWatermark {
    /// How far before the mark a delta query starts.
    public static let overlap: TimeInterval = 120

    /// `modifiedFrom` for the next query: the stored mark minus ``overlap``; nil when the stream has no mark.
    public static func queryStart(stream: String, control: ControlStore) throws -> Date? {
        guard let text = try control.watermark(for: stream)?.value,
              let mark = OmniumDateFormat.date(from: text) else { return nil }
        return mark.addingTimeInterval(-overlap)
    }

    /// The later of two optional instants.
    static func later(_ lhs: Date?, _ rhs: Date?) -> Date? {
        switch (lhs, rhs) {
        case let (lhs?, rhs?): return max(lhs, rhs)
        default: return lhs ?? rhs
        }
    }

    /// Stages the mark dataset: one row per stream.
    static func stage(_ marks: [StagedDeltaMark], as dataset: String, in staging: RunStaging) throws {
        try staging.replaceDataset(dataset, records: marks, key: \.stream)
    }

    /// Reads the staged marks.
    static func staged(_ dataset: String, in staging: RunStaging) throws -> [StagedDeltaMark] {
        var marks: [StagedDeltaMark] = []
        try staging.forEachRecord(dataset, as: StagedDeltaMark.self) { _, record in marks.append(record) }
        return marks
    }

    /// Moves each stream's watermark to its staged highest `modified`, never backwards.
    /// Call only after the records are committed to the Flow store.
    /// - Returns: a note per stream ("stream: new mark" or "stream: unchanged").
    static func advance(_ marks: [StagedDeltaMark], control: ControlStore) throws -> [String] {
        try marks.map { mark in "watermark \(mark.stream): \(try advance(mark, control: control) ?? "unchanged")" }
    }

    /// Moves one stream's watermark; returns the new mark, or nil when it did not move.
    static func advance(_ mark: StagedDeltaMark, control: ControlStore) throws -> String? {
        guard let text = mark.highestModified, let candidate = OmniumDateFormat.date(from: text) else { return nil }
        if let current = try control.watermark(for: mark.stream)?.value,
           let stored = OmniumDateFormat.date(from: current), stored >= candidate {
            return nil
        }
        try control.setWatermark(text, for: mark.stream)
        return text
    }
}
