import Foundation
import SQLite

/// A stable 64-bit fingerprint of a record's fields, stored beside each Flow row.
///
/// The load stage compares it with the stored one and rewrites only rows whose content changed,
/// so a nightly run over 100 000 unchanged products touches no pages. FNV-1a 64 over a canonical,
/// type-tagged, length-prefixed encoding: stable across runs, processes and platforms (unlike
/// `Hasher`, which is seeded per process), and `("ab","c")` never collides with `("a","bc")`.
/// Not a security hash; a collision would only skip one update, and 64 bits make that remote.
///
/// Lives in FlowStore (not FlowMapping) because the tables compute it on write.
/// Spec: DESIGN.md "load" (upsert only rows whose content changed).
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    /// The hash as SQLite stores it: the 64 bits reinterpreted as a signed integer.
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }

    public var description: String { String(UInt64(bitPattern: rawValue), radix: 16) }
}

/// Accumulates fields into a `ContentHash`. Feed fields in a fixed order; optional fields are
/// fed with their `nil`, never skipped, so a field moving from one column to the next changes
/// the hash.
public struct ContentHasher: Sendable {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    private var state = ContentHasher.offsetBasis

    public init() {}

    // MARK: - Fields

    public mutating func combine(_ value: String?) {
        guard let value else { return tag(0) }
        tag(1)
        let utf8 = value.utf8
        length(utf8.count)
        for byte in utf8 { mix(byte) }
    }

    public mutating func combine(_ value: Int64?) {
        guard let value else { return tag(0) }
        tag(2)
        var bits = UInt64(bitPattern: value)
        for _ in 0..<8 {
            mix(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    public mutating func combine(_ value: Int?) {
        combine(value.map { Int64($0) })
    }

    public mutating func combine(_ value: Bool?) {
        guard let value else { return tag(0) }
        tag(3)
        mix(value ? 1 : 0)
    }

    /// Dates are hashed as the tables store them (`SQLiteDate`, whole milliseconds), so a record
    /// read back from `flow.db` hashes like the one that was written.
    public mutating func combine(_ value: Date?) {
        guard let value else { return tag(0) }
        tag(4)
        combine(SQLiteDate.format(value))
    }

    public mutating func combine(_ values: [String]) {
        tag(5)
        length(values.count)
        for value in values { combine(value) }
    }

    public func finalize() -> ContentHash {
        ContentHash(rawValue: Int64(bitPattern: state))
    }

    // MARK: - Private

    private mutating func tag(_ byte: UInt8) { mix(byte) }

    private mutating func length(_ count: Int) {
        var bits = UInt64(count)
        for _ in 0..<8 {
            mix(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    private mutating func mix(_ byte: UInt8) {
        state ^= UInt64(byte)
        state = state &* ContentHasher.prime
    }
}

/// A record whose content can be fingerprinted for change detection.
public protocol ContentHashable {
    /// Feeds every stored field except the key-independent bookkeeping, in a fixed order.
    func hashContent(into hasher: inout ContentHasher)
}

extension ContentHashable {
    public var contentHash: ContentHash {
        var hasher = ContentHasher()
        hashContent(into: &hasher)
        return hasher.finalize()
    }
}
