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
///
/// A key also says how its payloads are written (``DatasetCoding``): records staged by omniflow are JSON
/// as ``RunStaging/makeEncoder()`` writes it; records staged as a source sent them (Omnium's catalogue
/// records, issue 8) are read back with that source's decoder.
public struct DatasetKey<Record: Codable>: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let coding: DatasetCoding

    public init(_ name: String, coding: DatasetCoding = .staging) {
        self.name = name
        self.coding = coding
    }

    public var description: String { name }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.name == rhs.name }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// How the payloads of a dataset are encoded and decoded.
///
/// Why a dataset may carry a source's coding: re-encoding every record Omnium sent, only to decode it
/// again in the transform, was the largest single cost of a catalogue run (issue 8). Such a dataset
/// stores each record's JSON as received and names the source's decoder here; the records omniflow
/// itself adds to it (a re-read, a fallback) are written with the matching encoder.
public struct DatasetCoding: Sendable {
    /// Names the coding, so a reader with a faster path for one source's JSON can tell it applies.
    public let name: String
    public let makeEncoder: @Sendable () -> JSONEncoder
    public let makeDecoder: @Sendable () -> JSONDecoder

    public init(name: String, makeEncoder: @escaping @Sendable () -> JSONEncoder,
                makeDecoder: @escaping @Sendable () -> JSONDecoder) {
        self.name = name
        self.makeEncoder = makeEncoder
        self.makeDecoder = makeDecoder
    }

    /// omniflow's own staging JSON (sorted keys, dates as ``SQLiteDate`` text).
    public static let staging = DatasetCoding(name: "staging", makeEncoder: RunStaging.makeEncoder,
                                              makeDecoder: RunStaging.makeDecoder)
}

// MARK: - Typed reads and writes

extension RunStaging {
    /// Replaces the dataset with `records` as JSON (see ``replaceDataset(_:records:key:)``).
    @discardableResult
    public func replaceDataset<Record>(_ dataset: DatasetKey<Record>, records: some Sequence<Record>,
                                       key: (Record) -> String) throws -> DatasetSummary {
        try replaceDataset(dataset.name, records: records, encoder: dataset.coding.makeEncoder(), key: key)
    }

    /// Calls `body` with each record of the dataset, in key order.
    public func forEachRecord<Record>(_ dataset: DatasetKey<Record>, _ body: (String, Record) throws -> Void) throws {
        try forEachRecord(dataset.name, as: Record.self, decoder: dataset.coding.makeDecoder(), body)
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
        try appendPending(dataset.name, records: records, encoder: dataset.coding.makeEncoder(), key: key,
                          checkpoint: checkpoint)
    }

    public func appendPending<Record: Encodable>(_ dataset: DatasetKey<Record>, records: some Sequence<Record>,
                                                 keyOfPayload key: (Record, Data) -> String,
                                                 checkpoint: PendingCheckpoint? = nil) throws -> Int {
        try appendPending(dataset.name, records: records, encoder: dataset.coding.makeEncoder(), keyOfPayload: key,
                          checkpoint: checkpoint)
    }

    /// Adds rows whose payloads are already in the dataset's coding (records as a source sent them).
    public func appendPendingRows<Record>(_ dataset: DatasetKey<Record>, rows: some Sequence<DatasetRow>,
                                          checkpoint: PendingCheckpoint? = nil) throws -> Int {
        try appendPendingRows(dataset.name, rows: rows, checkpoint: checkpoint)
    }

    @discardableResult
    public func publishPending<Record>(_ dataset: DatasetKey<Record>) throws -> DatasetSummary {
        try publishPending(dataset.name)
    }

    public func count<Record>(_ dataset: DatasetKey<Record>) throws -> Int { try count(dataset.name) }

    public func summary<Record>(_ dataset: DatasetKey<Record>) throws -> DatasetSummary? { try summary(dataset.name) }
}
