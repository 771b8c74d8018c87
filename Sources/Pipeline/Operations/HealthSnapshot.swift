import Foundation
import Staging

// MARK: - HealthSnapshot

/// What monitoring needs to know about one installation, read from the control database in one
/// snapshot: each cycle's last runs, the sync queues, open quarantine and every watermark.
///
/// Why one type for `omniflow status` and the Prometheus file: both must tell the same story; the
/// thresholds are applied by ``StatusEvaluation`` and the metrics by ``PrometheusMetrics``.
public struct HealthSnapshot: Sendable {
    /// The newest successful and newest finished-or-running run of a cycle.
    public struct CycleRuns: Sendable {
        public var cycle: RunCycle
        public var lastSucceeded: RunRecord?
        public var lastFailed: RunRecord?
    }

    /// Job counts of one queue.
    public struct QueueCounts: Sendable {
        public var queue: String
        public var pending: Int
        public var running: Int
        public var done: Int
        public var dead: Int
        public var oldestPendingAge: TimeInterval?
    }

    public var takenAt: Date
    public var lastRun: RunRecord?
    public var cycles: [CycleRuns]
    public var queues: [QueueCounts]
    /// Open withheld records (not in Flow).
    public var openQuarantine: Int
    /// Open dropped fields of records that loaded.
    public var openDroppedFields: Int = 0
    public var watermarks: [Watermark]

    /// Reads everything in one read transaction.
    public static func read(from control: ControlStore, knownQueues: [String]) throws -> HealthSnapshot {
        let now = control.clock.now
        let lastRun = try control.runs(limit: 1).first
        let cycles = try RunCycle.allCases.map { cycle in
            CycleRuns(cycle: cycle, lastSucceeded: try control.latestRun(cycle: cycle.rawValue, status: .succeeded),
                      lastFailed: try control.latestRun(cycle: cycle.rawValue, status: .failed))
        }
        let queueNames = Set(knownQueues).union(try control.syncQueueNames()).sorted()
        let queues = try queueNames.map { name in
            let counts = try control.syncJobCounts(queue: name)
            return QueueCounts(queue: name, pending: counts[.pending] ?? 0, running: counts[.running] ?? 0,
                               done: counts[.done] ?? 0, dead: counts[.dead] ?? 0,
                               oldestPendingAge: try control.oldestPendingSyncJobCreatedAt(queue: name)
                                   .map { now.timeIntervalSince($0) })
        }
        return HealthSnapshot(takenAt: now, lastRun: lastRun, cycles: cycles, queues: queues,
                              openQuarantine: try control.openQuarantineCount(kind: .withheld),
                              openDroppedFields: try control.openQuarantineCount(kind: .fieldDropped),
                              watermarks: try control.watermarks())
    }
}
