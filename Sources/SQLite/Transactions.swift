import CSQLite

// MARK: - TransactionKind

/// How a transaction takes its locks.
///
/// Why writes use `.immediate`: a deferred transaction that reads first and writes later can fail
/// with `SQLITE_BUSY` half-way without the busy timeout helping; an immediate one waits for the
/// write lock up front. Spec: https://www.sqlite.org/lang_transaction.html
public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

// MARK: - Transactions and savepoints

extension Database {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws and
    /// rethrows the first error. Called inside a transaction, it becomes a savepoint
    /// (``inSavepoint(_:)``), so a failing inner step keeps the outer work.
    ///
    /// No rollback is issued when SQLite has already rolled back on its own (e.g. `SQLITE_FULL`).
    /// - Throws: the body's error, or a ``SQLiteError`` from BEGIN/COMMIT.
    @discardableResult
    public func inTransaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if isInsideTransaction { return try inSavepoint(body) }
        try execute(sql: "BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body()
            try execute(sql: "COMMIT TRANSACTION")
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return result
    }

    /// Runs `body` in a savepoint: released when it returns, rolled back (and released) when it
    /// throws, so everything done before it in the enclosing transaction is kept.
    /// Outside a transaction it opens an immediate one.
    /// - Throws: the body's error, or a ``SQLiteError`` from SAVEPOINT/RELEASE.
    @discardableResult
    public func inSavepoint<T>(_ body: () throws -> T) throws -> T {
        if !isInsideTransaction { return try inTransaction(.immediate, body) }
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "omniflow_savepoint_\(savepointDepth)"
        try execute(sql: "SAVEPOINT \(name)")
        let result: T
        do {
            result = try body()
            try execute(sql: "RELEASE SAVEPOINT \(name)")
        } catch {
            // When SQLite already rolled the whole transaction back, the savepoint is gone.
            if isInsideTransaction {
                try? execute(sql: "ROLLBACK TRANSACTION TO SAVEPOINT \(name)")
                try? execute(sql: "RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
        return result
    }

    private func rollbackIfNeeded() {
        guard isInsideTransaction else { return }
        try? execute(sql: "ROLLBACK TRANSACTION")
    }
}
