import Foundation
import SQLite

// MARK: - ControlStore: sync queues

/// One-transaction wrappers over ``SyncQueueTable``, timed by the store's clock.
extension ControlStore {
    @discardableResult
    public func enqueue(queue: String, objectKey: String, payload: String? = nil) throws -> SyncJob {
        let now = clock.now
        return try write { try SyncQueueTable.enqueue($0, queue: queue, objectKey: objectKey, payload: payload, at: now) }
    }

    public func claimDueJobs(queue: String, limit: Int = 100) throws -> [SyncJob] {
        let now = clock.now
        return try write { try SyncQueueTable.claimDue($0, queue: queue, at: now, limit: limit) }
    }

    @discardableResult
    public func completeJob(id: Int64) throws -> SyncJob {
        let now = clock.now
        return try write { try SyncQueueTable.complete($0, id: id, at: now) }
    }

    @discardableResult
    public func failJob(id: Int64, error: String, retryable: Bool, retryAfter: TimeInterval? = nil) throws -> SyncJob {
        let now = clock.now
        return try write {
            try SyncQueueTable.fail($0, id: id, error: error, retryable: retryable, retryAfter: retryAfter, at: now)
        }
    }

    @discardableResult
    public func requeueInterruptedJobs(queue: String) throws -> Int {
        let now = clock.now
        return try write { try SyncQueueTable.requeueInterrupted($0, queue: queue, at: now) }
    }

    public func syncJob(id: Int64) throws -> SyncJob {
        try read { try SyncQueueTable.job($0, id: id) }
    }

    public func syncJobs(queue: String, state: SyncJob.State? = nil, limit: Int = 1000) throws -> [SyncJob] {
        try read { try SyncQueueTable.jobs($0, queue: queue, state: state, limit: limit) }
    }

    public func syncJobCounts(queue: String) throws -> [SyncJob.State: Int] {
        try read { try SyncQueueTable.counts($0, queue: queue) }
    }
}
