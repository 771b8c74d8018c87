import Pipeline
import Foundation

// MARK: - RunStatus

/// How a run ended (or that it has not yet).
public enum RunStatus: String, Codable, Sendable, CaseIterable {
    case running
    case succeeded
    case failed
    /// Stopped before finishing (crash, signal); `--resume` continues it.
    case interrupted
}

// MARK: - StageStatus

/// How one stage of a run ended.
public enum StageStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case running
    case succeeded
    case failed
    /// Not run: already complete on `--resume`, outside `--from`/`--only`, or blocked by a failure upstream.
    case skipped
}

// MARK: - StageReport

/// One row of a run summary: a stage and its figures.
public struct StageReport: Codable, Sendable, Equatable {
    /// Dotted stage name, e.g. `extract.products`.
    public var name: String
    public var status: StageStatus
    public var rowsRead: Int
    public var rowsWritten: Int
    /// Records withheld (quarantined, not loaded).
    public var rowsQuarantined: Int
    /// Fields dropped from records that loaded.
    public var fieldsDropped: Int
    /// Seconds.
    public var duration: Double
    /// Why it failed or was skipped, one line, secrets hidden.
    public var message: String?
    /// Its checks that failed, one verdict each (`z_report FAILED: 12 of 14 figures match`).
    public var failedChecks: [String]

    public init(
        name: String, status: StageStatus, rowsRead: Int = 0, rowsWritten: Int = 0, rowsQuarantined: Int = 0,
        fieldsDropped: Int = 0, duration: Double = 0, message: String? = nil, failedChecks: [String] = []
    ) {
        self.name = name
        self.status = status
        self.rowsRead = rowsRead
        self.rowsWritten = rowsWritten
        self.rowsQuarantined = rowsQuarantined
        self.fieldsDropped = fieldsDropped
        self.duration = duration
        self.message = message
        self.failedChecks = failedChecks
    }
}

// MARK: - RunReport

/// What `run`, `stage` and `demo` report: the run, its stages and where its files are.
///
/// Why: the same value is printed as a summary table, encoded for `--json`, and decides the exit
/// status (`succeeded` → 0, anything else → 1).
public struct RunReport: Codable, Sendable, Equatable {
    public var runID: String
    public var status: RunStatus
    public var startedAt: Date
    /// Seconds from start to end.
    public var duration: Double
    public var stages: [StageReport]
    /// `staging/runs/<run-id>`.
    public var runFolder: String
    /// What the run left in the sync queues (pending for a later run, or dead).
    public var leftInQueues: [QueueBacklog]

    public init(runID: String, status: RunStatus, startedAt: Date, duration: Double, stages: [StageReport], runFolder: String,
                leftInQueues: [QueueBacklog] = []) {
        self.runID = runID
        self.status = status
        self.startedAt = startedAt
        self.duration = duration
        self.stages = stages
        self.runFolder = runFolder
        self.leftInQueues = leftInQueues
    }
}
