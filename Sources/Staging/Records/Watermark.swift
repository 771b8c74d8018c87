import Foundation
import SQLite

// MARK: - Watermark

/// The high-water mark of one incremental stream (e.g. `omnium.orders.changed`): the value to ask
/// for "changed since" next time.
///
/// Why text: streams mark progress differently (an Omnium timestamp with 7 fraction digits, a
/// scroll id, a Flow journal number); the stream's own stage parses it.
public struct Watermark: Sendable, Hashable, Codable {
    public var stream: String
    public var value: String
    public var updatedAt: Date

    public init(stream: String, value: String, updatedAt: Date) {
        self.stream = stream
        self.value = value
        self.updatedAt = updatedAt
    }

    /// Reads a `watermarks` row.
    /// - Throws: ``RowDecodingError`` naming the column.
    public init(row: Row) throws {
        stream = try row.decode("stream")
        value = try row.decode("value")
        updatedAt = try row.decode("updated_at")
    }
}
