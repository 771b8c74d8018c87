import Foundation
import Pipeline
import Staging

// MARK: - PipelineServices: sync queues

/// `omniflow queues`: reads and retries the control database's sync queues.
extension PipelineServices {
    /// The queues the stages use, listed even while empty.
    static let knownQueues = [
        SyncJob.Queue.externalOrderSync, SyncJob.Queue.externalReceivementSync, SyncJob.Queue.externalOrderReceiptSync,
        SyncJob.Queue.externalStockSync, SyncJob.Queue.externalCustomerSync,
    ]

    public func listQueues(configuration: OmniflowConfiguration) throws -> [QueueSummary] {
        let control = try openControl(configuration)
        let now = control.clock.now
        let names = Set(Self.knownQueues).union(try control.syncQueueNames()).sorted()
        return try names.map { name in
            let counts = try control.syncJobCounts(queue: name)
            return QueueSummary(
                queue: name, pending: counts[.pending] ?? 0, running: counts[.running] ?? 0, done: counts[.done] ?? 0,
                dead: counts[.dead] ?? 0, nextAttemptAt: try control.nextSyncAttemptAt(queue: name),
                oldestPendingAge: try control.oldestPendingSyncJobCreatedAt(queue: name).map { now.timeIntervalSince($0) })
        }
    }

    public func showQueue(name: String, state: QueueJobState?, limit: Int,
                          configuration: OmniflowConfiguration) throws -> [QueueJobListing] {
        let control = try openControl(configuration)
        try Self.checkQueue(name, in: control)
        return try control.syncJobs(queue: name, state: state.flatMap { SyncJob.State(rawValue: $0.rawValue) }, limit: limit)
            .map(QueueJobListing.init)
    }

    public func retryQueue(name: String, target: QueueRetryTarget,
                           configuration: OmniflowConfiguration) throws -> QueueRetryReport {
        let control = try openControl(configuration)
        try Self.checkQueue(name, in: control)
        let retried: [SyncJob] = try Self.holdingRunLock(control, holder: "queues-retry-\(getpid())") {
            switch target {
            case .object(let key): return try control.retryJob(queue: name, objectKey: key).map { [$0] } ?? []
            case .allDead: return try control.retryDeadJobs(queue: name)
            }
        }
        return QueueRetryReport(queue: name, retried: retried.map(QueueJobListing.init))
    }

    /// A queue name is usable when the stages know it or it holds jobs; a typo gets the list.
    private static func checkQueue(_ name: String, in control: ControlStore) throws {
        let names = Set(knownQueues).union(try control.syncQueueNames())
        guard names.contains(name) else {
            throw ServiceError.invalidRequest("no sync queue named '\(name)'; queues: " + names.sorted().joined(separator: ", "))
        }
    }
}

// MARK: - Conversions

extension QueueJobListing {
    init(_ job: SyncJob) {
        self.init(id: job.id, objectKey: job.objectKey, kind: job.kind.rawValue, state: QueueJobState(rawValue: job.state.rawValue) ?? .pending,
                  attempts: job.attempts, nextAttemptAt: job.nextAttemptAt,
                  lastError: job.lastError.map(Self.oneLine), updatedAt: job.updatedAt)
    }

    /// Multi-line errors (a response body) shown as one line.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
