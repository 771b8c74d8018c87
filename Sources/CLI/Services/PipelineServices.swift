import FlowStore
import Foundation
import OmniumSandbox
import Pipeline
import Staging

// MARK: - PipelineServices

/// The production `OmniflowServices`: runs the real stages against the configured Omnium and Flow store.
public struct PipelineServices: OmniflowServices {
    public init() {}

    public func run(configuration: OmniflowConfiguration, selection: RunSelectionRequest,
                    progress: ProgressReporter) async throws -> RunReport {
        let arguments = CommandLine.arguments.dropFirst().joined(separator: " ")
        guard let cycle = selection.cycle else {
            return try await execute(configuration: configuration, request: RunRequest(
                resume: selection.resumeRunID,
                selection: StageSelection(only: selection.onlyStages.isEmpty ? nil : selection.onlyStages,
                                          from: selection.fromStage),
                arguments: arguments), progress: progress)
        }
        let stages: [String]
        do {
            stages = try cycle.selectStages(patterns: configuration.stagePatterns(of: cycle), among: stageNames())
        } catch let error as RunCycleError {
            throw ServiceError.invalidRequest(error.description)
        }
        var configuration = configuration
        if cycle.forcesFullReconciliation { configuration.fullReconciliationHours = 0 }
        return try await execute(configuration: configuration, request: RunRequest(
            selection: StageSelection(only: stages), arguments: arguments, cycle: cycle.rawValue), progress: progress)
    }

    public func runStage(name: String, configuration: OmniflowConfiguration,
                         progress: ProgressReporter) async throws -> RunReport {
        try await execute(configuration: configuration,
                          request: RunRequest(selection: StageSelection(only: [name]), arguments: "stage \(name)"),
                          progress: progress)
    }

    public func listRuns(configuration: OmniflowConfiguration) throws -> [RunListing] {
        let control = try openControl(configuration)
        return try control.runs().map { run in
            let stages = try control.stageRuns(runID: run.id)
            return RunListing(runID: run.id, status: RunStatus(run.status), startedAt: run.startedAt,
                              finishedAt: run.finishedAt, stageCount: stages.count,
                              failedStage: stages.first { $0.status == .failed }?.stage)
        }
    }

    public func showRun(id: String, configuration: OmniflowConfiguration) throws -> RunDetail {
        let control = try openControl(configuration)
        guard let run = try control.run(id: id) else { throw ServiceError.unknownRun(id) }
        let stages = try control.stageRuns(runID: id)
        let order = Dictionary(OmniflowStages.all().enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let reports = stages.sorted { (order[$0.stage] ?? .max, $0.stage) < (order[$1.stage] ?? .max, $1.stage) }
            .map(StageReport.init)
        let duration = (run.finishedAt ?? control.clock.now).timeIntervalSince(run.startedAt)
        let manifest = try? RunManifest.load(from: control.runFolder(for: id))
        let manifestStages = manifest?.stages ?? []
        return RunDetail(
            run: RunReport(runID: run.id, status: RunStatus(run.status), startedAt: run.startedAt, duration: duration,
                           stages: reports, runFolder: control.runFolder(for: run.id).path,
                           leftInQueues: manifest?.queueBacklog ?? []),
            stageErrors: stages.compactMap { stage in
                stage.status == .failed ? StageFailure(stage: stage.stage, message: stage.error ?? "failed",
                                                       occurredAt: stage.finishedAt) : nil
            },
            quarantine: QuarantineListing.list(try control.openQuarantine(runID: id)),
            // The manifest holds the stages' notes and checks; a run folder that was pruned has none to show.
            notes: manifestStages.compactMap { entry in
                var notes = entry.outcome?.notes ?? []
                if let retries = entry.outcome?.retries, retries > 0 {
                    notes.append("Omnium requests retried: \(retries) (each with its cause and delay in run.log)")
                }
                return notes.isEmpty ? nil : StageNotes(stage: entry.name, notes: notes)
            },
            checks: manifestStages.compactMap { entry in
                guard let checks = entry.outcome?.checks, !checks.isEmpty else { return nil }
                return StageChecks(stage: entry.name, checks: checks)
            },
            parameters: manifestStages.compactMap { entry in
                guard let parameters = entry.parameters, !parameters.isEmpty else { return nil }
                return StageNotes(stage: entry.name, notes: parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
            })
    }

    public func listQuarantine(configuration: OmniflowConfiguration) throws -> [QuarantineListing] {
        QuarantineListing.list(try openControl(configuration).openQuarantine())
    }

    public func showQuarantine(id: Int64, configuration: OmniflowConfiguration) throws -> QuarantineDetail {
        guard let record = try openControl(configuration).quarantineIssue(id: id) else {
            throw ServiceError.invalidRequest("no quarantine issue with id \(id) (see `omniflow quarantine list`)")
        }
        return QuarantineDetail(issue: QuarantineListing(record), firstSeen: record.firstSeen,
                                attempts: record.attempts, resolvedAt: record.resolvedAt,
                                sourcePayload: record.sourcePayload)
    }

    public func stageNames() -> [String] {
        (try? StagePlan(stages: OmniflowStages.all()).stageNames) ?? OmniflowStages.all().map(\.name)
    }

    public func stageDescriptions() -> [StageDescription] {
        let stages = (try? StagePlan(stages: OmniflowStages.all()).ordered) ?? OmniflowStages.all()
        return stages.map { stage in
            StageDescription(name: stage.name, inputs: stage.inputs.map(\.description),
                             outputs: stage.outputs.map(\.description))
        }
    }

    public func demo(options: DemoOptions, progress: ProgressReporter) async throws -> DemoReport {
        try await DemoService(options: options, progress: progress).run()
    }

    public func serveSandbox(options: SandboxServeOptions) async throws {
        try await SandboxService(options: options).serve()
    }

    public func dumpSandbox(target: SandboxTarget) async throws -> SandboxDump {
        try await SandboxAdminService(target: target).dump()
    }

    public func mutateSandbox(target: SandboxTarget, fraction: Double) async throws -> SandboxMutationReport {
        try await SandboxAdminService(target: target).mutate(fraction: fraction)
    }

    // MARK: - Running

    func execute(configuration: OmniflowConfiguration, request: RunRequest, progress: ProgressReporter,
                 stages: [any Stage] = OmniflowStages.all(), localOnly: Bool = false) async throws -> RunReport {
        let environment = localOnly ? try PipelineEnvironment.openLocal(configuration: configuration)
            : try PipelineEnvironment.open(configuration: configuration)
        var runner = try StageRunner(stages: stages, environment: environment)
        runner.progress = { event in
            switch event.state {
            case .started: progress.report(.stageStarted(event.stage))
            case .advanced(let rows): progress.report(.stageAdvanced(event.stage, completed: rows, total: nil))
            case .succeeded, .reused:
                progress.report(.stageFinished(event.stage, status: .succeeded, rows: event.outcome?.rowsWritten ?? 0))
            case .failed: progress.report(.stageFinished(event.stage, status: .failed, rows: 0))
            }
        }
        let result: RunResult
        do {
            result = try await runner.run(request)
        } catch let error as RunLockError {
            if case .held(let holder) = error {
                throw ServiceError.lockHeld("run \(holder.runID) (pid \(holder.pid) on \(holder.host), "
                                            + "since \(holder.acquiredAt.formatted(.iso8601)))")
            }
            throw error
        } catch let error as StagePlanError {
            throw ServiceError.invalidRequest(error.description)
        } catch let error as StageRunnerError {
            throw ServiceError.invalidRequest(error.description)
        }
        if let previous = result.tookOverFrom {
            progress.report(.note("note: took over the run lock from run \(previous.runID), whose process is gone"))
        }
        do {
            // The metrics file is for monitoring; failing to write it never fails the run.
            let cycle = try environment.control.runCycle(runID: result.runID).flatMap(RunCycle.init(rawValue:))
            try OperationsService(configuration: configuration)
                .writeMetrics(control: environment.control, manifest: result.manifest, cycle: cycle,
                              omniumTraffic: environment.omniumTraffic?.snapshot)
        } catch {
            progress.report(.note("note: metrics file \(configuration.metricsFileURL.path) not written: \(error)"))
        }
        // Retention after every run; like the metrics, a failure to prune never fails the run.
        let log = RunLog(file: result.runDirectory.appendingPathComponent("run.log"), format: configuration.logFormat)
        do {
            let pruned = try RunRetention(keep: configuration.keepRuns, runner: runner).apply().filter { !$0.isKept }
            if !pruned.isEmpty {
                log.info("old run folders removed", ["runs": "\(pruned.count)", "bytes": "\(pruned.reduce(0) { $0 + $1.bytes })",
                                                     "keep": "\(configuration.keepRuns)"])
            }
        } catch {
            log.warning("old run folders not removed", ["error": "\(error)"])
        }
        return RunReport(result)
    }

    /// The control database for the read and operator commands (`runs`, `quarantine`, `queues`): one that
    /// does not exist is refused (exit 2, naming the path) rather than created empty, which would hide a
    /// wrong `--config` or `OMNIFLOW_STAGING_ROOT` behind "no runs recorded yet".
    func openControl(_ configuration: OmniflowConfiguration) throws -> ControlStore {
        try OperationsService(configuration: configuration).openExistingControl()
    }
}

// MARK: - Conversions

extension RunStatus {
    init(_ status: RunRecord.Status) {
        switch status {
        case .running: self = .running
        case .succeeded: self = .succeeded
        case .failed: self = .failed
        }
    }
}

extension StageReport {
    init(_ record: StageRunRecord) {
        self.init(name: record.stage, status: StageStatus(rawValue: record.status.rawValue) ?? .pending,
                  rowsRead: record.rowsRead, rowsWritten: record.rowsWritten, rowsQuarantined: record.quarantined,
                  fieldsDropped: record.fieldsDropped,
                  duration: record.duration ?? 0, message: record.error)
    }
}

extension RunReport {
    init(_ result: RunResult) {
        let manifest = result.manifest
        self.init(
            runID: result.runID, status: result.succeeded ? .succeeded : .failed, startedAt: manifest.startedAt,
            duration: (manifest.finishedAt ?? Date()).timeIntervalSince(manifest.startedAt),
            stages: manifest.stages.map { entry in
                StageReport(name: entry.name, status: StageStatus(rawValue: entry.status.rawValue) ?? .pending,
                            rowsRead: entry.outcome?.rowsRead ?? 0, rowsWritten: entry.outcome?.rowsWritten ?? 0,
                            rowsQuarantined: entry.outcome?.quarantined ?? 0,
                            fieldsDropped: entry.outcome?.fieldsDropped ?? 0,
                            duration: Double(entry.durationMilliseconds ?? 0) / 1000, message: entry.error,
                            failedChecks: (entry.outcome?.checks ?? []).filter { !$0.passed }.map(\.verdict))
            },
            runFolder: result.runDirectory.path, leftInQueues: manifest.queueBacklog ?? [])
    }
}

extension QuarantineListing {
    /// By the issue's stable id; the record key is prefixed with its entity (`product SKU-1`).
    init(_ record: QuarantineRecord) {
        self.init(id: record.id, kind: record.kind == .withheld ? .withheld : .fieldDropped, runID: record.runID,
                  stage: record.stage, recordKey: "\(record.entity) \(record.recordKey)",
                  field: record.kind == .withheld ? nil : record.field, reason: record.reason,
                  quarantinedAt: record.lastSeen)
    }

    static func list(_ records: [QuarantineRecord]) -> [QuarantineListing] { records.map(QuarantineListing.init) }
}
