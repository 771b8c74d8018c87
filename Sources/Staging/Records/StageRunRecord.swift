import Foundation
import SQLite

// MARK: - StageRunRecord

/// What one stage did in one run (`stage_runs`, one row per run and stage).
///
/// Why these figures: `--resume` skips a stage only when its record says succeeded and its checksum
/// still matches the output; the counts feed the run summary and `manifest.json`.
public struct StageRunRecord: Sendable, Hashable, Codable {
    /// Where a stage stands in a run.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pending, running, succeeded, failed, skipped
    }

    public var runID: String
    /// Dotted stage name, e.g. `extract.stores`.
    public var stage: String
    /// The stage's code version when it ran (a changed version invalidates a resume).
    public var stageVersion: String
    public var status: Status
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Seconds the stage took.
    public var duration: TimeInterval?
    public var rowsRead: Int
    public var rowsWritten: Int
    public var rowsUnchanged: Int
    /// Records withheld (not loaded), each counted once.
    public var quarantined: Int
    /// Fields dropped from records that loaded, each (record, field) counted once.
    public var fieldsDropped: Int
    /// The stage's parameters (`key=value` lines, sorted; nil when it has none): part of its identity.
    public var parameters: String?
    /// Checksum of the stage's output (see ``DatasetChecksum``).
    public var checksum: String?
    /// The failure, one line, secrets already removed.
    public var error: String?

    public init(runID: String, stage: String, stageVersion: String, status: Status = .pending,
                startedAt: Date? = nil, finishedAt: Date? = nil, duration: TimeInterval? = nil,
                rowsRead: Int = 0, rowsWritten: Int = 0, rowsUnchanged: Int = 0, quarantined: Int = 0,
                fieldsDropped: Int = 0, parameters: String? = nil, checksum: String? = nil, error: String? = nil) {
        self.runID = runID
        self.stage = stage
        self.stageVersion = stageVersion
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.duration = duration
        self.rowsRead = rowsRead
        self.rowsWritten = rowsWritten
        self.rowsUnchanged = rowsUnchanged
        self.quarantined = quarantined
        self.fieldsDropped = fieldsDropped
        self.parameters = parameters
        self.checksum = checksum
        self.error = error
    }

    /// Reads a `stage_runs` row.
    /// - Throws: ``RowDecodingError`` naming the column, or ``StagingError/invalidValue``.
    public init(row: Row) throws {
        runID = try row.decode("run_id")
        stage = try row.decode("stage")
        stageVersion = try row.decode("stage_version")
        status = try StagingError.decodeEnum(row, "status")
        startedAt = try row.decodeIfPresent("started_at")
        finishedAt = try row.decodeIfPresent("finished_at")
        duration = try row.decodeIfPresent("duration_seconds")
        rowsRead = try row.decode("rows_read")
        rowsWritten = try row.decode("rows_written")
        rowsUnchanged = try row.decode("rows_unchanged")
        quarantined = try row.decode("quarantined")
        fieldsDropped = try row.decode("fields_dropped")
        parameters = try row.decodeIfPresent("parameters")
        checksum = try row.decodeIfPresent("checksum")
        error = try row.decodeIfPresent("error")
    }
}
