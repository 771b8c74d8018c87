import CSQLite

// MARK: - SQLiteError

/// An error reported by SQLite, with what was being executed.
///
/// Why it carries the SQL and the arguments: "UNIQUE constraint failed" alone does not say which
/// statement of a stage failed. Arguments may hold customer data, so `description` redacts them
/// unless ``publicStatementArguments`` is set (GRDB's `DatabaseError` does the same).
///
/// Spec: https://www.sqlite.org/rescode.html
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT` = 19, `SQLITE_BUSY` = 5, …).
    public var resultCode: Int32 { extendedResultCode & 0xFF }
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE` = 2067, …).
    public let extendedResultCode: Int32
    /// SQLite's own message (`sqlite3_errmsg`), or omniflow's when SQLite gave none.
    public let message: String?
    /// The statement being prepared or executed, if any.
    public let sql: String?
    /// The bound arguments, if any. Shown in `description` only when ``publicStatementArguments``.
    public let arguments: StatementArguments?
    /// Opt-in to printing the arguments (tests, debugging with non-personal data).
    public var publicStatementArguments: Bool

    public init(extendedResultCode: Int32, message: String? = nil, sql: String? = nil,
                arguments: StatementArguments? = nil, publicStatementArguments: Bool = false) {
        self.extendedResultCode = extendedResultCode
        self.message = message
        self.sql = sql
        self.arguments = arguments
        self.publicStatementArguments = publicStatementArguments
    }

    // MARK: - Classification

    /// A UNIQUE, PRIMARY KEY, FOREIGN KEY, NOT NULL or CHECK constraint failed.
    public var isConstraintViolation: Bool { resultCode == SQLITE_CONSTRAINT }
    /// Another connection holds the lock past the busy timeout (`SQLITE_BUSY` or `SQLITE_LOCKED`).
    public var isBusy: Bool { resultCode == SQLITE_BUSY || resultCode == SQLITE_LOCKED }

    public static func ~= (pattern: Int32, error: SQLiteError) -> Bool {
        pattern == error.extendedResultCode || pattern == error.resultCode
    }

    // MARK: - Description

    public var description: String {
        var text = "SQLite error \(resultCode)"
        if extendedResultCode != resultCode { text += " (extended \(extendedResultCode))" }
        if let codeName = sqlite3_errstr(extendedResultCode).map({ String(cString: $0) }) {
            text += " [\(codeName)]"
        }
        if let message { text += ": \(message)" }
        if let sql { text += " - while executing `\(sql)`" }
        if let arguments, !arguments.isEmpty {
            text += publicStatementArguments
                ? " with arguments \(arguments)"
                : " with \(arguments.count) argument(s) (redacted)"
        }
        return text
    }
}

// MARK: - Building errors from a handle

extension SQLiteError {
    /// The error SQLite recorded on `handle` for a call that returned `code`.
    static func from(handle: OpaquePointer?, code: Int32, sql: String? = nil,
                     arguments: StatementArguments? = nil, publicArguments: Bool = false) -> SQLiteError {
        var extended = code
        var message: String?
        if let handle {
            let recorded = sqlite3_extended_errcode(handle)
            if recorded & 0xFF == code & 0xFF { extended = recorded }
            message = sqlite3_errmsg(handle).map { String(cString: $0) }
        }
        if message == nil { message = sqlite3_errstr(code).map { String(cString: $0) } }
        return SQLiteError(extendedResultCode: extended, message: message, sql: sql,
                           arguments: arguments?.isEmpty == false ? arguments : nil,
                           publicStatementArguments: publicArguments)
    }
}
