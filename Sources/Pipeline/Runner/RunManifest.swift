import Foundation
import Staging

/// `staging/runs/<run-id>/manifest.json`: what a run did, stage by stage.
///
/// Rewritten atomically after every stage, so it is always a complete JSON document even if the
/// process is killed; the control database holds the same facts for queries, the manifest travels
/// with the run folder (an operator can zip a run and send it).
public struct RunManifest: Codable, Sendable, Equatable {
    public var runID: String
    public var status: RunRecord.Status
    public var startedAt: Date
    public var finishedAt: Date?
    public var businessDate: String
    public var selection: [String]
    /// Runs whose staged outputs this run reused as inputs (for `--only` / `--from` on a new run).
    public var inputsFromRuns: [String: String]
    public var stages: [Entry]
    /// What the run left in the sync queues when it finished (absent in manifests of older runs).
    public var queueBacklog: [QueueBacklog]?

    /// One stage of the run.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var version: Int
        public var status: StageRunRecord.Status
        public var startedAt: Date?
        public var finishedAt: Date?
        public var durationMilliseconds: Int?
        public var outcome: StageOutcome?
        public var outputs: [String]
        public var error: String?
        /// The stage's parameters (absent when it has none, and in manifests from before parameters).
        public var parameters: [String: String]?
    }

    public init(runID: String, startedAt: Date, businessDate: String, selection: [String]) {
        self.runID = runID
        self.status = .running
        self.startedAt = startedAt
        self.businessDate = businessDate
        self.selection = selection
        self.inputsFromRuns = [:]
        self.stages = []
    }

    public mutating func upsert(_ entry: Entry) {
        if let index = stages.firstIndex(where: { $0.name == entry.name }) {
            stages[index] = entry
        } else {
            stages.append(entry)
        }
    }

    public func entry(named name: String) -> Entry? { stages.first { $0.name == name } }

    public static func url(in runDirectory: URL) -> URL { runDirectory.appendingPathComponent("manifest.json") }

    public static func load(from runDirectory: URL) throws -> RunManifest {
        let data = try Data(contentsOf: url(in: runDirectory))
        return try decoder.decode(RunManifest.self, from: data)
    }

    /// Publishes the manifest atomically; `durable: false` does not wait for the disk (``AtomicFile``).
    public func write(to runDirectory: URL, durable: Bool = true) throws {
        try AtomicFile.write(try Self.encoder.encode(self), to: Self.url(in: runDirectory), durable: durable)
    }

    /// ``write(to:durable:)`` for a writer that publishes the manifest again and again (the runner): its
    /// `encoding` keeps the stages' entries encoded; the text is the same.
    func write(to runDirectory: URL, durable: Bool = true, encoding: RunManifestEncoding) throws {
        try AtomicFile.write(try encoding.encode(self), to: Self.url(in: runDirectory), durable: durable)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
