import Foundation
import SQLite

// MARK: - RunLockHolder

/// Who holds the run lock.
public struct RunLockHolder: Sendable, Hashable, Codable, CustomStringConvertible {
    public var runID: String
    public var pid: Int32
    public var host: String
    public var acquiredAt: Date
    public var heartbeatAt: Date

    public init(runID: String, pid: Int32, host: String, acquiredAt: Date, heartbeatAt: Date) {
        self.runID = runID
        self.pid = pid
        self.host = host
        self.acquiredAt = acquiredAt
        self.heartbeatAt = heartbeatAt
    }

    /// Reads the `run_lock` row.
    /// - Throws: ``RowDecodingError`` naming the column.
    public init(row: Row) throws {
        runID = try row.decode("run_id")
        pid = try row.decode("pid")
        host = try row.decode("host")
        acquiredAt = try row.decode("acquired_at")
        heartbeatAt = try row.decode("heartbeat_at")
    }

    public var description: String {
        "run \(runID) (pid \(pid) on \(host), heartbeat \(SQLiteDate.format(heartbeatAt)))"
    }
}

// MARK: - RunLockError

/// Why the run lock could not be taken or used.
public enum RunLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another live run holds the lock.
    case held(by: RunLockHolder)
    /// Heartbeat or release by a run that does not hold the lock (it was taken over).
    case notHeld(runID: String, holder: RunLockHolder?)

    public var description: String {
        switch self {
        case .held(let holder):
            return "Another run holds the lock: \(holder)"
        case let .notHeld(runID, holder):
            return "Run \(runID) does not hold the lock" + (holder.map { "; \($0) does" } ?? "")
        }
    }
}

// MARK: - RunLock

/// Keeps two runs from overlapping, across processes, through the control database.
///
/// Why a single-row table in an IMMEDIATE transaction: the check and the claim happen under
/// SQLite's write lock, so two processes starting at once cannot both win, and no lock file can
/// be left behind by a crash without a way to judge it. A lock is stale — and taken over, with
/// the takeover reported — when its holder runs on this host and its pid is gone
/// (`kill(pid, 0)` fails with `ESRCH`), or, on any host, has not sent a heartbeat for
/// ``maxHeartbeatAge`` (default 6 hours; a run heart-beats between stages and as long stages
/// report progress, so only a hung process or a reused pid goes that long without one).
///
/// - Throws: ``RunLockError``, ``SQLiteError``.
public struct RunLock: Sendable {
    /// The result of a successful ``acquire(runID:pid:host:now:)``.
    public enum Acquisition: Sendable, Equatable {
        case acquired
        /// The previous holder was stale; report it (its run may need marking failed).
        case tookOver(from: RunLockHolder)
    }

    public let store: ControlStore
    public var maxHeartbeatAge: TimeInterval
    /// Whether a pid is alive on this host; injectable for tests.
    public var isProcessAlive: @Sendable (Int32) -> Bool

    /// A lock over `store`'s `run_lock` table (also `store.runLock()`).
    public init(store: ControlStore, maxHeartbeatAge: TimeInterval = 6 * 3600,
                isProcessAlive: @escaping @Sendable (Int32) -> Bool = RunLock.processIsAlive) {
        self.store = store
        self.maxHeartbeatAge = maxHeartbeatAge
        self.isProcessAlive = isProcessAlive
    }

    // MARK: - Operations

    /// Takes the lock for `runID`, or takes over a stale one. `now` defaults to the store's clock.
    /// - Throws: ``RunLockError/held(by:)`` when a live run holds it.
    @discardableResult
    public func acquire(runID: String, pid: Int32 = getpid(), host: String = RunLock.currentHost(),
                        now: Date? = nil) throws -> Acquisition {
        let now = now ?? store.clock.now
        return try store.write { db in
            let current = try RunLockTable.holder(db)
            if let current, !isStale(current, host: host, now: now) {
                throw RunLockError.held(by: current)
            }
            try RunLockTable.replace(db, RunLockHolder(runID: runID, pid: pid, host: host, acquiredAt: now,
                                                       heartbeatAt: now))
            return current.map { .tookOver(from: $0) } ?? .acquired
        }
    }

    /// Proves the holder is alive (call it between stages and during long ones). Committed without waiting for
    /// the disk (``ControlStore/writeWithoutWaitingForTheDisk(_:)``): it speaks to processes that read the same
    /// database now, and after a power cut the holder is gone whatever its last heartbeat says.
    /// - Throws: ``RunLockError/notHeld(runID:holder:)`` when the lock was taken over.
    public func heartbeat(runID: String, now: Date? = nil) throws {
        let now = now ?? store.clock.now
        try store.writeWithoutWaitingForTheDisk { db in
            guard try RunLockTable.touch(db, runID: runID, at: now) else {
                throw RunLockError.notHeld(runID: runID, holder: try RunLockTable.holder(db))
            }
        }
    }

    /// Gives the lock up; returns false when `runID` did not hold it (nothing changes then).
    @discardableResult
    public func release(runID: String) throws -> Bool {
        try store.write { try RunLockTable.delete($0, runID: runID) }
    }

    /// The current holder, stale or not.
    public func holder() throws -> RunLockHolder? {
        try store.read { try RunLockTable.holder($0) }
    }

    /// The staleness rule (see the type's documentation).
    public func isStale(_ holder: RunLockHolder, host: String, now: Date) -> Bool {
        let isSilent = now.timeIntervalSince(holder.heartbeatAt) > maxHeartbeatAge
        // On this host a dead pid settles it at once; a live pid that has been silent past the age is hung
        // or a reused pid (after a reboot, in a container) and would otherwise block every run for ever.
        if holder.host == host { return !isProcessAlive(holder.pid) || isSilent }
        return isSilent
    }

    // MARK: - Process facts

    /// `kill(pid, 0)`: alive unless it fails with `ESRCH` (`EPERM` means alive, someone else's).
    public static func processIsAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) == 0 { return true }
        return errno != ESRCH
    }

    /// This machine's host name (`gethostname`).
    public static func currentHost() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

// MARK: - ControlStore: run lock

extension ControlStore {
    /// The run lock kept in this control database.
    public func runLock(maxHeartbeatAge: TimeInterval = 6 * 3600) -> RunLock {
        RunLock(store: self, maxHeartbeatAge: maxHeartbeatAge)
    }
}
