import CSQLite
import Foundation

// MARK: - Statement

/// A prepared statement: compiled once, bound and stepped many times.
///
/// Why a class with `deinit`: the `sqlite3_stmt*` must be finalized exactly once. A statement is
/// confined to its ``Database`` (not `Sendable`); get one from ``Database/makeStatement(sql:)`` or,
/// in loops, ``Database/cachedStatement(sql:)``. Every `execute`/`fetch` binds its arguments,
/// runs to completion (or until the caller stops iterating) and resets the statement.
///
/// Spec: https://www.sqlite.org/c3ref/stmt.html
public final class Statement {
    public let sql: String
    let handle: OpaquePointer
    let publicArguments: Bool
    /// How many `?` placeholders the statement has.
    public let parameterCount: Int
    /// Set for statements owned by a ``StatementCache``: a failed step drops them from it.
    weak var cache: StatementCache?
    /// True while rows are being stepped, so the cache hands out a fresh statement instead.
    var isInUse = false
    /// The text values of a typed run (``execute(_:)``); see ``BindingArena``.
    let bindingArena = BindingArena()

    init(databaseHandle: OpaquePointer, sql: String, publicArguments: Bool) throws {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        var remainder = ""
        let code = sql.withCString { start -> Int32 in
            let code = sqlite3_prepare_v2(databaseHandle, start, -1, &statement, &tail)
            remainder = tail.map { String(cString: $0) } ?? ""   // the tail points into `start`
            return code
        }
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError.from(handle: databaseHandle, code: code, sql: sql)
        }
        guard Statement.isEmptySQL(remainder, databaseHandle: databaseHandle) else {
            sqlite3_finalize(statement)
            throw SQLiteError(extendedResultCode: SQLITE_MISUSE,
                              message: "several statements in one call; use executeScript(_:)", sql: sql)
        }
        self.sql = sql
        self.handle = statement
        self.publicArguments = publicArguments
        self.parameterCount = Int(sqlite3_bind_parameter_count(statement))
    }

    deinit { sqlite3_finalize(handle) }

    /// True when `sql` holds no statement (whitespace, `;`, comments).
    private static func isEmptySQL(_ sql: String, databaseHandle: OpaquePointer) -> Bool {
        if sql.allSatisfy({ $0.isWhitespace || $0 == ";" }) { return true }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(databaseHandle, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        return code == SQLITE_OK && statement == nil
    }

    // MARK: - Columns

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public lazy var columnNames: [String] = (0..<Int32(columnCount)).map {
        sqlite3_column_name(handle, $0).map { String(cString: $0) } ?? ""
    }

    /// True when the statement does not write (SELECT, most PRAGMAs).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    // MARK: - Running

    /// Runs the statement to completion, ignoring any rows.
    public func execute(arguments: StatementArguments = []) throws {
        try run(arguments) { _ in true }
    }

    /// All rows.
    public func fetchAll(arguments: StatementArguments = []) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(arguments: arguments) { rows.append($0) }
        return rows
    }

    /// The first row, or `nil`. Stops stepping after it.
    public func fetchOne(arguments: StatementArguments = []) throws -> Row? {
        var first: Row?
        try run(arguments) { statement in
            first = statement.currentRow()
            return false
        }
        return first
    }

    /// Calls `body` for each row as it is stepped, so large results never sit in memory at once.
    /// Errors thrown by `body` stop the iteration and are rethrown.
    public func forEachRow(arguments: StatementArguments = [], _ body: (Row) throws -> Void) throws {
        try run(arguments) { statement in
            try body(statement.currentRow())
            return true
        }
    }

    // MARK: - Binding

    /// Binds `arguments` to the `?` placeholders, after clearing any previous bindings.
    func bind(_ arguments: StatementArguments) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw SQLiteError(extendedResultCode: SQLITE_RANGE,
                              message: "expected \(expected) argument(s), got \(arguments.count)",
                              sql: sql, arguments: arguments, publicStatementArguments: publicArguments)
        }
        for (offset, value) in arguments.values.enumerated() {
            let code = bind(value, at: Int32(offset + 1))
            guard code == SQLITE_OK else {
                throw SQLiteError.from(handle: sqlite3_db_handle(handle), code: code, sql: sql,
                                       arguments: arguments, publicArguments: publicArguments)
            }
        }
    }

    private func bind(_ value: DatabaseValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let int):
            return sqlite3_bind_int64(handle, index, int)
        case .real(let double):
            return sqlite3_bind_double(handle, index, double)
        case .text(let text):
            // Bound with its UTF-8 length so embedded NULs survive; "" must not become NULL.
            var text = text
            return text.withUTF8 { buffer in
                if let base = buffer.baseAddress {
                    return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        sqlite3_bind_text(handle, index, $0, Int32(buffer.count), csqlite_transient())
                    }
                }
                return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
            }
        case .blob(let data):
            if data.isEmpty { return sqlite3_bind_zeroblob(handle, index, 0) }
            return data.withUnsafeBytes {
                sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient())
            }
        }
    }

    // MARK: - Stepping

    /// Binds, then steps while `onRow` returns true; always resets. A failed step drops the
    /// statement from its cache (its state after an error is not worth trusting).
    private func run(_ arguments: StatementArguments, onRow: (Statement) throws -> Bool) throws {
        isInUse = true
        defer {
            sqlite3_reset(handle)
            isInUse = false
        }
        try bind(arguments)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                cache?.remove(self)
                throw SQLiteError.from(handle: sqlite3_db_handle(handle), code: code, sql: sql,
                                       arguments: arguments, publicArguments: publicArguments)
            }
            if try !onRow(self) { return }
        }
    }

    private func currentRow() -> Row {
        let count = Int32(columnCount)
        var values: [DatabaseValue] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count { values.append(value(at: column)) }
        return Row(columnNames: columnNames, values: values, sql: sql)
    }

    private func value(at column: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL:
            return .null
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard let bytes = sqlite3_column_text(handle, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        default:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: count))
        }
    }
}
