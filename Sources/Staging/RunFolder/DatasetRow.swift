import Foundation
import SQLite

// MARK: - DatasetRow

/// One row of a staged dataset: a key (unique within the dataset) and its payload, usually JSON.
public struct DatasetRow: Sendable, Hashable {
    public let key: String
    public let payload: Data
    /// The row's ``DatasetChecksum`` digest when computed ahead (``digested()``); staging computes it
    /// otherwise. Not part of the row's equality: it follows from the key and payload.
    public let digest: [UInt8]?

    public init(key: String, payload: Data) {
        self.key = key
        self.payload = payload
        digest = nil
    }

    private init(key: String, payload: Data, digest: [UInt8]) {
        self.key = key
        self.payload = payload
        self.digest = digest
    }

    /// The same row with its digest computed now. Why: a stage prepares a page's rows on its page-ahead
    /// worker and writes them on its own thread under the staging connection's lock, which another stage
    /// may be waiting for; hashing there was about a fifth of an append (issue 8).
    public func digested() -> DatasetRow {
        digest == nil ? DatasetRow(key: key, payload: payload, digest: DatasetChecksum.rowDigest(key: key, payload: payload)) : self
    }

    public static func == (lhs: DatasetRow, rhs: DatasetRow) -> Bool {
        lhs.key == rhs.key && lhs.payload == rhs.payload
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(payload)
    }

    public init(key: String, text: String) {
        self.init(key: key, payload: Data(text.utf8))
    }

    /// The payload as UTF-8 text.
    public var text: String { String(decoding: payload, as: UTF8.self) }
}

// MARK: - DatasetSummary

/// What a dataset holds, recorded when it was last replaced (for the run manifest).
public struct DatasetSummary: Sendable, Hashable, Codable {
    public var name: String
    public var rowCount: Int
    /// See ``DatasetChecksum``.
    public var checksum: String
    public var writtenAt: Date

    public init(name: String, rowCount: Int, checksum: String, writtenAt: Date) {
        self.name = name
        self.rowCount = rowCount
        self.checksum = checksum
        self.writtenAt = writtenAt
    }

    /// Reads a `datasets` row.
    /// - Throws: ``RowDecodingError`` naming the column.
    public init(row: Row) throws {
        name = try row.decode("name")
        rowCount = try row.decode("row_count")
        checksum = try row.decode("checksum")
        writtenAt = try row.decode("written_at")
    }
}

// MARK: - DatasetWriter

/// Inserts rows into the dataset being replaced; only lent inside
/// ``RunStaging/replaceDataset(_:_:)``, whose transaction it writes in.
public struct DatasetWriter {
    public let dataset: String
    /// The storage name the rows go under (see ``RunStaging``).
    let storage: String
    let statement: Statement
    /// Computed as rows are written, so the summary needs no second read.
    private(set) var checksum = DatasetChecksum()
    public var rowCount: Int { checksum.rowCount }

    init(dataset: String, storage: String, statement: Statement) {
        self.dataset = dataset
        self.storage = storage
        self.statement = statement
    }

    /// Adds a row.
    /// - Throws: ``SQLiteError`` (a constraint violation for a key written twice).
    public mutating func insert(key: String, payload: Data) throws {
        try statement.execute(arguments: [storage, key, payload])
        checksum.add(key: key, payload: payload)
    }

    public mutating func insert(_ row: DatasetRow) throws {
        try statement.execute(arguments: [storage, row.key, row.payload])
        checksum.add(row)
    }
}

extension DatasetRow {
    /// `records` as rows of `dataset`, each keyed by `key` and encoded by `encoder`.
    /// - Throws: ``StagingError/payload(dataset:key:reason:)`` naming a record that does not encode.
    static func encoding<Record: Encodable>(_ records: some Sequence<Record>, with encoder: JSONEncoder, dataset: String,
                                            key: (Record) -> String) throws -> [DatasetRow] {
        try records.map { record in
            let recordKey = key(record)
            do { return DatasetRow(key: recordKey, payload: try encoder.encode(record)) } catch {
                throw StagingError.payload(dataset: dataset, key: recordKey, reason: "cannot encode: \(error)")
            }
        }
    }
}
