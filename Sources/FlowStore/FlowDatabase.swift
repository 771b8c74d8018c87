import Foundation
import SQLite

/// Flow Retail's side of the integration: `flow.db`, the POS back office as omniflow sees it.
///
/// One SQLite file holding stores, catalogue, prices, stock, purchase orders, orders and customers in
/// Flow's names and units. Each table group keeps its SQL in its own file under `Tables/`; this type
/// only opens the file and applies every group's named migrations (an applied migration is never
/// edited; a change is a new, newly named step appended to its group's list, and an existing
/// `flow.db` applies exactly that step: see `DatabaseMigrator`).
public final class FlowDatabase: Sendable {
    public let queue: DatabaseQueue

    public var path: String { queue.path }

    public init(path: String) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        queue = try DatabaseQueue(path: path)
        try Self.migrator.migrate(queue)
        // The temporary tables of the set-based loads (`temp.staged_stock_chunk`, `temp.reported_stock_keys`) keep
        // their rollback journal in memory, not in a new file: SQLite drops the temporary database with the
        // connection, so the journal only ever serves a rollback, which works from memory too. Why: each chunk's
        // `DELETE` and inserts journaled their pages to disk, and the file's new blocks were zeroed by the kernel:
        // about a quarter of a 1 % stock update's load at 10,000 products (issue 8). The tables themselves still
        // spill to their file beyond the page cache, so a full read's reported keys take no more memory than before.
        try queue.writeWithoutTransaction { db in _ = try db.fetchOne(sql: "PRAGMA temp.journal_mode = MEMORY") }
    }

    /// Reads in a consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T { try queue.read(body) }

    /// Writes in one IMMEDIATE transaction: all of `body` or nothing.
    public func write<T>(_ body: (Database) throws -> T) throws -> T { try queue.write(body) }

    /// Copies the pages waiting in the WAL into the database file now, as far as no reader holds them
    /// (`PRAGMA wal_checkpoint(PASSIVE)`, which waits for no one); returns how many remain in the WAL.
    ///
    /// Why: SQLite copies them at whichever commit finds 1,000 pages in the WAL, so the next run's first write
    /// paid for the pages this run's loads left behind. A run calls this when it ends (``StageRunner``): a
    /// 1 % catalogue update at 10,000 products spent 8 ms of its load.inventory copying the full load's pages.
    @discardableResult
    public func checkpointWAL() throws -> Int {
        try queue.writeWithoutTransaction { db in
            // One row: busy (1 when a reader or writer kept it from finishing), pages in the WAL, pages copied.
            guard let row = try db.fetchOne(sql: "PRAGMA wal_checkpoint(PASSIVE)") else { return 0 }
            // Both are -1 when the database is not in WAL mode (an in-memory store).
            let inWAL: Int = try row.decode("log"), copied: Int = try row.decode("checkpointed")
            return inWAL < 0 ? 0 : inWAL - copied
        }
    }

    /// Writes in one IMMEDIATE transaction, as ``write(_:)``, with SQLite's foreign-key checks off for
    /// its statements and back as they were afterwards (also when it throws).
    ///
    /// Only for a writer that inserts child rows solely for parent rows it inserted itself in the same
    /// transaction (``PosOrdersTable/insertAll(_:in:)``: an order's lines and payments are written only
    /// after that order's INSERT returned it), so every reference holds by construction. Why: each
    /// checked child row costs a lookup in the parent's index, about 8 % of a SAF-T import's CPU.
    /// `foreign_keys` can only change outside a transaction, so the switch happens under the queue's lock
    /// around the transaction, and no other write runs in between.
    public func writeCheckingNoForeignKeys<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            let wasOn = try db.fetchValue(sql: "PRAGMA foreign_keys", as: Int.self) == 1
            guard wasOn else { return try db.inTransaction(.immediate) { try body(db) } }
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            let result: T
            do {
                result = try db.inTransaction(.immediate) { try body(db) }
            } catch {
                try? db.execute(sql: "PRAGMA foreign_keys = ON")   // the body's error is the one to report
                throw error
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            return result
        }
    }

    /// Many IMMEDIATE transactions with SQLite's foreign-key checks off, for a bulk writer of the kind
    /// ``writeCheckingNoForeignKeys(_:)`` describes (a journal import's batches): `body` runs each batch
    /// with ``UncheckedWrites/write(_:)``. The checks go off once, before `body`, and back as they were
    /// after it, also when it throws.
    ///
    /// Why not ``writeCheckingNoForeignKeys(_:)`` per batch: switching `foreign_keys` expires every
    /// prepared statement of the connection, so SQLite compiled the batch's multi-row INSERTs again for
    /// every batch (3-7 % of a SAF-T import's CPU). The queue's lock is held for the whole of `body`, so
    /// no other thread reads or writes this FlowDatabase meanwhile (and none writes unchecked); reads
    /// from `body` itself nest as usual.
    /// - Throws: what `body` throws, or ``SQLiteError`` switching the checks.
    public func withForeignKeyChecksOff<T>(_ body: (UncheckedWrites) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            let wasOn = try db.fetchValue(sql: "PRAGMA foreign_keys", as: Int.self) == 1
            guard wasOn else { return try body(UncheckedWrites(db: db, checksWereOn: false)) }
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            let result: T
            do {
                result = try body(UncheckedWrites(db: db, checksWereOn: true))
            } catch {
                try? db.execute(sql: "PRAGMA foreign_keys = ON")   // the body's error is the one to report
                throw error
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            return result
        }
    }

    /// Transactions on a connection whose foreign-key checks are off (``withForeignKeyChecksOff(_:)``);
    /// valid only inside that call's body.
    public struct UncheckedWrites {
        let db: Database
        let checksWereOn: Bool

        /// One IMMEDIATE transaction, foreign keys unchecked: all of `body` or nothing.
        public func write<T>(_ body: (Database) throws -> T) throws -> T {
            try db.inTransaction(.immediate) { try body(db) }
        }

        /// One IMMEDIATE transaction with the checks as they were before (on, normally), for writes that
        /// need them (a refused batch written again one order at a time); off again afterwards.
        public func writeChecked<T>(_ body: (Database) throws -> T) throws -> T {
            guard checksWereOn else { return try write(body) }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = OFF") }   // failing leaves them on: slower, never unsafe
            return try write(body)
        }
    }

    /// Runs `body` with the SQLite file at `path` attached as schema `staging`, detached afterwards, for
    /// set-based queries across both files (a full read's reconciliation against the run's staged keys,
    /// ``StagedKeys``). ATTACH cannot run inside a transaction, so `body` gets the connection outside
    /// one and opens its own (`db.inTransaction`); it must not call ``read(_:)`` or ``write(_:)``.
    public func withStagingAttached<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS \(StagedKeys.schema)", arguments: [path])
            let result: T
            do {
                result = try body(db)
            } catch {
                try? db.execute(sql: "DETACH DATABASE \(StagedKeys.schema)")  // the body's error is the one to report
                throw error
            }
            try db.execute(sql: "DETACH DATABASE \(StagedKeys.schema)")
            return result
        }
    }

    /// How many rows the main tables hold, in a fixed order (for run summaries and the demo).
    public func rowCounts() throws -> [(table: String, count: Int)] {
        let tables = ["organizations", "stores", "warehouses", "opening_hours", "brands", "product_groups", "products",
                      "price_lists", "prices", "stock", "purchase_orders", "purchase_order_lines", "orders",
                      "order_items", "customers", "pos_orders", "pos_order_lines", "pos_payments", "goods_receptions",
                      "stock_movements"]
        return try read { db in
            try tables.map { table in
                (table, try db.fetchValue(sql: "SELECT count(*) FROM \(table)", as: Int.self) ?? 0)
            }
        }
    }

    /// Every table group's migrations. Steps are recorded by name, so a group may grow its list
    /// without disturbing the others.
    static let migrations: [(name: String, sql: String)] =
        StoresTable.migrations
        + CatalogueMigrations.migrations
        + PurchaseOrdersTable.migrations
        + CustomersTable.migrations
        + OrdersTable.migrations
        + PosMigrations.migrations
        + StockPushPendingTable.migrations

    /// The steps a `flow.db` made before migrations were named counted in `user_version` (frozen).
    static let legacyVersionSteps = ["stores.v1", "catalogue.v1", "purchase_orders.v1", "customers.v1", "orders.v1"]

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator(legacyVersionSteps: legacyVersionSteps)
        for migration in migrations {
            migrator.registerMigration(migration.name) { try $0.executeScript(migration.sql) }
        }
        return migrator
    }()
}
