import Foundation
import Omnium
import Staging

// MARK: - SyncQueueWorker

/// The one mechanism every sync queue consumer uses: claim the due jobs of one kind, run them with
/// bounded concurrency, record each outcome (done / retry with backoff and `Retry-After` / dead with the
/// reason / outcome unknown → verify before resending).
///
/// Why one type: the bookkeeping (claim, requeue after a crash, backoff 1 min doubling to 2 h with jitter,
/// dead at once for permanent errors, a change during the push re-sent afterwards) must be the same for
/// the inbound order fetch and every outbound push, so it lives here once and the stages only say what
/// one job does. Claims select the worker's kind: a job of another kind in the same queue is never taken.
/// Spec: flow-integration.md §2.1; DESIGN.md "Sync queues".
public struct SyncQueueWorker: Sendable {
    public var kind: SyncJob.Kind
    /// Jobs in flight at once (keep within Omnium's limits; the client's limiter applies on top).
    public var maxConcurrent: Int
    /// Jobs claimed per round.
    public var batchSize: Int
    /// A fraction in 0..<1 spreading retries (up to +10 % of the backoff) so failed jobs do not return together.
    public var jitter: @Sendable () -> Double

    public init(kind: SyncJob.Kind, maxConcurrent: Int = 8, batchSize: Int = 500,
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.kind = kind
        self.maxConcurrent = max(1, maxConcurrent)
        self.batchSize = max(1, batchSize)
        self.jitter = jitter
    }

    public var queue: String { kind.queue }

    /// Makes jobs of this kind left running by a crashed run pending again (their next attempt verifies).
    @discardableResult
    public func requeueInterrupted(control: ControlStore) throws -> Int {
        try control.requeueInterruptedJobs(queue: queue, kind: kind)
    }

    /// Claims one batch of due jobs and runs them. A handler that throws (a fatal error such as a refused
    /// token, or cancellation) stops the round; jobs it left unrecorded stay running and are requeued, to
    /// be verified, by the next round's `requeueInterrupted`.
    /// - Returns: the tally of outcomes.
    ///
    /// `beforeRecording` runs before each group of outcomes is committed: a stage that defers its own
    /// writes (e.g. ids written back to the Flow store, one transaction for many jobs) commits them there,
    /// so a job is never recorded done before its effects are stored.
    public func runDue(control: ControlStore, limit: Int? = nil, beforeRecording: (@Sendable () throws -> Void)? = nil,
                       _ handler: @escaping @Sendable (SyncJobAttempt) async throws -> SyncJobOutcome) async throws -> SyncQueueReport {
        let jobs = try control.claimDueJobs(queue: queue, kind: kind, limit: limit ?? batchSize)
        var report = SyncQueueReport()
        report.claimed = jobs.count
        try await withThrowingTaskGroup(of: (SyncJob, SyncJobOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let job = jobs[next]
                next += 1
                group.addTask { (job, try await handler(SyncJobAttempt(job: job))) }
            }
            for _ in 0..<min(maxConcurrent, jobs.count) { startNext() }
            // Outcomes are committed in groups, not one transaction per job: each commit of the control
            // database is an fsync, and 10,000 of them were most of a 10,000-order push. A crash before a
            // group is committed leaves its jobs running; the next round requeues and verifies them.
            // The commits run on a queue of their own (``OutcomeRecorder``), in order, not here: a task blocked
            // in an fsync holds one of the cooperative pool's threads (one per core), and the answers of the
            // jobs on the wire wait for a thread before their next job can start.
            let recorder = OutcomeRecorder(worker: self, control: control, beforeRecording: beforeRecording)
            var finished: [(jobId: Int64, outcome: SyncJobOutcome)] = []
            do {
                while let (job, outcome) = try await group.next() {
                    finished.append((job.id, outcome))
                    report.count(outcome)
                    startNext()
                    if finished.count >= Self.outcomesPerCommit {
                        try recorder.checkFailure()
                        recorder.record(finished)
                        finished.removeAll(keepingCapacity: true)
                    }
                }
                recorder.record(finished)
                try await recorder.finish()
            } catch {
                // What was handed to the recorder is committed (or failed) before the error ends the round.
                try? await recorder.finish()
                throw error
            }
        }
        return report
    }

    /// Runs due jobs round after round until none is due (failed jobs wait for their backoff, so this ends),
    /// or `maxJobs` were claimed.
    public func drain(control: ControlStore, maxJobs: Int = .max, beforeRecording: (@Sendable () throws -> Void)? = nil,
                      _ handler: @escaping @Sendable (SyncJobAttempt) async throws -> SyncJobOutcome) async throws -> SyncQueueReport {
        var total = SyncQueueReport()
        total.requeued = try requeueInterrupted(control: control)
        while total.claimed < maxJobs {
            try Task.checkCancellation()
            let round = try await runDue(control: control, limit: min(batchSize, maxJobs - total.claimed),
                                         beforeRecording: beforeRecording, handler)
            total.add(round)
            if round.claimed == 0 { break }
        }
        return total
    }

    /// Like ``drain(control:maxJobs:_:)`` for pushes that send many jobs in one call (stock levels,
    /// customers): each claimed batch (up to ``batchSize``) goes to `handler` whole, which returns one
    /// outcome per job, in order. A handler that throws an Omnium error ends the whole batch with that
    /// error's outcome; any other error stops the drain (the jobs stay running and are requeued, to be
    /// verified, next time).
    ///
    /// - Parameters:
    ///   - prepareAhead: batches started beyond ``maxConcurrent``: they read and encode their objects while
    ///     the others are on the wire and then wait for the client's limiter, so a call goes out as soon as
    ///     one answers (the limiter, not this count, keeps the calls within Omnium's limits).
    ///   - recordEvery: outcomes are committed once this many jobs have finished (and at the end), not per
    ///     batch. Only for pushes that are harmless to repeat (absolute stock levels, upserts by id): a kill
    ///     before the commit leaves those jobs running, and the next run sends them again.
    public func drainBatches(control: ControlStore, prepareAhead: Int = 0, recordEvery: Int = 1,
                             _ handler: @escaping @Sendable ([SyncJobAttempt]) async throws -> [SyncJobOutcome]) async throws
        -> SyncQueueReport {
        var total = SyncQueueReport()
        total.requeued = try requeueInterrupted(control: control)
        let started = maxConcurrent + max(0, prepareAhead)
        // Up to `maxConcurrent` batches on the wire at all times (Omnium allows 4 batch calls at once), and
        // `prepareAhead` more ready behind them: when one answers, its outcomes are kept, the next waiting call
        // goes out, and a new batch is claimed and prepared. Batches hold distinct jobs (a claimed job is
        // running); each handler reads the current state of its objects, so even two jobs of one object in
        // flight at once would send the same latest value.
        try await withThrowingTaskGroup(of: ([SyncJob], [SyncJobOutcome]).self) { group in
            var inFlight = 0
            var exhausted = false
            var claimed: [[SyncJob]] = []
            var finished: [(jobId: Int64, outcome: SyncJobOutcome)] = []
            do {
                while true {
                    while inFlight < started {
                        try Task.checkCancellation()
                        if claimed.isEmpty && !exhausted {
                            // The first claim is one batch, so the first call leaves at once; later ones claim
                            // every free place in one statement (one commit of the control database, not one per batch).
                            let batches = total.claimed == 0 ? 1 : started - inFlight
                            let jobs = try control.claimDueJobs(queue: queue, kind: kind, limit: batches * batchSize)
                            if jobs.count < batches * batchSize { exhausted = true }
                            claimed = stride(from: 0, to: jobs.count, by: batchSize).map {
                                Array(jobs[$0..<min($0 + batchSize, jobs.count)])
                            }
                        }
                        guard !claimed.isEmpty else { break }
                        let jobs = claimed.removeFirst()
                        total.claimed += jobs.count
                        inFlight += 1
                        group.addTask {
                            do {
                                return (jobs, try await handler(jobs.map(SyncJobAttempt.init(job:))))
                            } catch let error as OmniumError where !error.isFatal {
                                return (jobs, Array(repeating: SyncJobOutcome.from(error), count: jobs.count))
                            }
                        }
                    }
                    guard let (jobs, outcomes) = try await group.next() else { break }
                    inFlight -= 1
                    precondition(outcomes.count == jobs.count, "a batch handler returns one outcome per job")
                    finished.append(contentsOf: zip(jobs.map(\.id), outcomes).map { ($0, $1) })
                    for outcome in outcomes { total.count(outcome) }
                    // A batch that did not go through is recorded at once (its retry time starts now).
                    if finished.count >= recordEvery || outcomes.contains(where: { $0 != .done }) {
                        try record(finished, control: control)
                        finished.removeAll(keepingCapacity: true)
                    }
                }
                try record(finished, control: control)
            } catch {
                // What finished is recorded before the error ends the drain; the rest stays running.
                group.cancelAll()
                try? record(finished, control: control)
                throw error
            }
        }
        return total
    }

    /// Records the outcomes of a batch in one control-database transaction (a batch of 1,000 stock jobs is
    /// one commit, not 1,000: measured, per-job commits were most of `push.stock`'s time).
    public func record(_ outcomes: [(jobId: Int64, outcome: SyncJobOutcome)], control: ControlStore) throws {
        guard !outcomes.isEmpty else { return }
        let now = control.clock.now
        let jitters = outcomes.map { _ in jitter() }
        try control.write { db in
            // The done jobs in one statement (100,000 stock rows are 100,000 jobs); the others one by one.
            try SyncQueueTable.complete(db, ids: outcomes.compactMap { $0.outcome == .done ? $0.jobId : nil }, at: now)
            for ((id, outcome), jitter) in zip(outcomes, jitters) {
                switch outcome {
                case .done, .handedOver: break
                case .retry(let reason, let retryAfter):
                    try SyncQueueTable.fail(db, id: id, error: reason, retryable: true, retryAfter: retryAfter,
                                            jitter: jitter, at: now)
                case .outcomeUnknown(let reason):
                    try SyncQueueTable.fail(db, id: id, error: "outcome unknown: \(reason)", retryable: true,
                                            jitter: jitter, at: now)
                case .dead(let reason): try SyncQueueTable.fail(db, id: id, error: reason, retryable: false, at: now)
                }
            }
        }
    }

    /// How many finished jobs `runDue` records per control-database transaction.
    static let outcomesPerCommit = 50

    /// Records an outcome for a claimed job (also for stages that finish jobs handed over by another).
    public func record(_ outcome: SyncJobOutcome, jobId: Int64, control: ControlStore) throws {
        switch outcome {
        case .done: try control.completeJob(id: jobId)
        case .handedOver: break
        case .retry(let reason, let retryAfter):
            try control.failJob(id: jobId, error: reason, retryable: true, retryAfter: retryAfter, jitter: jitter())
        case .outcomeUnknown(let reason):
            try control.failJob(id: jobId, error: "outcome unknown: \(reason)", retryable: true, jitter: jitter())
        case .dead(let reason): try control.failJob(id: jobId, error: reason, retryable: false)
        }
    }
}

// MARK: - OutcomeRecorder

/// Commits groups of outcomes for ``SyncQueueWorker/runDue(control:limit:beforeRecording:_:)`` on a serial
/// queue, in the order they were handed over, each after the stage's `beforeRecording` (so a job is never
/// recorded done before its effects are stored). The first error stops further commits and is thrown by
/// ``checkFailure()`` or ``finish()``; the jobs not recorded stay running and are requeued, to be verified,
/// by the next round.
final class OutcomeRecorder: @unchecked Sendable {
    private let worker: SyncQueueWorker
    private let control: ControlStore
    private let beforeRecording: (@Sendable () throws -> Void)?
    private let queue = DispatchQueue(label: "omniflow.sync-queue.record")
    private let lock = NSLock()
    private var failure: (any Error)?

    init(worker: SyncQueueWorker, control: ControlStore, beforeRecording: (@Sendable () throws -> Void)?) {
        self.worker = worker
        self.control = control
        self.beforeRecording = beforeRecording
    }

    /// Queues one group's commit (a copy of `outcomes`).
    func record(_ outcomes: [(jobId: Int64, outcome: SyncJobOutcome)]) {
        let outcomes = outcomes
        queue.async {
            guard self.lock.withLock({ self.failure == nil }) else { return }
            do {
                try self.beforeRecording?()
                try self.worker.record(outcomes, control: self.control)
            } catch {
                self.lock.withLock { self.failure = error }
            }
        }
    }

    /// Throws the error a commit met, if any.
    func checkFailure() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Waits for every queued commit; throws the first error one met.
    func finish() async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
        try checkFailure()
    }
}

// MARK: - SyncQueueReport

/// How a worker's round went, for the stage's notes and `omniflow queues work`.
public struct SyncQueueReport: Sendable, Hashable {
    public var claimed = 0
    public var done = 0
    public var handedOver = 0
    public var retried = 0
    public var unknown = 0
    public var dead = 0
    public var requeued = 0

    public init() {}

    mutating func count(_ outcome: SyncJobOutcome) {
        switch outcome {
        case .done: done += 1
        case .handedOver: handedOver += 1
        case .retry: retried += 1
        case .outcomeUnknown: unknown += 1
        case .dead: dead += 1
        }
    }

    mutating func add(_ other: SyncQueueReport) {
        claimed += other.claimed
        done += other.done
        handedOver += other.handedOver
        retried += other.retried
        unknown += other.unknown
        dead += other.dead
        requeued += other.requeued
    }

    /// One line for the manifest: `done 12, retried 1, dead 0`.
    public var summary: String {
        var parts = ["claimed \(claimed)", "done \(done)"]
        if handedOver > 0 { parts.append("handed over \(handedOver)") }
        if retried > 0 { parts.append("retried \(retried)") }
        if unknown > 0 { parts.append("outcome unknown \(unknown)") }
        if dead > 0 { parts.append("dead \(dead)") }
        if requeued > 0 { parts.append("requeued after a crash \(requeued)") }
        return parts.joined(separator: ", ")
    }
}
