import Foundation

// MARK: - DatasetKey

/// The one declaration of a staged dataset: its name and the type of its records.
///
/// Why typed: a dataset is written by one stage and read by others; with a bare name each reader
/// restated the string and the record type (`forEachRecord("omnium.stores", as: OmniumStore.self)`),
/// so a typo or a changed type only showed at run time. Declare the key once, next to its producer
/// (`static let stores = DatasetKey<OmniumStore>("omnium.stores")`), and read and write through it:
/// `staging.forEachRecord(ExtractStores.dataset) { key, store in … }`; the stage lists it as
/// `.staged(ExtractStores.dataset)`. docs/CONTRACTS.md "Datasets".
public struct DatasetKey<Record: Codable>: Sendable, Hashable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }
}

// MARK: - Typed reads and writes

extension RunStaging {
    /// Replaces the dataset with `records` as JSON (see ``replaceDataset(_:records:key:)``).
    @discardableResult
    public func replaceDataset<Record>(_ dataset: DatasetKey<Record>, records: some Sequence<Record>,
                                       key: (Record) -> String) throws -> DatasetSummary {
        try replaceDataset(dataset.name, records: records, key: key)
    }

    /// Calls `body` with each record of the dataset, in key order.
    public func forEachRecord<Record>(_ dataset: DatasetKey<Record>, _ body: (String, Record) throws -> Void) throws {
        try forEachRecord(dataset.name, as: Record.self, body)
    }

    /// Every record of the dataset, in key order.
    public func records<Record>(_ dataset: DatasetKey<Record>) throws -> [Record] {
        var records: [Record] = []
        try forEachRecord(dataset) { _, record in records.append(record) }
        return records
    }

    public func beginPending<Record>(_ dataset: DatasetKey<Record>) throws { try beginPending(dataset.name) }

    public func resumePending<Record>(_ dataset: DatasetKey<Record>) throws -> PendingCheckpoint? {
        try resumePending(dataset.name)
    }

    public func appendPending<Record: Encodable>(_ dataset: DatasetKey<Record>, records: some Sequence<Record>,
                                                 key: (Record) -> String,
                                                 checkpoint: PendingCheckpoint? = nil) throws -> Int {
        try appendPending(dataset.name, records: records, key: key, checkpoint: checkpoint)
    }

    public func appendPending<Record: Encodable>(_ dataset: DatasetKey<Record>, records: some Sequence<Record>,
                                                 keyOfPayload key: (Record, Data) -> String,
                                                 checkpoint: PendingCheckpoint? = nil) throws -> Int {
        try appendPending(dataset.name, records: records, keyOfPayload: key, checkpoint: checkpoint)
    }

    @discardableResult
    public func publishPending<Record>(_ dataset: DatasetKey<Record>) throws -> DatasetSummary {
        try publishPending(dataset.name)
    }

    public func count<Record>(_ dataset: DatasetKey<Record>) throws -> Int { try count(dataset.name) }

    public func summary<Record>(_ dataset: DatasetKey<Record>) throws -> DatasetSummary? { try summary(dataset.name) }
}
