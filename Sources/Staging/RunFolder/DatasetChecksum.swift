import Foundation

// MARK: - DatasetChecksum

/// The checksum of a staged dataset: SHA-256 over its rows in key order, each row written as
/// `len(key) key len(payload) payload` with 8-byte big-endian lengths, as 64 lowercase hex digits.
///
/// Why length-prefixed: rows `("ab", "c")` and `("a", "bc")` must not hash alike. Why key order:
/// the same content always gives the same checksum, however the stage produced it, so `--resume`
/// can compare a manifest's checksum with the output on disk.
public struct DatasetChecksum: Sendable {
    private var hasher = SHA256()
    public private(set) var rowCount = 0

    public init() {}

    /// Adds the next row; rows must come in ascending key order (SQLite's BINARY collation).
    public mutating func add(key: String, payload: Data) {
        appendLength(key.utf8.count)
        hasher.update(key)
        appendLength(payload.count)
        hasher.update(payload)
        rowCount += 1
    }

    public var hexDigest: String { hasher.hexDigest() }

    private mutating func appendLength(_ length: Int) {
        let value = UInt64(length)
        hasher.update((0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) })
    }
}
