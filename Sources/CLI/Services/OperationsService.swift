import FlowStore
import Foundation
import Omnium
import Pipeline
import SQLite
import Staging

// MARK: - OperationsService

/// What `omniflow status`, `watermarks`, `backup` and the metrics file need: reads of the control
/// database (and, for `watermarks set`, one write under the run lock), no stage runs, no Omnium.
///
/// Why outside `OmniflowServices`: these commands have no pipeline to fake; they are tested against
/// real control databases in temporary folders, the states monitoring must tell apart.
struct OperationsService {
    var configuration: OmniflowConfiguration

    var stagingRoot: URL { URL(fileURLWithPath: configuration.stagingRoot) }
    var controlDatabaseURL: URL { stagingRoot.appendingPathComponent(ControlStore.fileName) }

    /// Opens the control database; refuses one that does not exist (a read must not create it).
    func openExistingControl() throws -> ControlStore {
        guard FileManager.default.fileExists(atPath: controlDatabaseURL.path) else {
            throw ServiceError.invalidRequest("no control database at \(controlDatabaseURL.path): omniflow has not run "
                                              + "with this OMNIFLOW_STAGING_ROOT (check --config)")
        }
        return try ControlStore(root: stagingRoot)
    }

    // MARK: - Run retention

    /// `omniflow runs prune`: the retention decisions, applied under the run lock unless `dryRun`.
    func pruneRuns(keep: Int, dryRun: Bool) throws -> [RunRetention.Decision] {
        let control = try openExistingControl()
        let environment = try PipelineEnvironment.openLocal(configuration: configuration)
        let retention = RunRetention(keep: keep, runner: try StageRunner(stages: OmniflowStages.all(), environment: environment))
        if dryRun { return try retention.plan() }
        return try PipelineServices.holdingRunLock(control, holder: "runs-prune-\(getpid())") { try retention.apply() }
    }

    // MARK: - Status

    /// The judged snapshot; a missing control database is one CRITICAL check.
    func status() throws -> StatusEvaluation {
        guard FileManager.default.fileExists(atPath: controlDatabaseURL.path) else {
            return StatusEvaluation(state: .critical, checks: [
                .init(name: "control database", state: .critical,
                      detail: "none at \(controlDatabaseURL.path): omniflow has never run here (check OMNIFLOW_STAGING_ROOT)",
                      value: nil),
            ])
        }
        let snapshot = try HealthSnapshot.read(from: try openExistingControl(), knownQueues: PipelineServices.knownQueues)
        return StatusEvaluation(snapshot: snapshot, thresholds: .init(configuration))
    }

    /// Writes the Prometheus file after a run (errors are the caller's to report, never the run's).
    func writeMetrics(control: ControlStore, manifest: RunManifest?, cycle: RunCycle?,
                      omniumTraffic: OmniumTrafficTally.Counts? = nil) throws {
        let snapshot = try HealthSnapshot.read(from: control, knownQueues: PipelineServices.knownQueues)
        try PrometheusMetrics(snapshot: snapshot, lastRun: manifest, cycle: cycle, omniumTraffic: omniumTraffic)
            .write(to: configuration.metricsFileURL)
    }

    // MARK: - Watermarks

    /// Every stream's mark, with the last full read of the streams that have one.
    func watermarks() throws -> [WatermarkListing] {
        let control = try openExistingControl()
        let marks = try control.watermarks()
        let byStream = Dictionary(uniqueKeysWithValues: marks.map { ($0.stream, $0) })
        return marks.filter { !$0.stream.hasSuffix(".full") }.map { mark in
            let base = mark.stream.hasSuffix(".modified") ? String(mark.stream.dropLast(".modified".count)) : mark.stream
            let full = byStream[base + ".full"]
            return WatermarkListing(stream: mark.stream, mark: mark.value, advancedAt: mark.updatedAt,
                                    lastFullRead: full?.value)
        }
    }

    /// Moves `stream`'s mark back to `time` under the run lock and records who did it; with `dryRun`
    /// only says what the next run would read.
    /// - Throws: `ServiceError.invalidRequest` for an unknown stream, a time that is not earlier than
    ///   the mark (moving forward would skip changes), or a `.full` stream; `.lockHeld` while a run works.
    func moveWatermark(stream: String, to time: Date, dryRun: Bool, by who: String) throws -> WatermarkMove {
        let control = try openExistingControl()
        let marks = try control.watermarks()
        let streams = marks.map(\.stream).filter { !$0.hasSuffix(".full") }
        guard let current = marks.first(where: { $0.stream == stream }), !stream.hasSuffix(".full") else {
            let hint = ClosestMatchHint.text(for: stream, among: streams)
            throw ServiceError.invalidRequest("no watermark stream '\(stream)'\(hint); streams: \(streams.joined(separator: ", "))")
        }
        let value = OmniumDateFormat.string(from: time)
        if let mark = OmniumDateFormat.date(from: current.value), time >= mark {
            throw ServiceError.invalidRequest("\(value) is not earlier than the current mark \(current.value); moving a mark "
                                              + "forward would skip changes, so only rewinds are allowed")
        }
        let move = WatermarkMove(stream: stream, from: current.value, to: value, dryRun: dryRun,
                                 nextRead: "the next run reads \(stream) changed since \(value)")
        guard !dryRun else { return move }
        try PipelineServices.holdingRunLock(control, holder: "watermarks-set-\(getpid())") {
            try control.moveWatermark(stream, to: value, by: who)
        }
        return move
    }

    // MARK: - Backup

    /// Copies the Flow store and the control database into `folder` (created 0700), each with
    /// SQLite's online backup (consistent while a run writes), then checks each copy's integrity.
    func backup(to folder: URL) throws -> BackupReport {
        let flowPath = configuration.flowStorePath
        guard FileManager.default.fileExists(atPath: flowPath) || FileManager.default.fileExists(atPath: controlDatabaseURL.path) else {
            throw ServiceError.invalidRequest("nothing to back up: neither \(flowPath) nor \(controlDatabaseURL.path) exists")
        }
        for name in ["flow.db", ControlStore.fileName] where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            throw ServiceError.invalidRequest("\(folder.appendingPathComponent(name).path) already exists; a backup never "
                                              + "overwrites one: choose a new folder")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var files: [BackupReport.File] = []
        for (source, name) in [(flowPath, "flow.db"), (controlDatabaseURL.path, ControlStore.fileName)]
        where FileManager.default.fileExists(atPath: source) {
            let target = folder.appendingPathComponent(name)
            let database = try Database(path: source, configuration: .init(readOnly: true))
            try database.backup(to: target.path)
            chmod(target.path, 0o600)
            let copy = try Database(path: target.path, configuration: .init(journalModeWAL: false, readOnly: true))
            let integrity = try copy.fetchValue(sql: "PRAGMA integrity_check", as: String.self) ?? "no answer"
            guard integrity == "ok" else {
                throw ServiceError.invalidRequest("the copy \(target.path) failed its integrity check: \(integrity)")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
            files.append(.init(source: source, path: target.path, bytes: size))
        }
        return BackupReport(folder: folder.path, files: files)
    }
}

// MARK: - Results

/// One row of `omniflow watermarks`.
struct WatermarkListing: Codable, Sendable, Equatable {
    var stream: String
    var mark: String
    var advancedAt: Date
    var lastFullRead: String?
}

/// What `omniflow watermarks set` did (or, with `--dry-run`, would do).
struct WatermarkMove: Codable, Sendable, Equatable {
    var stream: String
    var from: String
    var to: String
    var dryRun: Bool
    var nextRead: String
}

/// What `omniflow backup` wrote.
struct BackupReport: Codable, Sendable, Equatable {
    struct File: Codable, Sendable, Equatable {
        var source: String
        var path: String
        var bytes: Int
    }

    var folder: String
    var files: [File]
}

// MARK: - Run lock

extension PipelineServices {
    /// Runs `body` while holding the run lock, so an operator's change never races a run. A lock left
    /// by a crashed run is taken over and that run recorded failed (as `run` does).
    /// - Throws: `ServiceError.lockHeld` when a live run holds it.
    static func holdingRunLock<T>(_ control: ControlStore, holder: String, _ body: () throws -> T) throws -> T {
        let lock = control.runLock()
        do {
            if case .tookOver(let crashed) = try lock.acquire(runID: holder), try control.run(id: crashed.runID) != nil {
                try control.finishRun(id: crashed.runID, status: .failed)
            }
        } catch RunLockError.held(let current) {
            throw ServiceError.lockHeld("run \(current.runID) (pid \(current.pid) on \(current.host), "
                                        + "since \(current.acquiredAt.formatted(.iso8601)))")
        }
        defer { _ = try? lock.release(runID: holder) }
        return try body()
    }
}
