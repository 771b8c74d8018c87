import Foundation
import Omnium
import Staging

// MARK: - QueueWorker

/// The one mechanism that works a sync queue: requeue what a crashed run left running, claim the due
/// jobs of one kind in batches, push each batch with bounded concurrency, and record each job's
/// outcome — done; retried later (backoff 1 min doubling to 2 h with jitter, never before Omnium's
/// `Retry-After`); dead at once with the reason when a retry cannot help.
///
/// Exactly-once effects come from the pushes, which are all safe to repeat: creates carry our own id
/// (a repeat meets 409, read back and counted done), the rest are upserts or absolute levels. A job
/// whose earlier attempt ended without an answer (timeout, dropped connection, killed run) is marked
/// `outcome unknown`; its push sees ``Attempt/outcomeUnknown`` and reads back before sending again.
public struct QueueWorker: Sendable {
    /// What one job's push came to.
    public enum Outcome: Sendable, Equatable {
        case done
        /// Try again later (`after`: at least this long, e.g. the original sale is not in Omnium yet).
        case retry(reason: String, after: TimeInterval?)
        /// Cannot succeed by retrying: a person must look (`omniflow queues show … --state dead`).
        case dead(reason: String)
    }

    /// What a push knows about the job's history.
    public struct Attempt: Sendable {
        public var job: SyncJob
        /// An earlier attempt may have reached Omnium: read back before sending.
        public var outcomeUnknown: Bool { job.attempts > 1 || job.lastError?.contains("outcome unknown") == true }
    }

    /// What a drain did.
    public struct Report: Sendable, Equatable {
        public var claimed = 0
        public var done = 0
        public var retried = 0
        public var dead = 0
        public var requeuedAfterCrash = 0

        public var notes: [String] {
            var notes = ["\(done) pushed"]
            if retried > 0 { notes.append("\(retried) to retry later") }
            if dead > 0 { notes.append("\(dead) dead (see 'omniflow queues show … --state dead')") }
            if requeuedAfterCrash > 0 { notes.append("\(requeuedAfterCrash) left running by an interrupted run, pushed again") }
            return notes
        }
    }

    public var kind: SyncJob.Kind
    /// Jobs claimed at a time (a batch push sends one batch per request, e.g. ≤ 1,000 stock levels).
    public var batchSize: Int
    /// Batches pushed at once, within the client's own limits (20 in flight, 4 batch calls).
    public var concurrency: Int

    public init(kind: SyncJob.Kind, batchSize: Int = 100, concurrency: Int = 8) {
        self.kind = kind
        self.batchSize = batchSize
        self.concurrency = concurrency
    }

    /// Works every due job, one at a time per job (`push` is called concurrently for different jobs).
    public func drain(_ context: StageContext,
                      push: @escaping @Sendable (Attempt) async throws -> Outcome) async throws -> Report {
        try await drainBatches(context) { attempts in
            try await OrdersConcurrentReads.map(attempts) { attempt in
                do { return try await push(attempt) } catch { return try Self.outcome(of: error) }
            }
        }
    }

    /// Works every due job, a claimed batch at a time: `push` gets up to ``batchSize`` jobs and returns
    /// one outcome per job, in order.
    public func drainBatches(_ context: StageContext,
                             push: @escaping @Sendable ([Attempt]) async throws -> [Outcome]) async throws -> Report {
        let control = context.control
        var report = Report()
        report.requeuedAfterCrash = try control.requeueInterruptedJobs(queue: kind.queue, kind: kind)
        while true {
            let jobs = try control.claimDueJobs(queue: kind.queue, kind: kind, limit: batchSize)
            if jobs.isEmpty { break }
            report.claimed += jobs.count
            let attempts = jobs.map(Attempt.init(job:))
            let outcomes: [Outcome]
            do {
                outcomes = try await push(attempts)
            } catch {
                let outcome = try Self.outcome(of: error)
                outcomes = Array(repeating: outcome, count: jobs.count)
            }
            for (job, outcome) in zip(jobs, outcomes) {
                switch outcome {
                case .done:
                    try control.completeJob(id: job.id)
                    report.done += 1
                case .retry(let reason, let after):
                    try control.failJob(id: job.id, error: reason, retryable: true, retryAfter: after)
                    report.retried += 1
                    context.log.warning("push to retry", ["queue": kind.queue, "kind": kind.rawValue,
                                                          "object": job.objectKey, "reason": reason])
                case .dead(let reason):
                    try control.failJob(id: job.id, error: reason, retryable: false)
                    report.dead += 1
                    context.log.error("push dead", ["queue": kind.queue, "kind": kind.rawValue,
                                                    "object": job.objectKey, "reason": reason])
                }
            }
            context.advance(report.claimed)
        }
        return report
    }

    /// How an error thrown by a push ends its job. A 401 after renewal (bad credentials) stops the
    /// stage instead: every other job would fail the same way.
    static func outcome(of error: any Error) throws -> Outcome {
        if let error = error as? OmniumError {
            if error.isFatal { throw error }
            if error.kind == .timeout || error.kind == .connection {
                return .retry(reason: "outcome unknown: \(error.description)", after: nil)
            }
            if error.isRetryable {
                return .retry(reason: error.description, after: error.retryAfter.map(Self.seconds))
            }
            return .dead(reason: error.description)
        }
        if let error = error as? OutboundMappingFailure { return .dead(reason: error.description) }
        // An error of our own (the Flow store, a missing record): worth another try after the backoff.
        return .retry(reason: String(describing: error), after: nil)
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}

/// Errors that make a job dead rather than retried (a record that can never be pushed as it is).
public protocol OutboundMappingFailure: Error, CustomStringConvertible {}
