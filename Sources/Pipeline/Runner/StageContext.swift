import FlowMapping
import FlowStore
import Foundation
import Omnium
import Staging

/// The services a run works with: configuration, the Flow store, the Omnium client, the clock.
///
/// Built once per process by the CLI (or by a test) and shared by every stage.
public struct PipelineEnvironment: Sendable {
    public var configuration: OmniflowConfiguration
    public var flow: FlowDatabase
    public var control: ControlStore
    public var omnium: OmniumClient
    public var clock: any OmniflowClock
    /// Requests sent to Omnium by this process, when counted (production: always; for the metrics file).
    public var omniumTraffic: OmniumTrafficTally?
    /// Where the client's retries and token renewals are logged, when the client reports to it
    /// (production: always; tests that build their own client may leave it out).
    public var omniumEvents: OmniumClientEventLog?

    public init(configuration: OmniflowConfiguration, flow: FlowDatabase, control: ControlStore,
                omnium: OmniumClient, clock: any OmniflowClock, omniumTraffic: OmniumTrafficTally? = nil,
                omniumEvents: OmniumClientEventLog? = nil) {
        self.configuration = configuration
        self.flow = flow
        self.control = control
        self.omnium = omnium
        self.clock = clock
        self.omniumTraffic = omniumTraffic
        self.omniumEvents = omniumEvents
    }
}

/// What a running stage sees: its run, the run's staging file, the environment, a log.
public struct StageContext: Sendable {
    public let runID: String
    public let stageName: String
    public let runDirectory: URL
    /// The instant the run started; "today" for price validity and pickup deadlines.
    public let businessDate: Date
    public let staging: RunStaging
    public let environment: PipelineEnvironment
    public let log: RunLog
    /// Receives "rows so far" from long stages, for the terminal's progress line.
    let progressHandler: (@Sendable (Int) -> Void)?
    /// Keeps the run lock alive during a long stage (see ``StageHeartbeat``).
    var heartbeat: StageHeartbeat? = nil
    /// What this stage run quarantined, each issue once (the runner reads it into the outcome).
    let quarantineTally = QuarantineTally()
    /// Files this stage run writes into the run folder (the runner checksums them into the outcome).
    let fileOutputs = FileOutputs()

    /// A file this stage writes in the run folder (`<run folder>/<relativePath>`, e.g. a rendered PDF): its
    /// folder is made (0700), and after the stage the runner records its SHA-256 in the outcome's `files`,
    /// which `--resume` verifies like staged rows. Write it whole (beside and rename), 0600.
    /// - Throws: `StageFileError` for a path that is absolute or leaves the run folder.
    public func fileOutput(_ relativePath: String) throws -> URL {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        else { throw StageFileError(path: relativePath) }
        let url = runDirectory.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        fileOutputs.add(relativePath)
        return url
    }

    public var configuration: OmniflowConfiguration { environment.configuration }
    public var flow: FlowDatabase { environment.flow }
    public var control: ControlStore { environment.control }
    public var omnium: OmniumClient { environment.omnium }
    public var now: Date { environment.clock.now }

    /// Reports how many rows the stage has handled so far (call it per page; cheap, and silent in a pipe).
    /// Also beats the run lock's heartbeat (at most once a minute), so a long stage keeps its lock.
    public func advance(_ rowsSoFar: Int) {
        heartbeat?.beat()
        progressHandler?(rowsSoFar)
    }

    /// Records mapping issues in the quarantine (retried on the next run) and logs each one: a withheld
    /// record (``MappingIssue/Outcome/recordQuarantined``) or a field dropped from a record that loads
    /// (``MappingIssue/Outcome/fieldDropped``, kept under its ``MappingIssue/field``).
    /// - Returns: how many records this call withheld that the stage had not withheld before (the runner
    ///   counts withheld records and dropped fields of the whole stage, each once, into its outcome).
    @discardableResult
    public func quarantine(_ issues: [MappingIssue]) throws -> Int {
        var count = 0
        for issue in issues {
            let kind: QuarantineRecord.Kind = issue.outcome == .fieldDropped ? .fieldDropped : .withheld
            let field = kind == .withheld ? "" : (issue.field ?? issue.reason)
            log.warning(kind == .withheld ? "record withheld" : "field dropped, record loaded",
                        ["stage": stageName, "entity": issue.entity.rawValue, "record": issue.recordKey,
                         "field": field, "reason": issue.reason])
            try control.quarantine(entity: issue.entity.rawValue, recordKey: issue.recordKey, kind: kind, field: field,
                                   stage: stageName, runID: runID, reason: issue.reason,
                                   sourcePayload: issue.sourcePayload)
            if quarantineTally.add(entity: issue.entity.rawValue, recordKey: issue.recordKey, kind: kind, field: field),
               kind == .withheld {
                count += 1
            }
        }
        return count
    }

    /// Records that mapped in this stage: their withheld rows are resolved, and so are their dropped
    /// fields but those this stage dropped again.
    public func resolveQuarantine(entity: MappingIssue.Entity, keys: some Sequence<String>) throws {
        for key in keys {
            try control.resolveQuarantine(entity: entity.rawValue, recordKey: key)
            try control.resolveDroppedFields(entity: entity.rawValue, recordKey: key,
                                             except: quarantineTally.droppedFields(entity: entity.rawValue, recordKey: key))
        }
    }
}

/// A file output path that would leave the run folder.
public struct StageFileError: Error, CustomStringConvertible {
    public var path: String
    public var description: String { "file output '\(path)' must be a relative path inside the run folder" }
}

/// The run-folder files a stage run declared, in any order from any task of the stage.
final class FileOutputs: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    func add(_ path: String) { _ = lock.withLock { paths.insert(path) } }
    var all: [String] { lock.withLock { paths.sorted() } }
}

/// A stage run's quarantine issues, each counted once however often a stage reports it (a record in two
/// chunks, a resumed page): withheld records by (entity, key), dropped fields by (entity, key, field).
final class QuarantineTally: @unchecked Sendable {
    private let lock = NSLock()
    private var withheld: Set<String> = []
    private var dropped: [String: Set<String>] = [:]

    /// Adds an issue; false when this stage run already counted it.
    func add(entity: String, recordKey: String, kind: QuarantineRecord.Kind, field: String) -> Bool {
        let record = entity + "\u{1F}" + recordKey
        return lock.withLock {
            switch kind {
            case .withheld: return withheld.insert(record).inserted
            case .fieldDropped: return dropped[record, default: []].insert(field).inserted
            }
        }
    }

    func droppedFields(entity: String, recordKey: String) -> Set<String> {
        lock.withLock { dropped[entity + "\u{1F}" + recordKey] ?? [] }
    }

    var isEmpty: Bool { lock.withLock { withheld.isEmpty && dropped.isEmpty } }
    var withheldCount: Int { lock.withLock { withheld.count } }
    var droppedCount: Int { lock.withLock { dropped.values.reduce(0) { $0 + $1.count } } }
}
