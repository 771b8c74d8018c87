import Foundation
import Staging

// MARK: - RunRetention

/// Which run folders (`staging/runs/<id>`: staged data, manifest, run.log) to keep, and removing the rest.
///
/// A run folder holds the run's staged inputs and outputs (28 MB for a full run at 2,000 products), so
/// without a limit they fill the disk. Kept, whatever their age:
/// - the newest `OMNIFLOW_KEEP_RUNS` runs (default 30);
/// - every unfinished or failed run that `--resume` would still accept (the runner's own rule);
/// - for each stage, the latest run in which it succeeded: `--only` / `--from` copy staged inputs from it.
/// Only the folder goes; the run's rows in the control database stay, so `omniflow runs` keeps the
/// history and `runs show` still prints the stages (notes and checks lived in the manifest).
/// Spec: issue "Reliability" (run folders grow without limit).
public struct RunRetention: Sendable {
    /// A run folder that goes, or stays and why.
    public struct Decision: Sendable, Equatable, Codable {
        public var runID: String
        public var isKept: Bool
        /// `newest 30`, `may be resumed`, `latest success of extract.products`, or `pruned`.
        public var reason: String
        public var bytes: Int64
    }

    public var keep: Int
    let runner: StageRunner

    /// - Parameter runner: decides which failed runs may still be resumed, and names the stages.
    public init(keep: Int, runner: StageRunner) {
        self.keep = keep
        self.runner = runner
    }

    /// What `apply` would do, newest run first, for every run that still has a folder.
    public func plan() throws -> [Decision] {
        let control = runner.environment.control
        let runs = try control.runs(limit: Int.max).sorted { $0.startedAt > $1.startedAt }
        var inputSources: [String: String] = [:]   // run id → the stage whose latest success it holds
        for stage in runner.plan.ordered {
            if let latest = try control.lastSucceededStageRun(stage: stage.name), inputSources[latest.runID] == nil {
                inputSources[latest.runID] = stage.name
            }
        }
        var decisions: [Decision] = []
        for (index, run) in runs.enumerated() {
            let folder = control.runFolder(for: run.id)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            let bytes = Self.size(of: folder)
            if index < keep {
                decisions.append(Decision(runID: run.id, isKept: true, reason: "newest \(keep)", bytes: bytes))
            } else if run.status != .succeeded, (try? runner.prepare(RunRequest(resume: run.id))) != nil {
                decisions.append(Decision(runID: run.id, isKept: true, reason: "may be resumed", bytes: bytes))
            } else if let stage = inputSources[run.id] {
                decisions.append(Decision(runID: run.id, isKept: true, reason: "latest success of \(stage)", bytes: bytes))
            } else {
                decisions.append(Decision(runID: run.id, isKept: false, reason: "pruned", bytes: bytes))
            }
        }
        return decisions
    }

    /// Removes the folders `plan()` does not keep; returns the plan. Never touches the running run:
    /// it is among the newest.
    @discardableResult
    public func apply() throws -> [Decision] {
        let decisions = try plan()
        for decision in decisions where !decision.isKept {
            try FileManager.default.removeItem(at: runner.environment.control.runFolder(for: decision.runID))
        }
        return decisions
    }

    static func size(of folder: URL) -> Int64 {
        let keys: [URLResourceKey] = [.fileSizeKey, .isRegularFileKey]
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { return 0 }
        var total: Int64 = 0
        for case let file as URL in files {
            let values = try? file.resourceValues(forKeys: Set(keys))
            if values?.isRegularFile == true { total += Int64(values?.fileSize ?? 0) }
        }
        return total
    }
}
