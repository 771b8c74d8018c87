import Foundation

/// A dataset a stage reads or writes.
///
/// Stages are ordered by matching their inputs to other stages' outputs (as Luigi's `requires()` /
/// `output()` and Dagster's asset keys do). A `.staged` dataset lives in the run's `staging.db` and must
/// have exactly one producing stage; `.external` datasets (Omnium's API, the Flow store) are sources or
/// sinks outside the run and order nothing.
public struct Dataset: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case staged, external }
    public let kind: Kind
    public let name: String

    /// A dataset in the run's staging database, e.g. `.staged("omnium.stores")`.
    public static func staged(_ name: String) -> Dataset { Dataset(kind: .staged, name: name) }
    /// A source or sink outside the run, e.g. `.external("omnium.api.stores")`, `.external("flow.stores")`.
    public static func external(_ name: String) -> Dataset { Dataset(kind: .external, name: name) }

    public var description: String { kind == .staged ? name : "\(name) (external)" }
}

/// One step of the batch: extract, transform or load.
///
/// A stage is a small value with a dotted name (`extract.stores`), a `version` that is bumped when its
/// logic changes (recorded in the manifest, as Dagster's `code_version`), the datasets it reads and writes,
/// and `run`. A stage must be safe to rerun: it replaces its staged outputs atomically and its loads
/// are idempotent upserts, so a crash at any point followed by `--resume` duplicates nothing.
public protocol Stage: Sendable {
    var name: String { get }
    var version: Int { get }
    var inputs: [Dataset] { get }
    var outputs: [Dataset] { get }
    func run(_ context: StageContext) async throws -> StageOutcome
}

/// What a stage reports when it finishes; goes to the control database and `manifest.json`.
public struct StageOutcome: Sendable, Equatable, Codable {
    public var rowsRead: Int
    public var rowsWritten: Int
    public var rowsUnchanged: Int
    public var quarantined: Int
    /// Checksums of the staged outputs, by dataset name; `--resume` trusts a stage only if they still match.
    public var checksums: [String: String]
    public var notes: [String]

    public init(rowsRead: Int = 0, rowsWritten: Int = 0, rowsUnchanged: Int = 0, quarantined: Int = 0,
                checksums: [String: String] = [:], notes: [String] = []) {
        self.rowsRead = rowsRead
        self.rowsWritten = rowsWritten
        self.rowsUnchanged = rowsUnchanged
        self.quarantined = quarantined
        self.checksums = checksums
        self.notes = notes
    }
}
