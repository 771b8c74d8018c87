import Foundation
import Pipeline

// MARK: - RunListing

/// One line of `omniflow runs`.
public struct RunListing: Codable, Sendable, Equatable {
    public var runID: String
    public var status: RunStatus
    public var startedAt: Date
    public var finishedAt: Date?
    public var stageCount: Int
    /// The first stage that failed, if any.
    public var failedStage: String?

    public init(runID: String, status: RunStatus, startedAt: Date, finishedAt: Date?, stageCount: Int, failedStage: String? = nil) {
        self.runID = runID
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.stageCount = stageCount
        self.failedStage = failedStage
    }
}

// MARK: - StageFailure

/// A stage error recorded for a run.
public struct StageFailure: Codable, Sendable, Equatable {
    public var stage: String
    /// One line, with context (record, path, SQL), secrets hidden.
    public var message: String
    public var occurredAt: Date?

    public init(stage: String, message: String, occurredAt: Date? = nil) {
        self.stage = stage
        self.message = message
        self.occurredAt = occurredAt
    }
}

// MARK: - RunDetail

/// `omniflow runs show <id>`: the run report plus its errors and quarantined records.
public struct RunDetail: Codable, Sendable, Equatable {
    public var run: RunReport
    public var stageErrors: [StageFailure]
    public var quarantine: [QuarantineListing]
    /// What each stage noted (counts per kind, watermarks), from the run's manifest.
    public var notes: [StageNotes]
    /// What each stage checked (reconciliations: expected against actual per key), from the manifest.
    public var checks: [StageChecks]
    /// The parameters of the stages that have some (`key=value`), from the manifest.
    public var parameters: [StageNotes]

    public init(run: RunReport, stageErrors: [StageFailure], quarantine: [QuarantineListing], notes: [StageNotes] = [],
                checks: [StageChecks] = [], parameters: [StageNotes] = []) {
        self.run = run
        self.stageErrors = stageErrors
        self.quarantine = quarantine
        self.notes = notes
        self.checks = checks
        self.parameters = parameters
    }
}

/// One stage's checks.
public struct StageChecks: Codable, Sendable, Equatable {
    public var stage: String
    public var checks: [StageCheck]

    public init(stage: String, checks: [StageCheck]) {
        self.stage = stage
        self.checks = checks
    }
}

/// One stage's notes.
public struct StageNotes: Codable, Sendable, Equatable {
    public var stage: String
    public var notes: [String]

    public init(stage: String, notes: [String]) {
        self.stage = stage
        self.notes = notes
    }
}

// MARK: - QuarantineListing

/// A quarantine issue: a record a stage withheld, or a field it dropped from a record that loaded.
public struct QuarantineListing: Codable, Sendable, Equatable {
    /// What happened to the record.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Not loaded; retried every run.
        case withheld
        /// Loaded without ``QuarantineListing/field``.
        case fieldDropped = "field_dropped"

        /// For the table: `withheld`, `field dropped`.
        public var label: String { self == .withheld ? "withheld" : "field dropped" }
    }

    /// The issue's stable id (`omniflow quarantine show <id>`).
    public var id: Int64
    public var kind: Kind
    public var runID: String
    public var stage: String
    /// The record's own key, e.g. `order:OC-1001` or `product:SKU-1`.
    public var recordKey: String
    /// For a dropped field: which (`productGroupUid`, `barcode 123`); nil for a withheld record.
    public var field: String?
    public var reason: String
    public var quarantinedAt: Date

    public init(id: Int64, kind: Kind = .withheld, runID: String, stage: String, recordKey: String,
                field: String? = nil, reason: String, quarantinedAt: Date) {
        self.id = id
        self.kind = kind
        self.runID = runID
        self.stage = stage
        self.recordKey = recordKey
        self.field = field
        self.reason = reason
        self.quarantinedAt = quarantinedAt
    }
}

// MARK: - QuarantineDetail

/// `omniflow quarantine show <id>`: one issue with its history and the source payload as received.
public struct QuarantineDetail: Codable, Sendable, Equatable {
    public var issue: QuarantineListing
    public var firstSeen: Date
    /// Runs that refused the record (or dropped the field) so far.
    public var attempts: Int
    /// When a later run took the record (nil while open).
    public var resolvedAt: Date?
    /// The source record as received (JSON), when the stage had it.
    public var sourcePayload: String?

    public init(issue: QuarantineListing, firstSeen: Date, attempts: Int, resolvedAt: Date? = nil,
                sourcePayload: String? = nil) {
        self.issue = issue
        self.firstSeen = firstSeen
        self.attempts = attempts
        self.resolvedAt = resolvedAt
        self.sourcePayload = sourcePayload
    }
}
