import Foundation
import Staging

/// A dataset a stage reads or writes.
///
/// Stages are ordered by matching their inputs to other stages' outputs (as Luigi's `requires()` /
/// `output()` and Dagster's asset keys do):
/// - `.staged` datasets live in the run's `staging.db` and have exactly one producing stage; declare
///   them with a ``DatasetKey`` (name + record type) and read them through it.
/// - `.external` datasets are omniflow's own stores outside the run: tables of the Flow store
///   (`flow.stores`) and of the control database (`control.sync_jobs.<kind>`, `control.inbox_events`).
///   A stage that writes one lists it as an output, and every stage of the plan that reads it runs
///   after every stage that writes it (a reader after the writer's commit, with no marker dataset).
///   A stage's side effects on the control database are declared like its other outputs.
/// - `.remote` datasets are Omnium's API: read by extracts, written by pushes. They order nothing:
///   what a push sends is not an input of this run's extract (it would be a cycle: push.stock reads
///   flow.stock, which the inventory extract leads to).
public struct Dataset: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case staged, external, remote }
    public let kind: Kind
    public let name: String

    /// A dataset in the run's staging database, by its typed key.
    public static func staged<Record>(_ key: DatasetKey<Record>) -> Dataset { Dataset(kind: .staged, name: key.name) }
    /// A staged dataset by name (prefer the typed key).
    public static func staged(_ name: String) -> Dataset { Dataset(kind: .staged, name: name) }
    /// A Flow-store or control-database dataset, e.g. `.external("flow.stores")`.
    public static func external(_ name: String) -> Dataset { Dataset(kind: .external, name: name) }
    /// An Omnium API dataset, e.g. `.remote("omnium.api.stores")`.
    public static func remote(_ name: String) -> Dataset { Dataset(kind: .remote, name: name) }

    public var description: String {
        switch kind {
        case .staged: return name
        case .external: return "\(name) (external)"
        case .remote: return "\(name) (remote)"
        }
    }
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
    /// What this instance of the stage works on (the POS import's files), part of the stage run's identity
    /// (Luigi's task parameters): recorded with the stage run and in the manifest, and `--resume` trusts a
    /// succeeded stage only when its parameters are the same. Most stages have none.
    var parameters: [String: String] { get }
    /// Whether the stage may run while other stages run (``StageConcurrency``); `.alone` unless it says so.
    var concurrency: StageConcurrency { get }
    func run(_ context: StageContext) async throws -> StageOutcome
}

extension Stage {
    public var parameters: [String: String] { [:] }
    public var concurrency: StageConcurrency { .alone }
}

/// Whether a stage may run while other stages of the run are running (``StageRunner`` schedules by it).
public enum StageConcurrency: Sendable, Equatable {
    /// By itself: after every selected stage before it in plan order has finished, and nothing starts
    /// until it has. Right for any stage that reads or writes more than it declares (the pushes read
    /// stores, products and orders of the Flow store they do not list).
    case alone
    /// Beside other stages of this kind it shares no external or remote dataset with (one writing what
    /// the other reads or writes), as soon as its upstream stages have finished. Only for stages whose
    /// declared inputs and outputs are everything they read and write (the catalogue's stages).
    case besideIndependentStages
}

/// A stage's parameters as one stable text (`key=value` lines, sorted), for the run record.
public enum StageParameters {
    public static func canonical(_ parameters: [String: String]) -> String? {
        parameters.isEmpty ? nil : parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: "\n")
    }
}

/// What a stage reports when it finishes; goes to the control database and `manifest.json`.
public struct StageOutcome: Sendable, Equatable, Codable {
    public var rowsRead: Int
    public var rowsWritten: Int
    public var rowsUnchanged: Int
    /// Records withheld (not loaded, waiting in quarantine), each counted once. The runner fills it
    /// from what the stage quarantined through ``StageContext/quarantine(_:)``.
    public var quarantined: Int
    /// Fields dropped from records that did load (an invalid barcode), each (record, field) once.
    public var fieldsDropped: Int
    /// Checksums of the staged outputs, by dataset name; `--resume` trusts a stage only if they still match.
    public var checksums: [String: String]
    public var notes: [String]
    /// What the stage checked about its result (reconciliations); a failed blocking one stops downstream.
    public var checks: [StageCheck]
    /// Files the stage wrote into the run folder (``StageContext/fileOutput(_:)``): path relative to the run
    /// folder → SHA-256 (hex). Filled in by the runner; `--resume` trusts the stage only if they still match.
    public var files: [String: String]
    /// Omnium requests the client repeated during the stage (429, 5xx, timeouts); each is in run.log.
    /// Filled by the runner.
    public var retries: Int = 0

    public init(rowsRead: Int = 0, rowsWritten: Int = 0, rowsUnchanged: Int = 0, quarantined: Int = 0,
                fieldsDropped: Int = 0, checksums: [String: String] = [:], notes: [String] = [],
                checks: [StageCheck] = [], files: [String: String] = [:]) {
        self.rowsRead = rowsRead
        self.rowsWritten = rowsWritten
        self.rowsUnchanged = rowsUnchanged
        self.quarantined = quarantined
        self.fieldsDropped = fieldsDropped
        self.checksums = checksums
        self.notes = notes
        self.checks = checks
        self.files = files
    }

    private enum CodingKeys: String, CodingKey {
        case rowsRead, rowsWritten, rowsUnchanged, quarantined, fieldsDropped, checksums, notes, checks, files, retries
    }

    /// Reads manifests written before `fieldsDropped`, `checks`, `files` and `retries` existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rowsRead = try container.decode(Int.self, forKey: .rowsRead)
        rowsWritten = try container.decode(Int.self, forKey: .rowsWritten)
        rowsUnchanged = try container.decode(Int.self, forKey: .rowsUnchanged)
        quarantined = try container.decode(Int.self, forKey: .quarantined)
        fieldsDropped = try container.decodeIfPresent(Int.self, forKey: .fieldsDropped) ?? 0
        checksums = try container.decode([String: String].self, forKey: .checksums)
        notes = try container.decode([String].self, forKey: .notes)
        checks = try container.decodeIfPresent([StageCheck].self, forKey: .checks) ?? []
        files = try container.decodeIfPresent([String: String].self, forKey: .files) ?? [:]
        retries = try container.decodeIfPresent(Int.self, forKey: .retries) ?? 0
    }
}

/// A check a stage records about what it did: expected against actual, key by key (Dagster's asset
/// check). Example: `import.pos_journal` compares each Z report's figures with the transactions it
/// imported. Shown by `omniflow runs show` and kept in `manifest.json`; a failed ``isBlocking`` check
/// stops every stage downstream of its stage (recorded skipped) and fails the run, while the stage's own
/// writes stay (they are the record; the mismatch is for a person to explain), and `--resume` reruns the
/// stage rather than trusting it.
public struct StageCheck: Codable, Sendable, Equatable {
    /// One compared figure; values as text so any kind of figure (øre as `123.45`, a count) fits.
    public struct Comparison: Codable, Sendable, Equatable {
        public var key: String
        public var expected: String
        public var actual: String
        public var matches: Bool { expected == actual }

        public init(key: String, expected: String, actual: String) {
            self.key = key
            self.expected = expected
            self.actual = actual
        }
    }

    /// Short and stable, e.g. `z_report`.
    public var name: String
    /// What is compared with what, for a person.
    public var summary: String
    public var isBlocking: Bool
    public var comparisons: [Comparison]

    public init(name: String, summary: String, isBlocking: Bool, comparisons: [Comparison]) {
        self.name = name
        self.summary = summary
        self.isBlocking = isBlocking
        self.comparisons = comparisons
    }

    public var failures: [Comparison] { comparisons.filter { !$0.matches } }
    public var passed: Bool { failures.isEmpty }

    /// `z_report: 12 of 14 figures match`.
    public var verdict: String {
        "\(name) \(passed ? "passed" : "FAILED"): \(comparisons.count - failures.count) of \(comparisons.count) figures match"
    }
}
