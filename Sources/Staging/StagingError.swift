import SQLite

// MARK: - StagingError

/// A control-database or run-folder value that omniflow did not write or cannot use.
///
/// Why separate from ``SQLiteError``: SQLite accepted the data; omniflow's own rules reject it
/// (an unknown status text, a job that does not exist), and the message names table and value.
public enum StagingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A column holds a value outside its enum (e.g. a status written by a newer version).
    case invalidValue(column: String, value: String, sql: String)
    /// A sync job id that is not in the queue table.
    case unknownSyncJob(id: Int64)
    /// A dataset payload could not be encoded or decoded.
    case payload(dataset: String, key: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidValue(column, value, sql):
            return "Unexpected value '\(value)' in column '\(column)' - in `\(sql)`"
        case let .unknownSyncJob(id):
            return "No sync job with id \(id)"
        case let .payload(dataset, key, reason):
            return "Dataset '\(dataset)' row '\(key)': \(reason)"
        }
    }

    /// Decodes a text column into a `RawRepresentable` enum, naming column and SQL on failure.
    static func decodeEnum<T: RawRepresentable>(_ row: Row, _ column: String) throws -> T where T.RawValue == String {
        let text: String = try row.decode(column)
        guard let value = T(rawValue: text) else {
            throw StagingError.invalidValue(column: column, value: text, sql: row.sql)
        }
        return value
    }
}
