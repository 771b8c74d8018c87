import Foundation
import Staging

/// Work a run leaves in one sync queue: jobs still pending (retried by a later run, when due) and
/// jobs given up on (dead, waiting for `omniflow queues retry`).
///
/// Why: a run whose stages all succeeded can still leave orders it could not fetch or pushes Omnium
/// refused in a queue. It exits 0 (nothing failed that a rerun would fix), but the summary,
/// `runs show` and the manifest say what is left, so "succeeded" never hides work not done.
public struct QueueBacklog: Codable, Sendable, Equatable {
    public var queue: String
    public var pending: Int
    public var dead: Int
    /// When the earliest pending job is due.
    public var nextAttemptAt: Date?

    public init(queue: String, pending: Int, dead: Int, nextAttemptAt: Date?) {
        self.queue = queue
        self.pending = pending
        self.dead = dead
        self.nextAttemptAt = nextAttemptAt
    }

    /// Every queue holding pending, running or dead jobs, by name.
    public static func current(in control: ControlStore) throws -> [QueueBacklog] {
        try control.syncQueueNames().compactMap { queue in
            let counts = try control.syncJobCounts(queue: queue)
            let pending = (counts[.pending] ?? 0) + (counts[.running] ?? 0)
            let dead = counts[.dead] ?? 0
            guard pending + dead > 0 else { return nil }
            return QueueBacklog(queue: queue, pending: pending, dead: dead,
                                nextAttemptAt: try control.nextSyncAttemptAt(queue: queue))
        }
    }
}
