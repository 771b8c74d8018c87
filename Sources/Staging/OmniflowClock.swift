import Foundation
import SQLite

// MARK: - OmniflowClock

/// Where "now" comes from.
///
/// Why injected: retry schedules, stale-lock detection and watermarks depend on time; tests move a
/// ``FixedClock`` instead of sleeping (DESIGN.md "Sync queues": time comes from an injectable clock).
public protocol OmniflowClock: Sendable {
    var now: Date { get }
}

/// The wall clock, truncated to whole milliseconds so a time written to the database reads back
/// equal (see `SQLiteDate`).
public struct SystemClock: OmniflowClock {
    public init() {}
    public var now: Date { SQLiteDate.truncated(Date()) }
}

/// A clock that only moves when told to (tests, replays).
public final class FixedClock: OmniflowClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ now: Date = Date(timeIntervalSince1970: 1_795_708_071)) {
        current = now
    }

    public var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
