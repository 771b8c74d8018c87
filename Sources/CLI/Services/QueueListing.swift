import Foundation

// MARK: - QueueJobState

/// Where a sync job stands, as `omniflow queues` shows it (the control database's `sync_jobs.state`).
public enum QueueJobState: String, Codable, Sendable, CaseIterable {
    case pending, running, done, dead
}

// MARK: - QueueSummary

/// One line of `omniflow queues`: how much work a sync queue holds and how stale it is.
///
/// Why: an operator must see at a glance whether pushes to Omnium are piling up (old pending jobs)
/// or waiting for a person (dead jobs), without opening the control database.
public struct QueueSummary: Codable, Sendable, Equatable {
    /// The queue's name as Flow names it (`external_order_sync`).
    public var queue: String
    public var pending: Int
    public var running: Int
    public var done: Int
    public var dead: Int
    /// When the earliest pending job is due; nil when nothing is pending.
    public var nextAttemptAt: Date?
    /// Seconds since the oldest pending job was created; nil when nothing is pending.
    public var oldestPendingAge: TimeInterval?

    public init(queue: String, pending: Int, running: Int, done: Int, dead: Int, nextAttemptAt: Date? = nil,
                oldestPendingAge: TimeInterval? = nil) {
        self.queue = queue
        self.pending = pending
        self.running = running
        self.done = done
        self.dead = dead
        self.nextAttemptAt = nextAttemptAt
        self.oldestPendingAge = oldestPendingAge
    }
}

// MARK: - QueueJobListing

/// One job of `omniflow queues show`.
public struct QueueJobListing: Codable, Sendable, Equatable {
    public var id: Int64
    /// The object the job pushes (order id, reception id, …).
    public var objectKey: String
    /// What the job does (`inbound_order`, `pos_order_push`, …): one queue may carry several kinds.
    public var kind: String
    public var state: QueueJobState
    /// How many times the job was tried.
    public var attempts: Int
    public var nextAttemptAt: Date
    /// The last failure on one line, secrets already hidden by the worker that recorded it.
    public var lastError: String?
    public var updatedAt: Date

    public init(id: Int64, objectKey: String, kind: String = "inbound_order", state: QueueJobState, attempts: Int,
                nextAttemptAt: Date, lastError: String? = nil, updatedAt: Date) {
        self.id = id
        self.objectKey = objectKey
        self.kind = kind
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.updatedAt = updatedAt
    }
}

// MARK: - QueueRetryTarget

/// What `omniflow queues retry` puts back: one object's job, or every dead job of the queue.
public enum QueueRetryTarget: Sendable, Equatable {
    case object(String)
    case allDead
}

// MARK: - QueueRetryReport

/// What `omniflow queues retry` did: the jobs now pending and due.
public struct QueueRetryReport: Codable, Sendable, Equatable {
    public var queue: String
    /// The jobs made pending again, due now (empty when there was nothing dead or failed).
    public var retried: [QueueJobListing]

    public init(queue: String, retried: [QueueJobListing]) {
        self.queue = queue
        self.retried = retried
    }
}
