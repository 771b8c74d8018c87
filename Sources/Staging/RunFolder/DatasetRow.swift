import Foundation
import SQLite

// MARK: - DatasetRow

/// One row of a staged dataset: a key (unique within the dataset) and its payload, usually JSON.
public struct DatasetRow: Sendable, Hashable {
    public var key: String
    public var payload: Data

    public init(key: String, payload: Data) {
        self.key = key
        self.payload = payload
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
        try insert(key: row.key, payload: row.payload)
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
