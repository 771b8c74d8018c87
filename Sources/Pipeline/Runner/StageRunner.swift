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
/// - `--resume <id>` reopens a run and skips its succeeded stages whose staged outputs still have the
///   recorded checksums (Luigi's "complete = outputs exist");
/// - `--from` / `--only` narrow the selection; a selected stage whose staged input was produced by a stage
///   outside the selection gets that dataset copied from the latest run that produced it;
/// - a failed stage stops its downstream stages (recorded as skipped), independent stages go on, and the
///   run ends failed;
/// - one run at a time: the run lock is held for the whole run and heart-beaten between stages.
public struct StageRunner: Sendable {
    public let plan: StagePlan
    public let environment: PipelineEnvironment
    public var echo: (@Sendable (String) -> Void)?
    public var progress: (@Sendable (StageProgress) -> Void)?

    public init(stages: [any Stage], environment: PipelineEnvironment) throws {
        self.plan = try StagePlan(stages: stages)
        self.environment = environment
    }

    /// Runs the request.
    /// - Throws: `StagePlanError` for an unknown stage (before anything starts), `RunLockError.held` when
    ///   another run is active, `StageRunnerError` for a run that cannot be resumed; stage failures do not
    ///   throw, they end the run as failed.
    public func run(_ request: RunRequest) async throws -> RunResult {
        let control = environment.control
        let clock = environment.clock
        var selected = try plan.select(request.selection)

        // Identify the run before taking the lock, so the lock names it.
        let runID: String
        var manifest: RunManifest
        if let resumeID = request.resume {
            guard let record = try control.run(id: resumeID) else { throw StageRunnerError.unknownRun(resumeID) }
            runID = record.id
            // A later run has read Omnium and loaded Flow since: this run's staged data is older than what
            // Flow now has, and loading it would put yesterday's prices and stock back.
            if let latest = try control.runs(limit: 1).first, latest.id != runID, latest.startedAt > record.startedAt {
                throw StageRunnerError.supersededRun(runID, by: latest.id)
            }
            manifest = (try? RunManifest.load(from: control.runFolder(for: runID)))
                ?? RunManifest(runID: runID, startedAt: record.startedAt,
                               businessDate: Self.day(record.startedAt), selection: selected)
            if request.selection == .all, !manifest.selection.isEmpty {
                selected = manifest.selection.filter { plan.stage(named: $0) != nil }
            }
        } else {
            runID = RunRecord.makeID(startedAt: clock.now)
            manifest = RunManifest(runID: runID, startedAt: clock.now, businessDate: Self.day(clock.now),
                                   selection: selected)
        }

        let lock = RunLock(store: control)
        let acquisition = try lock.acquire(runID: runID, now: clock.now)
        defer { _ = try? lock.release(runID: runID) }
        var tookOverFrom: RunLockHolder?
        if case .tookOver(let holder) = acquisition {
            tookOverFrom = holder
            if holder.runID != runID { _ = try? control.finishRun(id: holder.runID, status: .failed) }
        }

        if request.resume == nil {
            try control.createRun(id: runID, arguments: request.arguments)
            if let cycle = request.cycle { try control.setRunCycle(runID: runID, cycle: cycle) }
        } else {
            try control.reopenRun(id: runID)
        }
        let runDirectory = control.runFolder(for: runID)
        let log = RunLog(file: runDirectory.appendingPathComponent("run.log"), echo: echo,
                         format: environment.configuration.logFormat)
        let staging = try RunStaging(root: control.root, runID: runID, clock: clock)
        log.info(request.resume == nil ? "run started" : "run resumed",
                 ["run.id": runID, "stages": selected.joined(separator: ",")])
        if let tookOverFrom { log.warning("stale run lock taken over", ["previous.run": tookOverFrom.runID]) }
        manifest.status = "running"
        manifest.finishedAt = nil
        try manifest.write(to: runDirectory)
        // A run stopped by an error (a missing input, a lost lock, a control-database failure) is recorded
        // failed, so neither `omniflow runs` nor the manifest claims it is still running.
        var finished = false
        defer {
            if !finished {
                manifest.status = "failed"
                manifest.finishedAt = clock.now
                try? manifest.write(to: runDirectory)
                _ = try? control.finishRun(id: runID, status: .failed)
                log.error("run aborted", ["run.id": runID])
            }
        }

        let businessDate = manifest.startedAt
        var blocked: [String: String] = [:]  // stage -> the failed stage that blocks it
        var allSucceeded = true
        for name in selected {
            guard let stage = plan.stage(named: name) else { continue }
            let previous = try control.stageRun(runID: runID, stage: name)

            if let failedUpstream = plan.upstream[name, default: []].first(where: { blocked[$0] != nil || manifest.entry(named: $0)?.status == "failed" && selected.contains($0) }) {
                let reason = "skipped: upstream stage \(blocked[failedUpstream] ?? failedUpstream) failed"
                blocked[name] = blocked[failedUpstream] ?? failedUpstream
                try record(stage, status: .skipped, started: nil, outcome: nil, error: reason,
                           runID: runID, manifest: &manifest, runDirectory: runDirectory)
                allSucceeded = false
                continue
            }
            if request.resume != nil, let previous, previous.status == .succeeded,
               previous.stageVersion == String(stage.version),
               let entry = manifest.entry(named: name), try verify(entry, staging: staging) {
                log.info("stage already succeeded; skipped", ["stage": name])
                progress?(StageProgress(stage: name, state: .reused, outcome: entry.outcome))
                continue
            }
            try importMissingInputs(of: stage, selected: selected, runID: runID, staging: staging,
                                    manifest: &manifest, log: log)

            let started = clock.now
            try record(stage, status: .running, started: started, outcome: nil, error: nil,
                       runID: runID, manifest: &manifest, runDirectory: runDirectory)
            progress?(StageProgress(stage: name, state: .started, outcome: nil))
            log.info("stage started", ["stage": name])
            let context = StageContext(runID: runID, stageName: name, runDirectory: runDirectory,
                                       businessDate: businessDate, staging: staging, environment: environment,
                                       log: log, progressHandler: advanceHandler(for: name),
                                       heartbeat: StageHeartbeat(lock: lock, runID: runID, clock: clock, log: log))
            do {
                var outcome = try await stage.run(context)
                // Quarantine is counted where it is recorded, each issue once, not by each stage's arithmetic.
                if !context.quarantineTally.isEmpty {
                    outcome.quarantined = context.quarantineTally.withheldCount
                    outcome.fieldsDropped = context.quarantineTally.droppedCount
                }
                for output in stage.outputs where output.kind == .staged {
                    outcome.checksums[output.name] = try staging.summary(output.name)?.checksum ?? ""
                }
                try record(stage, status: .succeeded, started: started, outcome: outcome, error: nil,
                           runID: runID, manifest: &manifest, runDirectory: runDirectory)
                log.info("stage succeeded", ["stage": name, "rows.read": "\(outcome.rowsRead)",
                                             "rows.written": "\(outcome.rowsWritten)",
                                             "rows.unchanged": "\(outcome.rowsUnchanged)",
                                             "quarantined": "\(outcome.quarantined)",
                                             "fields.dropped": "\(outcome.fieldsDropped)"])
                progress?(StageProgress(stage: name, state: .succeeded, outcome: outcome))
            } catch {
                let message = String(describing: error)
                blocked[name] = name
                allSucceeded = false
                try record(stage, status: .failed, started: started, outcome: nil, error: message,
                           runID: runID, manifest: &manifest, runDirectory: runDirectory)
                log.error("stage failed", ["stage": name, "error": message])
                progress?(StageProgress(stage: name, state: .failed(message), outcome: nil))
            }
            try lock.heartbeat(runID: runID, now: clock.now)
        }

        manifest.status = allSucceeded ? "succeeded" : "failed"
        manifest.finishedAt = clock.now
        try manifest.write(to: runDirectory)
        try control.finishRun(id: runID, status: allSucceeded ? .succeeded : .failed)
        finished = true
        log.info("run finished", ["run.id": runID, "status": manifest.status])
        return RunResult(runID: runID, runDirectory: runDirectory, succeeded: allSucceeded, manifest: manifest,
                         tookOverFrom: tookOverFrom)
    }

    // MARK: - Steps

    /// Turns a stage's "rows so far" into progress events, when someone listens.
    private func advanceHandler(for stage: String) -> (@Sendable (Int) -> Void)? {
        guard let progress else { return nil }
        return { rows in progress(StageProgress(stage: stage, state: .advanced(rows), outcome: nil)) }
    }

    /// Writes the stage's state to the control database and the manifest (published atomically).
    private func record(_ stage: any Stage, status: StageRunRecord.Status, started: Date?, outcome: StageOutcome?,
                        error: String?, runID: String, manifest: inout RunManifest, runDirectory: URL) throws {
        let now = environment.clock.now
        let finished = (status == .running) ? nil : now
        let duration = started.flatMap { start in finished.map { $0.timeIntervalSince(start) } }
        try environment.control.upsertStageRun(StageRunRecord(
            runID: runID, stage: stage.name, stageVersion: String(stage.version), status: status,
            startedAt: started, finishedAt: finished, duration: duration,
            rowsRead: outcome?.rowsRead ?? 0, rowsWritten: outcome?.rowsWritten ?? 0,
            rowsUnchanged: outcome?.rowsUnchanged ?? 0, quarantined: outcome?.quarantined ?? 0,
            fieldsDropped: outcome?.fieldsDropped ?? 0,
            checksum: outcome.map { Self.combinedChecksum($0.checksums) }, error: error))
        manifest.upsert(RunManifest.Entry(
            name: stage.name, version: stage.version, status: status.rawValue, startedAt: started,
            finishedAt: finished, durationMilliseconds: duration.map { Int(($0 * 1000).rounded()) },
            outcome: outcome, outputs: stage.outputs.map(\.description), error: error))
        try manifest.write(to: runDirectory)
    }

    /// A succeeded stage is trusted on resume only if its staged outputs still have their checksums.
    private func verify(_ entry: RunManifest.Entry, staging: RunStaging) throws -> Bool {
        guard let outcome = entry.outcome else { return false }
        for (dataset, checksum) in outcome.checksums {
            guard try staging.summary(dataset)?.checksum == checksum else { return false }
        }
        return true
    }

    /// For `--only` / `--from` on a new run: staged inputs whose producer is not selected (and not already
    /// done in this run) are copied from the latest run where that producer succeeded.
    private func importMissingInputs(of stage: any Stage, selected: [String], runID: String, staging: RunStaging,
                                     manifest: inout RunManifest, log: RunLog) throws {
        for input in stage.inputs where input.kind == .staged {
            guard try staging.summary(input.name) == nil else { continue }
            guard let producer = plan.ordered.first(where: { $0.outputs.contains(input) }),
                  !selected.contains(producer.name) else { continue }
            guard let source = try environment.control.lastSucceededStageRun(stage: producer.name),
                  source.runID != runID else {
                throw StageRunnerError.missingInput(dataset: input.name, producer: producer.name)
            }
            let sourceStaging = try RunStaging(root: environment.control.root, runID: source.runID)
            try staging.copyDataset(input.name, from: sourceStaging)
            manifest.inputsFromRuns[input.name] = source.runID
            log.info("input copied from an earlier run", ["dataset": input.name, "from.run": source.runID])
        }
    }

    static func combinedChecksum(_ checksums: [String: String]) -> String {
        checksums.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Oslo") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
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

/// A run the runner cannot start or resume.
public enum StageRunnerError: Error, Equatable, CustomStringConvertible {
    case unknownRun(String)
    case missingInput(dataset: String, producer: String)
    /// `--resume` of a run that a later run has followed.
    case supersededRun(String, by: String)

    public var description: String {
        switch self {
        case .unknownRun(let id): return "no run with id '\(id)' (see `omniflow runs`)"
        case .missingInput(let dataset, let producer):
            return "input '\(dataset)' is missing: no run has completed stage '\(producer)' yet; run it first"
        case .supersededRun(let id, let later):
            return "run '\(id)' cannot be resumed: run '\(later)' started after it and has newer data; "
                + "start a new run instead (it reads from where the last load committed)"
        }
    }
}
