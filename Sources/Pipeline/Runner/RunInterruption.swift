import Foundation
import Staging

// MARK: - RunInterruption

/// Records a run that ended without finishing as failed (resumable), in the control database, its
/// manifest and its run log: the stage that was running, then the run.
///
/// Two ways a run ends unfinished: its process is killed (SIGKILL, a power cut), found when the next
/// run takes the stale lock over; or it is stopped by SIGINT/SIGTERM, recorded by the process itself
/// before it exits (`ActiveRun`). Either way `omniflow runs`, `runs show` and `manifest.json` then say
/// which stage was interrupted and why, instead of `running` forever, and `--resume` finishes the run.
/// Spec: issue "Reliability" (state after an abnormal end); issue "Platform" (resume rule, SIGINT).
public enum RunInterruption {
    /// Marks the stages of `runID` still `running` and the run itself failed with `reason`.
    public static func record(runID: String, reason: String, control: ControlStore, now: Date) throws {
        var interrupted: [String] = []
        for stage in try control.stageRuns(runID: runID) where stage.status == .running {
            var failed = stage
            failed.status = .failed
            failed.finishedAt = now
            failed.duration = stage.startedAt.map { now.timeIntervalSince($0) }
            failed.error = reason
            try control.upsertStageRun(failed)
            interrupted.append(stage.stage)
        }
        _ = try control.finishRun(id: runID, status: .failed)
        let folder = control.runFolder(for: runID)
        if var manifest = try? RunManifest.load(from: folder) {
            for var entry in manifest.stages where entry.status == .running {
                entry.status = .failed
                entry.finishedAt = now
                entry.durationMilliseconds = entry.startedAt.map { Int((now.timeIntervalSince($0) * 1000).rounded()) }
                entry.error = reason
                manifest.upsert(entry)
            }
            manifest.status = .failed
            manifest.finishedAt = now
            try manifest.write(to: folder)
        }
        if FileManager.default.fileExists(atPath: folder.path) {
            RunLog(file: folder.appendingPathComponent("run.log"))
                .error("run interrupted", ["run.id": runID, "reason": reason,
                                           "stages": interrupted.isEmpty ? "-" : interrupted.joined(separator: ",")])
        }
    }
}

// MARK: - ActiveRun

/// The run this process is running, so that a SIGINT or SIGTERM can record it before the process exits.
///
/// Why a process-wide registry: the signal arrives on its own thread while the run's task may be deep
/// in a stage; the handler needs only the run id, the control database and the lock to leave an honest
/// record, and the runner registers exactly those while it holds the lock.
public final class ActiveRun: @unchecked Sendable {
    public static let shared = ActiveRun()

    private struct Entry {
        var runID: String
        var control: ControlStore
        var lock: RunLock
    }

    private let mutex = NSLock()
    private var entry: Entry?
    /// Runs recorded interrupted by this process: nothing more may be recorded for them.
    private var interrupted: Set<String> = []

    /// Called by the runner once it holds the lock for `runID`.
    func begin(runID: String, control: ControlStore, lock: RunLock) {
        mutex.withLock { entry = Entry(runID: runID, control: control, lock: lock) }
    }

    /// Called by the runner when the run is recorded finished or aborted.
    func end(runID: String) {
        mutex.withLock { if entry?.runID == runID { entry = nil } }
    }

    /// Runs `body` (a write of the run's record) unless run `runID` was interrupted, never while the
    /// interruption is being recorded.
    ///
    /// Why: the signal's handler records the run's running stages failed and exits, while the runner goes
    /// on until then; a stage the runner recorded running, or succeeded, just after that record stayed so
    /// (with two stages running at once, often enough for a test to see it).
    /// - Throws: ``StageRunnerError/interrupted(_:)`` once the run was interrupted; `body`'s errors.
    func whileNotInterrupted<T>(_ runID: String, _ body: () throws -> T) throws -> T {
        mutex.lock()
        defer { mutex.unlock() }
        guard !interrupted.contains(runID) else { throw StageRunnerError.interrupted(runID) }
        return try body()
    }

    /// Records the active run, if any, as interrupted by `signalName` and releases its lock.
    /// - Returns: the interrupted run's id, or nil when no run was active.
    @discardableResult
    public func interrupt(signalName: String, now: Date = Date()) -> String? {
        mutex.lock()
        defer { mutex.unlock() }
        guard let active = entry else { return nil }
        entry = nil
        interrupted.insert(active.runID)
        let reason = "interrupted by \(signalName); resume with omniflow run --resume \(active.runID)"
        try? RunInterruption.record(runID: active.runID, reason: reason, control: active.control, now: now)
        _ = try? active.lock.release(runID: active.runID)
        return active.runID
    }
}
