import Foundation

// MARK: - DatabaseQueue

/// Serialised access to one ``Database`` from any thread.
///
/// Why a lock and not an actor: stage code is synchronous batch work, and SQLite calls block anyway;
/// a lock keeps the API synchronous (`try queue.write { db in … }`) while the connection never
/// escapes its closures. The lock is recursive, so a `write` inside a `write` becomes a savepoint, and fair
/// (``FairRecursiveLock``), so two stages sharing a connection take turns.
///
/// - Throws: whatever the body throws, or ``SQLiteError``.
public final class DatabaseQueue: @unchecked Sendable {
    private let database: Database
    private let lock = FairRecursiveLock()

    /// The database file path.
    public var path: String { database.path }

    public init(path: String, configuration: Database.Configuration = Database.Configuration()) throws {
        database = try Database(path: path, configuration: configuration)
    }

    /// Runs `body` in a deferred transaction, so several reads see one snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try lock.withLock { try database.inTransaction(.deferred) { try body(database) } }
    }

    /// Runs `body` in an immediate transaction: committed when it returns, rolled back when it throws.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try lock.withLock { try database.inTransaction(.immediate) { try body(database) } }
    }

    /// Runs `body` with the connection outside any transaction (migrations, VACUUM, PRAGMAs that
    /// cannot run in a transaction). The body manages its own transactions.
    public func writeWithoutTransaction<T>(_ body: (Database) throws -> T) rethrows -> T {
        try lock.withLock { try body(database) }
    }
}
