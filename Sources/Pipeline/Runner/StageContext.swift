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

    public init(configuration: OmniflowConfiguration, flow: FlowDatabase, control: ControlStore,
                omnium: OmniumClient, clock: any OmniflowClock, omniumTraffic: OmniumTrafficTally? = nil) {
        self.configuration = configuration
        self.flow = flow
        self.control = control
        self.omnium = omnium
        self.clock = clock
        self.omniumTraffic = omniumTraffic
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

    /// Records mapping issues in the quarantine (retried on the next run) and logs each one.
    /// - Returns: how many records were quarantined (field-level issues are logged, not counted).
    @discardableResult
    public func quarantine(_ issues: [MappingIssue]) throws -> Int {
        var count = 0
        for issue in issues {
            log.warning("quarantined", ["stage": stageName, "entity": issue.entity.rawValue,
                                        "record": issue.recordKey, "reason": issue.reason])
            try control.quarantine(entity: issue.entity.rawValue, recordKey: issue.recordKey, stage: stageName,
                                   runID: runID, reason: issue.reason, sourcePayload: issue.sourcePayload)
            if issue.outcome == .recordQuarantined { count += 1 }
        }
        return count
    }

    /// Marks records that loaded cleanly as no longer quarantined.
    public func resolveQuarantine(entity: MappingIssue.Entity, keys: some Sequence<String>) throws {
        for key in keys { try control.resolveQuarantine(entity: entity.rawValue, recordKey: key) }
    }
}
