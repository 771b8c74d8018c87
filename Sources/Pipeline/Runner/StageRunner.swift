import Digest
import Foundation
import Staging

/// What to run: a new run or a resumed one, and which stages.
public struct RunRequest: Sendable, Equatable {
    /// Continue this run: its succeeded stages are skipped (when their outputs still verify).
    public var resume: String?
    public var selection: StageSelection
    /// Free text for the run record (the command line).
    public var arguments: String
    /// The named cycle (`nightly`, `intraday`) this run was started as, recorded with the run.
    public var cycle: String?

    public init(resume: String? = nil, selection: StageSelection = .all, arguments: String = "", cycle: String? = nil) {
        self.resume = resume
        self.selection = selection
        self.arguments = arguments
        self.cycle = cycle
    }
}

/// How a run ended.
public struct RunResult: Sendable {
    public var runID: String
    public var runDirectory: URL
    public var succeeded: Bool
    public var manifest: RunManifest
    /// Set when the lock was taken from a crashed run.
    public var tookOverFrom: RunLockHolder?
}

/// Runs stages in plan order, recording each in the control database and `manifest.json`.
///
/// A run goes through three steps, each its own function:
/// 1. ``prepare(_:)`` decides everything that can refuse the run, before anything is written: the
///    selection, the run to resume and whether it may be, and where inputs outside the selection come
///    from. A refused run leaves no record, no run folder and no lock (so it never blocks `--resume` of a
///    real failed run);
/// 2. ``start(_:request:)`` takes the lock and records the run, then ``runSelected(_:)`` runs each
///    selected stage: `--resume` skips succeeded stages whose staged outputs still have the recorded
///    checksums (Luigi's "complete = outputs exist"); a failed stage stops its downstream stages (recorded
///    as skipped) while independent stages go on;
/// 3. ``finish(_:)`` records how the run ended (``abort(_:error:)`` when an error stopped it).
/// Stages that declare everything they touch run beside independent ones (``StageConcurrency``).
/// One run at a time: the run lock is held for the whole run and heart-beaten between stages.
public struct StageRunner: Sendable {
    public let plan: StagePlan
    public let environment: PipelineEnvironment
    public var echo: (@Sendable (String) -> Void)?
    public var progress: (@Sendable (StageProgress) -> Void)?
    /// How many stages may run at once; 1 runs the plan one stage at a time, in plan order. From
    /// `OMNIFLOW_CONCURRENT_STAGES` (2 by default: the catalogue's stock chain is most of a full load, and
    /// the products and prices chains can run beside it on a second core; docs/CONTRACTS.md "Stages running
    /// at the same time").
    public var maxConcurrentStages: Int

    public init(stages: [any Stage], environment: PipelineEnvironment) throws {
        self.plan = try StagePlan(stages: stages)
        self.environment = environment
        self.maxConcurrentStages = environment.configuration.concurrentStages
    }

    /// Runs the request.
    /// - Throws: `StagePlanError` for an unknown stage, `StageRunnerError` for a run that cannot start or
    ///   be resumed (both before anything is recorded), `RunLockError.held` when another run is active;
    ///   stage failures do not throw, they end the run as failed.
    public func run(_ request: RunRequest) async throws -> RunResult {
        let prepared = try prepare(request)
        var session = try start(prepared, request: request)
        defer {
            ActiveRun.shared.end(runID: session.runID)
            _ = try? session.lock.release(runID: session.runID)
        }
        do {
            try await runSelected(&session)
            return try finish(&session)
        } catch {
            // A run stopped by an error (a lost lock, a control-database failure) is recorded failed, so
            // neither `omniflow runs` nor the manifest claims it is still running.
            abort(&session, error: error)
            throw error
        }
    }

    // MARK: - Prepare

    /// What is decided before anything is written.
    struct PreparedRun {
        var runID: String
        var isResume: Bool
        var selected: [String]
        var manifest: RunManifest
        /// Staged inputs whose producer is not selected: the run each is copied from.
        var inputSources: [String: String]
    }

    /// Checks the request against the plan and the control database, writing nothing.
    func prepare(_ request: RunRequest) throws -> PreparedRun {
        let control = environment.control
        let clock = environment.clock
        var selected = try plan.select(request.selection)
        let runID: String
        var manifest: RunManifest
        if let resumeID = request.resume {
            guard let record = try control.run(id: resumeID) else { throw StageRunnerError.unknownRun(resumeID) }
            runID = record.id
            manifest = (try? RunManifest.load(from: control.runFolder(for: runID)))
                ?? RunManifest(runID: runID, startedAt: record.startedAt,
                               businessDate: businessDay(record.startedAt), selection: selected)
            if request.selection == .all, !manifest.selection.isEmpty {
                // A stage of the run that this plan does not have (a `pos import` run resumed with
                // `omniflow run`) would be dropped silently and the run end "succeeded" without it.
                let foreign = manifest.selection.filter { plan.stage(named: $0) == nil }
                guard foreign.isEmpty else { throw StageRunnerError.stagesNotInPlan(runID, stages: foreign) }
                selected = manifest.selection
            }
            try checkNotSuperseded(record, selected: selected)
        } else {
            runID = RunRecord.makeID(startedAt: clock.now)
            manifest = RunManifest(runID: runID, startedAt: clock.now, businessDate: businessDay(clock.now),
                                   selection: selected)
        }
        let inputSources = try sourcesOfMissingInputs(selected: selected, runID: runID,
                                                      manifest: request.resume == nil ? nil : manifest)
        return PreparedRun(runID: runID, isResume: request.resume != nil, selected: selected, manifest: manifest,
                           inputSources: inputSources)
    }

    /// A run may be resumed unless something has since committed over what its unfinished stages would
    /// write: another run's stage that started after it and writes one of the same Flow-store tables (a
    /// load, which also moves that stream's watermark), or a watermark moved by hand. Loading the old
    /// run's staged data then would put older prices, stock or orders back. Runs that never got to a stage
    /// (refused, or only touching other tables) do not count, whenever they started; nor do the control
    /// database's queues, whose jobs are not data that can be older.
    func checkNotSuperseded(_ record: RunRecord, selected: [String]) throws {
        let control = environment.control
        var targets: Set<Dataset> = []
        for name in selected where try control.stageRun(runID: record.id, stage: name)?.status != .succeeded {
            for output in plan.stage(named: name)?.outputs ?? []
            where output.kind == .external && output.name.hasPrefix("flow.") {
                targets.insert(output)
            }
        }
        guard !targets.isEmpty else { return }
        for later in try control.stageRunsStarted(since: record.startedAt, excludingRun: record.id) {
            guard let written = plan.stage(named: later.stage)?.outputs.first(where: targets.contains) else { continue }
            throw StageRunnerError.supersededRun(record.id, by: later.runID, stage: later.stage, dataset: written.name)
        }
        if let change = try control.watermarkChanges().first(where: { $0.changedAt >= record.startedAt }) {
            throw StageRunnerError.watermarkMovedSince(record.id, stream: change.stream, by: change.changedBy)
        }
    }

    /// For `--only` / `--from`: each staged input whose producer is not selected comes from the latest run
    /// where that producer succeeded (or, on resume, is already in the run's staging).
    /// - Throws: `StageRunnerError.missingInput` when no run has produced it.
    func sourcesOfMissingInputs(selected: [String], runID: String, manifest: RunManifest?) throws -> [String: String] {
        var sources: [String: String] = [:]
        for name in selected {
            for input in plan.stage(named: name)?.inputs ?? [] where input.kind == .staged {
                guard sources[input.name] == nil,
                      let producer = plan.ordered.first(where: { $0.outputs.contains(input) }),
                      !selected.contains(producer.name) else { continue }
                if let manifest, manifest.inputsFromRuns[input.name] != nil
                    || manifest.entry(named: producer.name)?.status == .succeeded { continue }
                guard let source = try environment.control.lastSucceededStageRun(stage: producer.name),
                      source.runID != runID else {
                    throw StageRunnerError.missingInput(dataset: input.name, producer: producer.name)
                }
                sources[input.name] = source.runID
            }
        }
        return sources
    }

    // MARK: - Start

    /// A run under way: the lock held, the run recorded.
    struct RunSession {
        var runID: String
        var isResume: Bool
        var selected: [String]
        var manifest: RunManifest
        var inputSources: [String: String]
        let lock: RunLock
        let runDirectory: URL
        let log: RunLog
        let staging: RunStaging
        var tookOverFrom: RunLockHolder?
        /// Stage → why it blocks its downstream stages ("upstream stage X failed", a failed check), for
        /// every stage that failed or was skipped.
        var blocked: [String: String] = [:]
        var allSucceeded = true
        /// The manifest's stage entries as last encoded (the manifest is published at every stage's start and end).
        let manifestEncoding = RunManifestEncoding()
    }

    /// Takes the lock, records the run (new or reopened) and marks its manifest running.
    func start(_ prepared: PreparedRun, request: RunRequest) throws -> RunSession {
        let control = environment.control
        let clock = environment.clock
        let runID = prepared.runID
        let lock = RunLock(store: control)
        let acquisition = try lock.acquire(runID: runID, now: clock.now)
        var tookOverFrom: RunLockHolder?
        if case .tookOver(let holder) = acquisition {
            tookOverFrom = holder
            // The holder's process is gone: its run, and the stage it was in, end failed, not "running".
            let reason = "interrupted: its process (pid \(holder.pid) on \(holder.host)) ended without finishing; "
                + "lock taken over by run \(runID)"
            try? RunInterruption.record(runID: holder.runID, reason: reason, control: control, now: clock.now)
        }
        ActiveRun.shared.begin(runID: runID, control: control, lock: lock)
        do {
            if prepared.isResume {
                try control.reopenRun(id: runID)
            } else {
                try control.createRun(id: runID, arguments: request.arguments)
                if let cycle = request.cycle { try control.setRunCycle(runID: runID, cycle: cycle) }
            }
            let runDirectory = control.runFolder(for: runID)
            let log = RunLog(file: runDirectory.appendingPathComponent("run.log"), echo: echo,
                             format: environment.configuration.logFormat)
            var session = RunSession(
                runID: runID, isResume: prepared.isResume, selected: prepared.selected, manifest: prepared.manifest,
                inputSources: prepared.inputSources, lock: lock, runDirectory: runDirectory, log: log,
                staging: try RunStaging(root: control.root, runID: runID, clock: clock), tookOverFrom: tookOverFrom)
            log.info(prepared.isResume ? "run resumed" : "run started",
                     ["run.id": runID, "stages": prepared.selected.joined(separator: ",")])
            if let tookOverFrom { log.warning("stale run lock taken over", ["previous.run": tookOverFrom.runID]) }
            session.manifest.status = .running
            session.manifest.finishedAt = nil
            try session.manifest.write(to: runDirectory, encoding: session.manifestEncoding)
            return session
        } catch {
            ActiveRun.shared.end(runID: runID)
            _ = try? control.finishRun(id: runID, status: .failed)
            _ = try? lock.release(runID: runID)
            throw error
        }
    }

    // MARK: - Scheduling

    /// Runs the selected stages, up to ``maxConcurrentStages`` at a time (see ``StageConcurrency``).
    ///
    /// Stages start in plan order whenever they may: their upstream stages have finished, and either the
    /// stage runs alone (nothing running, nothing before it waiting) or it runs beside independent stages
    /// (every stage running and every stage before it still waiting is of that kind and independent of it,
    /// ``StagePlan/independent(_:_:)``). With one stage at a time this is plan order exactly. Everything that
    /// records (the manifest, the control database, the session) happens here, one stage at a time; only
    /// the stages' `run` overlap.
    func runSelected(_ session: inout RunSession) async throws {
        var waiting = session.selected
        var running: [String] = []
        try await withThrowingTaskGroup(of: FinishedStage.self) { group in
            while true {
                while running.count < max(1, maxConcurrentStages),
                      let index = waiting.indices.first(where: { mayStart(waiting[$0], after: waiting[..<$0], running: running) }) {
                    let name = waiting.remove(at: index)
                    guard let started = try begin(name, in: &session) else { continue }
                    running.append(name)
                    group.addTask { await started.execute() }
                }
                guard let finished = try await group.next() else { return }
                running.removeAll { $0 == finished.started.stage.name }
                try end(finished, in: &session)
            }
        }
    }

    /// Whether stage `name` may start now, with `earlier` (the stages before it in plan order) still
    /// waiting and `running` running.
    func mayStart(_ name: String, after earlier: ArraySlice<String>, running: [String]) -> Bool {
        guard let stage = plan.stage(named: name) else { return true }
        let upstream = plan.upstream[name, default: []]
        if upstream.contains(where: { earlier.contains($0) || running.contains($0) }) { return false }
        if stage.concurrency == .alone { return running.isEmpty && earlier.isEmpty }
        return (running + earlier).allSatisfy { other in
            plan.stage(named: other)?.concurrency == .besideIndependentStages && plan.independent(name, other)
        }
    }

    // MARK: - One stage

    /// A stage recorded running, with what its `run` needs.
    struct StartedStage: Sendable {
        let stage: any Stage
        let context: StageContext
        let startedAt: Date
        let events: OmniumClientEventLog?

        /// Runs the stage and gathers its outcome: quarantine counts, staged outputs' checksums, files'.
        func execute() async -> FinishedStage {
            let name = stage.name
            events?.begin(stage: name, log: context.log)
            do {
                var outcome = try await OmniumClientEventLog.$stage.withValue(name) { try await stage.run(context) }
                outcome.retries = events?.end(stage: name) ?? 0
                // Quarantine is counted where it is recorded, each issue once, not by each stage's arithmetic.
                if !context.quarantineTally.isEmpty {
                    outcome.quarantined = context.quarantineTally.withheldCount
                    outcome.fieldsDropped = context.quarantineTally.droppedCount
                }
                for output in stage.outputs where output.kind == .staged {
                    outcome.checksums[output.name] = try context.staging.summary(output.name)?.checksum ?? ""
                }
                for path in context.fileOutputs.all {
                    // A file declared but not written (its render failed) is no output of the stage.
                    guard let data = try? Data(contentsOf: context.runDirectory.appendingPathComponent(path)) else { continue }
                    outcome.files[path] = SHA256.hexDigest(of: data)
                }
                return FinishedStage(started: self, result: .success(outcome))
            } catch {
                _ = events?.end(stage: name)
                return FinishedStage(started: self, result: .failure(error))
            }
        }
    }

    /// A stage whose `run` has returned or thrown.
    struct FinishedStage: Sendable {
        let started: StartedStage
        let result: Result<StageOutcome, any Error>
    }

    /// Records stage `name` running and returns it to be executed; or records it skipped (blocked
    /// upstream) or reuses it (already complete on resume) and returns nil.
    func begin(_ name: String, in session: inout RunSession) throws -> StartedStage? {
        guard let stage = plan.stage(named: name) else { return nil }
        let control = environment.control
        let clock = environment.clock

        let failedUpstream = plan.upstream[name, default: []].first { upstream in
            session.blocked[upstream] != nil
                || session.manifest.entry(named: upstream)?.status == .failed && session.selected.contains(upstream)
        }
        if let failedUpstream {
            let cause = session.blocked[failedUpstream] ?? "upstream stage \(failedUpstream) failed"
            session.blocked[name] = cause
            session.allSucceeded = false
            try record(stage, status: .skipped, started: nil, outcome: nil, error: "skipped: \(cause)", in: &session)
            return nil
        }
        if session.isResume, let previous = try control.stageRun(runID: session.runID, stage: name),
           previous.status == .succeeded, previous.stageVersion == String(stage.version),
           previous.parameters == StageParameters.canonical(stage.parameters),
           let entry = session.manifest.entry(named: name), try verify(entry, in: session),
           entry.outcome?.checks.allSatisfy({ $0.passed || !$0.isBlocking }) ?? true {
            session.log.info("stage already succeeded; skipped", ["stage": name])
            progress?(StageProgress(stage: name, state: .reused, outcome: entry.outcome))
            return nil
        }
        try copyMissingInputs(of: stage, in: &session)

        let started = clock.now
        try record(stage, status: .running, started: started, outcome: nil, error: nil, in: &session)
        progress?(StageProgress(stage: name, state: .started, outcome: nil))
        session.log.info("stage started", ["stage": name])
        let context = StageContext(runID: session.runID, stageName: name, runDirectory: session.runDirectory,
                                   businessDate: session.manifest.startedAt, staging: session.staging,
                                   environment: environment, log: session.log,
                                   progressHandler: advanceHandler(for: name),
                                   heartbeat: StageHeartbeat(lock: session.lock, runID: session.runID, clock: clock,
                                                             log: session.log))
        return StartedStage(stage: stage, context: context, startedAt: started, events: environment.omniumEvents)
    }

    /// Records how a stage's `run` ended, and what blocks its downstream stages.
    func end(_ finished: FinishedStage, in session: inout RunSession) throws {
        let stage = finished.started.stage, name = stage.name, started = finished.started.startedAt
        switch finished.result {
        case .success(let outcome):
            try record(stage, status: .succeeded, started: started, outcome: outcome, error: nil, in: &session)
            session.log.info("stage succeeded", ["stage": name, "rows.read": "\(outcome.rowsRead)",
                                                 "rows.written": "\(outcome.rowsWritten)",
                                                 "rows.unchanged": "\(outcome.rowsUnchanged)",
                                                 "quarantined": "\(outcome.quarantined)",
                                                 "fields.dropped": "\(outcome.fieldsDropped)",
                                                 "omnium.retries": "\(outcome.retries)"])
            progress?(StageProgress(stage: name, state: .succeeded, outcome: outcome))
            for check in outcome.checks where !check.passed {
                session.log.error("check failed", ["stage": name, "check": check.name, "blocking": "\(check.isBlocking)",
                                                   "failures": "\(check.failures.count)"])
                if check.isBlocking, session.blocked[name] == nil {
                    session.blocked[name] = "check \(check.name) of upstream stage \(name) failed"
                    session.allSucceeded = false
                }
            }
        case .failure(let error):
            let message = String(describing: error)
            session.blocked[name] = "upstream stage \(name) failed"
            session.allSucceeded = false
            try record(stage, status: .failed, started: started, outcome: nil, error: message, in: &session)
            session.log.error("stage failed", ["stage": name, "error": message])
            progress?(StageProgress(stage: name, state: .failed(message), outcome: nil))
        }
        try session.lock.heartbeat(runID: session.runID, now: environment.clock.now)
    }

    /// Copies the staged inputs ``prepare(_:)`` found outside the selection into this run's staging.
    private func copyMissingInputs(of stage: any Stage, in session: inout RunSession) throws {
        for input in stage.inputs where input.kind == .staged {
            guard let sourceRunID = session.inputSources[input.name],
                  try session.staging.summary(input.name) == nil else { continue }
            let sourceStaging = try RunStaging(root: environment.control.root, runID: sourceRunID)
            try session.staging.copyDataset(input.name, from: sourceStaging)
            session.manifest.inputsFromRuns[input.name] = sourceRunID
            session.log.info("input copied from an earlier run", ["dataset": input.name, "from.run": sourceRunID])
        }
    }

    // MARK: - Finish

    /// Records how the run ended.
    func finish(_ session: inout RunSession) throws -> RunResult {
        let status: RunRecord.Status = session.allSucceeded ? .succeeded : .failed
        session.manifest.status = status
        session.manifest.finishedAt = environment.clock.now
        let backlog = try QueueBacklog.current(in: environment.control)
        session.manifest.queueBacklog = backlog
        for queue in backlog {
            session.log.warning("work left in a queue", ["queue": queue.queue, "pending": "\(queue.pending)",
                                                         "dead": "\(queue.dead)"])
        }
        // The loads' pages still in the Flow store's WAL are copied now, at this run's cost, not at the next run's
        // first commit. A failure only leaves them for SQLite to copy later, as before: logged, never fatal.
        do { try environment.flow.checkpointWAL() } catch {
            session.log.warning("the Flow store's WAL was not checkpointed", ["error": String(describing: error)])
        }
        let manifest = session.manifest, encoding = session.manifestEncoding
        try ActiveRun.shared.whileNotInterrupted(session.runID) {
            try manifest.write(to: session.runDirectory, encoding: encoding)
            try environment.control.finishRun(id: session.runID, status: status)
        }
        session.log.info("run finished", ["run.id": session.runID, "status": status.rawValue])
        return RunResult(runID: session.runID, runDirectory: session.runDirectory, succeeded: session.allSucceeded,
                         manifest: session.manifest, tookOverFrom: session.tookOverFrom)
    }

    /// Records a run stopped by an error as failed (resumable), as far as it still can.
    func abort(_ session: inout RunSession, error: any Error) {
        session.manifest.status = .failed
        session.manifest.finishedAt = environment.clock.now
        try? session.manifest.write(to: session.runDirectory, encoding: session.manifestEncoding)
        _ = try? environment.control.finishRun(id: session.runID, status: .failed)
        session.log.error("run aborted", ["run.id": session.runID, "error": String(describing: error)])
    }

    // MARK: - Steps

    /// Turns a stage's "rows so far" into progress events, when someone listens.
    private func advanceHandler(for stage: String) -> (@Sendable (Int) -> Void)? {
        guard let progress else { return nil }
        return { rows in progress(StageProgress(stage: stage, state: .advanced(rows), outcome: nil)) }
    }

    /// Writes the stage's state to the manifest (published atomically), then to the control database.
    ///
    /// Why this order: whoever sees a state in the control database (`omniflow runs`, the run that takes a
    /// killed run's lock over and marks its running stage failed) finds it in the manifest too. A crash
    /// between the two leaves the control database one state behind, which `--resume` reads as "not
    /// succeeded" and redoes: never a stage trusted that did not finish.
    ///
    /// A stage's start (`running`) is published without waiting for the disk (no fsync of the manifest, its
    /// folder or the control database's WAL), its end with. Why: a start lost to a power cut reads as "not
    /// started", which `--resume` treats exactly as "left running": the stage runs again. Those waits bought
    /// nothing, and waits for the disk were a large part of a short run: a 1 % catalogue update at 10,000
    /// products took 0.12–0.14 s, and 0.08–0.12 s with every fsync left out (issue 8). A killed process loses
    /// neither record: both are in the page cache, in this order.
    private func record(_ stage: any Stage, status: StageRunRecord.Status, started: Date?, outcome: StageOutcome?,
                        error: String?, in session: inout RunSession) throws {
        let now = environment.clock.now
        let finished = (status == .running) ? nil : now
        let duration = started.flatMap { start in finished.map { $0.timeIntervalSince(start) } }
        session.manifest.upsert(RunManifest.Entry(
            name: stage.name, version: stage.version, status: status, startedAt: started,
            finishedAt: finished, durationMilliseconds: duration.map { Int(($0 * 1000).rounded()) },
            outcome: outcome, outputs: stage.outputs.map(\.description), error: error,
            parameters: stage.parameters.isEmpty ? nil : stage.parameters))
        let manifest = session.manifest, runDirectory = session.runDirectory, encoding = session.manifestEncoding
        let durable = status != .running
        try ActiveRun.shared.whileNotInterrupted(session.runID) {
            try manifest.write(to: runDirectory, durable: durable, encoding: encoding)
            try environment.control.upsertStageRun(StageRunRecord(
                runID: session.runID, stage: stage.name, stageVersion: String(stage.version), status: status,
                startedAt: started, finishedAt: finished, duration: duration,
                rowsRead: outcome?.rowsRead ?? 0, rowsWritten: outcome?.rowsWritten ?? 0,
                rowsUnchanged: outcome?.rowsUnchanged ?? 0, quarantined: outcome?.quarantined ?? 0,
                fieldsDropped: outcome?.fieldsDropped ?? 0, parameters: StageParameters.canonical(stage.parameters),
                checksum: outcome.map { Self.combinedChecksum($0.checksums.merging(
                    $0.files.map { ("file:" + $0.key, $0.value) }, uniquingKeysWith: { a, _ in a })) },
                error: error), durable: durable)
        }
    }

    /// A succeeded stage is trusted on resume only if its staged outputs and its files in the run folder
    /// still have their checksums.
    private func verify(_ entry: RunManifest.Entry, in session: RunSession) throws -> Bool {
        guard let outcome = entry.outcome else { return false }
        for (dataset, checksum) in outcome.checksums {
            guard try session.staging.summary(dataset)?.checksum == checksum else { return false }
        }
        for (path, checksum) in outcome.files {
            guard let data = try? Data(contentsOf: session.runDirectory.appendingPathComponent(path)),
                  SHA256.hexDigest(of: data) == checksum else { return false }
        }
        return true
    }

    static func combinedChecksum(_ checksums: [String: String]) -> String {
        checksums.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    /// The run's business day (`yyyy-MM-dd`) in the configured business time zone.
    func businessDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = environment.configuration.businessTimeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}

/// A stage's progress, for the terminal display.
public struct StageProgress: Sendable {
    public enum State: Sendable, Equatable {
        case started
        /// Rows handled so far by a long stage.
        case advanced(Int)
        case succeeded, reused
        case failed(String)
    }
    public var stage: String
    public var state: State
    public var outcome: StageOutcome?
}

/// A run the runner cannot start or resume; thrown before anything is recorded.
public enum StageRunnerError: Error, Equatable, CustomStringConvertible {
    case unknownRun(String)
    case missingInput(dataset: String, producer: String)
    /// `--resume` of a run over whose unfinished stages a later run's stage has since written.
    case supersededRun(String, by: String, stage: String, dataset: String)
    /// `--resume` of a run after a watermark was moved by hand (`omniflow watermarks set`).
    case watermarkMovedSince(String, stream: String, by: String)
    /// `--resume` of a run with stages this command does not run (a `pos import` run).
    case stagesNotInPlan(String, stages: [String])
    /// The run was recorded interrupted by a signal while it went on; the process is exiting.
    case interrupted(String)

    public var description: String {
        switch self {
        case .unknownRun(let id): return "no run with id '\(id)' (see `omniflow runs`)"
        case .missingInput(let dataset, let producer):
            return "input '\(dataset)' is missing: no run has completed stage '\(producer)' yet; run it first"
        case .supersededRun(let id, let later, let stage, let dataset):
            return "run '\(id)' cannot be resumed: stage '\(stage)' of run '\(later)' has written \(dataset) since, "
                + "so this run's staged data is older than the Flow store's; start a new run instead (it reads "
                + "from where the last load committed)"
        case .watermarkMovedSince(let id, let stream, let who):
            return "run '\(id)' cannot be resumed: the watermark of \(stream) was moved by hand (\(who)) since it "
                + "started; start a new run instead (it reads from the moved mark)"
        case .stagesNotInPlan(let id, let stages):
            return "run '\(id)' cannot be resumed by this command: its stage(s) \(stages.joined(separator: ", ")) are not "
                + "among the stages it runs; run the command that started it again (`omniflow pos import` skips "
                + "what it already stored)"
        case .interrupted(let id):
            return "run '\(id)' was interrupted by a signal and recorded failed; resume it with omniflow run --resume \(id)"
        }
    }
}
