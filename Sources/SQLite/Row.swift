// MARK: - Row

/// One fetched row: column names and values, copied out of the statement.
///
/// Why a copy: a row outlives the step that produced it, can be passed across threads (`Sendable`),
/// and table types build themselves from it with `init(row:) throws`, whose errors name the
/// column and the SQL (``RowDecodingError``).
public struct Row: Sendable, Hashable {
    public let columnNames: [String]
    public let values: [DatabaseValue]
    /// The SQL that produced the row, for error messages.
    public let sql: String

    public init(columnNames: [String], values: [DatabaseValue], sql: String = "") {
        precondition(columnNames.count == values.count, "Row: column names and values differ in count")
        self.columnNames = columnNames
        self.values = values
        self.sql = sql
    }

    public var count: Int { values.count }

    /// The index of `column` (exact match first, then case-insensitive like SQLite).
    public func index(of column: String) -> Int? {
        if let index = columnNames.firstIndex(of: column) { return index }
        let lowered = column.lowercased()
        return columnNames.firstIndex { $0.lowercased() == lowered }
    }

    public func hasColumn(_ column: String) -> Bool { index(of: column) != nil }

    // MARK: - Lenient access

    /// The raw value at `index`.
    public subscript(_ index: Int) -> DatabaseValue { values[index] }

    /// The value of `column` as `T`, or `nil` when the column is missing, NULL or does not convert.
    public subscript<T: DatabaseValueConvertible>(_ column: String) -> T? {
        guard let index = index(of: column) else { return nil }
        return T.fromDatabaseValue(values[index])
    }

    /// The raw value of `column`, or `nil` when there is no such column.
    public func databaseValue(_ column: String) -> DatabaseValue? {
        index(of: column).map { values[$0] }
    }

    // MARK: - Strict decoding

    /// The value of `column` as `T`.
    /// - Throws: ``RowDecodingError`` naming the column and the SQL when the column is missing,
    ///   NULL (for a non-optional `T`) or of another storage class.
    public func decode<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let index = index(of: column) else {
            throw RowDecodingError(column: column, sql: sql, reason: .missingColumn(available: columnNames))
        }
        let value = values[index]
        if let decoded = T.fromDatabaseValue(value) { return decoded }
        throw RowDecodingError(column: column, sql: sql,
                               reason: value.isNull ? .unexpectedNull(type: "\(T.self)")
                                   : .mismatch(type: "\(T.self)", storageClass: value.storageClass))
    }

    /// The value of `column` as `T`, `nil` for NULL.
    /// - Throws: ``RowDecodingError`` when the column is missing or of another storage class.
    public func decodeIfPresent<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T? {
        try decode(column, as: T?.self)
    }
}

// MARK: - RowDecodingError

/// A column could not be read as the requested type; says which column of which query.
public struct RowDecodingError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case missingColumn(available: [String])
        case unexpectedNull(type: String)
        case mismatch(type: String, storageClass: String)
    }

    public let column: String
    public let sql: String
    public let reason: Reason

    public var description: String {
        let what: String
        switch reason {
        case .missingColumn(let available):
            what = "no such column (columns: \(available.joined(separator: ", ")))"
        case .unexpectedNull(let type):
            what = "NULL where \(type) was expected"
        case .mismatch(let type, let storageClass):
            what = "\(storageClass) value cannot be read as \(type)"
        }
        return "Cannot decode column '\(column)': \(what) - in `\(sql)`"
    }
}
