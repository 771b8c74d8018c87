import Foundation
import Staging

// MARK: - StageHeartbeat

/// Keeps the run lock's heartbeat fresh while a long stage runs.
///
/// Why: another host judges the lock stale after `RunLock.maxHeartbeatAge` without a heartbeat; the
/// runner only beats between stages, so a stage longer than that age (a first full read of orders
/// under rate limits) would let a second run start on top of it. Stages report progress per page
/// (`StageContext.advance`), which beats here at most once per ``interval`` of clock time.
final class StageHeartbeat: @unchecked Sendable {
    /// The least clock time between two heartbeats.
    static let interval: TimeInterval = 60

    private let lock: RunLock
    private let runID: String
    private let clock: any OmniflowClock
    private let log: RunLog
    private let mutex = NSLock()
    private var last: Date
    private var failed = false

    init(lock: RunLock, runID: String, clock: any OmniflowClock, log: RunLog) {
        self.lock = lock
        self.runID = runID
        self.clock = clock
        self.log = log
        self.last = clock.now
    }

    /// Beats when ``interval`` has passed since the last beat. A failure (the lock was taken over) is
    /// logged once; the runner's own heartbeat after the stage then stops the run.
    func beat() {
        let now = clock.now
        let due = mutex.withLock { () -> Bool in
            guard !failed, now.timeIntervalSince(last) >= Self.interval else { return false }
            last = now
            return true
        }
        guard due else { return }
        do {
            try lock.heartbeat(runID: runID, now: now)
        } catch {
            mutex.withLock { failed = true }
            log.warning("run lock heartbeat failed", ["run.id": runID, "error": String(describing: error)])
        }
    }
}
