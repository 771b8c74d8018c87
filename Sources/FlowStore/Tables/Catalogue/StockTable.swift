import Foundation
import SQLite

// MARK: - StockTable

/// The `stock` table: one row per (warehouse, product), quantities ×100, keyed by product first (a product's
/// levels in every warehouse side by side: ``CatalogueMigrations``, "catalogue.stock-by-product").
///
/// Rows are upserted by key and written only when a level changed. Items Omnium stops reporting
/// keep their last level: a delta run reports only changes, so absence means "unchanged", never 0.
/// Only a full read's reconciliation sets the levels it did not see to 0 (`unreportedNonZeroKeys`, then
/// `upsert` with zero levels): Flow keeps the row, since the product still exists and may get stock again.
/// Callers wrap batches in a transaction; each call is atomic on its own (a savepoint).
/// Spec: flow-integration.md §5.2; omnium-contract.md §8.
public enum StockTable {
    static let writer = HashedRowWriter(table: "stock", keyColumns: ["warehouse_uid", "product_uid"],
                                                valueColumns: ["quantity", "reserved", "available"])

    public static func upsert(_ stock: [FlowStock], in db: Database) throws -> UpsertCounts {
        try db.inSavepoint {
            var counts = UpsertCounts()
            for level in stock {
                counts.record(try writer.write(key: [level.warehouseUid, level.productUid],
                                               values: [level.quantity, level.reserved, level.available],
                                               hash: level.contentHash, in: db))
            }
            return counts
        }
    }

    /// Upserts the levels staged in the attached run staging, set-based, `chunkSize` staged rows per transaction
    /// (`afterEachChunk` gets the counts so far). A staged row is one product: the list of its levels, each a
    /// ``HashedRecord`` of ``FlowStock`` (``HashedRecord/stagedJSONList(_:)``). Needs
    /// ``FlowDatabase/withStagingAttached(_:_:)``, outside a transaction. With `reportingKeys` (inside
    /// ``withReportedKeys(in:_:)``), each level's (warehouse, product) also goes into `temp.reported_stock_keys`
    /// for a full read's reconciliation, so the staged rows are read once for both.
    public static func upsertStaged(_ staged: StagedKeys, chunkSize: Int, reportingKeys: Bool = false, in db: Database,
                                    afterEachChunk: (UpsertCounts) -> Void = { _ in }) throws -> UpsertCounts {
        var counts = UpsertCounts()
        var after: String?
        var warehouses = WarehousesWithoutStock()
        repeat {
            let through = try staged.key(after: after, offset: chunkSize - 1, in: db)
            counts += try db.inTransaction {
                try upsertStagedChunk(staged, after: after, through: through, warehouses: &warehouses,
                                      reportingKeys: reportingKeys, in: db)
            }
            afterEachChunk(counts)
            after = through
        } while after != nil
        return counts
    }

    /// One chunk of ``upsertStaged(_:chunkSize:in:afterEachChunk:)``: the levels of the products keyed in
    /// (`after`, `through`] (`through` nil = to the end), read out of their rows into a temporary table, counted
    /// (what will be inserted and updated), then upserted in one `INSERT … SELECT … ON CONFLICT` that rewrites a
    /// row only when its content hash differs.
    ///
    /// A level of a warehouse that had no stock row before this load (a first load) is inserted at once instead:
    /// nothing can be there to compare with, so the temporary table, the count and the upsert's look-up are work
    /// for nothing (a third of the load's SQLite time at 200,000 levels). Should a row be there after all, the
    /// insert does nothing and the level takes the compared way like any other.
    ///
    /// Why the rows are read in Swift: SQLite's `json_each` gives each level of a product's list as new text that
    /// `json_extract` parses again, twice the work of a row per level; the writer's own reader
    /// (``StagedJSONReader``) reads a list in one pass and the levels are bound as they come.
    private static func upsertStagedChunk(_ staged: StagedKeys, after: String?, through: String?,
                                          warehouses: inout WarehousesWithoutStock, reportingKeys: Bool,
                                          in db: Database) throws -> UpsertCounts {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS staged_stock_chunk (
                warehouse_uid TEXT, product_uid TEXT, quantity, reserved, available, content_hash)
            """)
        try db.execute(sql: "DELETE FROM temp.staged_stock_chunk")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO temp.staged_stock_chunk (warehouse_uid, product_uid, quantity, reserved, available, content_hash)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        let insertNew = try db.cachedStatement(sql: """
            INSERT INTO stock (warehouse_uid, product_uid, quantity, reserved, available, content_hash)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (warehouse_uid, product_uid) DO NOTHING
            """)
        let reportNew = reportingKeys ? try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO temp.reported_stock_keys (warehouse_uid, product_uid) VALUES (?, ?)
            """) : nil
        var insertedAtOnce = 0
        try forEachStagedLevel(staged, after: after, through: through, in: db) { level in
            func bindLevel(_ bindings: inout StatementBindings) {
                bindings.bind(level.warehouseUid)
                bindings.bind(level.productUid)
                bindings.bind(level.quantity)
                bindings.bind(level.reserved)
                bindings.bind(level.available)
                bindings.bind(level.contentHash)
            }
            if try warehouses.hadNoStock(level.warehouseUid, in: db) {
                try insertNew.execute(bindLevel)
                if db.changesCount == 1 {
                    insertedAtOnce += 1
                    try reportNew?.execute { bindings in
                        bindings.bind(level.warehouseUid)
                        bindings.bind(level.productUid)
                    }
                    return
                }
            }
            try insert.execute(bindLevel)
        }
        guard let tally = try db.cachedStatement(sql: """
            SELECT count(*) AS total, count(*) FILTER (WHERE s.content_hash IS NULL) AS inserted,
                   count(*) FILTER (WHERE s.content_hash IS NOT c.content_hash) AS changed
            FROM temp.staged_stock_chunk c LEFT JOIN stock s
              ON s.warehouse_uid = c.warehouse_uid AND s.product_uid = c.product_uid
            """).fetchOne() else { return UpsertCounts() }
        let total: Int = try tally.decode("total") + insertedAtOnce
        let inserted: Int = try tally.decode("inserted") + insertedAtOnce
        let changed: Int = try tally.decode("changed") + insertedAtOnce
        if reportingKeys {
            // The levels inserted at once were reported as they went in; these are the compared ones.
            try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO temp.reported_stock_keys (warehouse_uid, product_uid)
                SELECT warehouse_uid, product_uid FROM temp.staged_stock_chunk
                """).execute()
        }
        try db.cachedStatement(sql: """
            INSERT INTO stock (warehouse_uid, product_uid, quantity, reserved, available, content_hash)
            SELECT warehouse_uid, product_uid, quantity, reserved, available, content_hash
            FROM temp.staged_stock_chunk WHERE true
            ON CONFLICT (warehouse_uid, product_uid) DO UPDATE SET
                quantity = excluded.quantity, reserved = excluded.reserved, available = excluded.available,
                content_hash = excluded.content_hash
            WHERE stock.content_hash IS NOT excluded.content_hash
            """).execute()
        return UpsertCounts(inserted: inserted, updated: changed - inserted, unchanged: total - changed)
    }

    /// Calls `body` with each level of the staged products keyed in (`after`, `through`] (`through` nil = to the
    /// end), in key order. Needs the run's staging attached.
    /// - Throws: ``StagedStockError`` naming a product whose row cannot be read; `SQLiteError`.
    static func forEachStagedLevel(_ staged: StagedKeys, after: String?, through: String?, in db: Database,
                                   _ body: (StagedStockLevel) throws -> Void) throws {
        let rows = try db.cachedStatement(sql: """
            SELECT key, payload FROM \(StagedKeys.schema).dataset_rows
            WHERE dataset = ? AND key > ?\(through == nil ? "" : " AND key <= ?") ORDER BY key
            """)
        try rows.forEachRow(arguments: staged.chunkArguments(after: after, through: through)) { row in
            let productUid: String = try row.decode("key")
            for level in try StagedStockLevel.list(try row.decode("payload"), productUid: productUid) { try body(level) }
        }
    }

    /// Runs `body` with an empty `temp.reported_stock_keys`, which ``upsertStaged(_:chunkSize:reportingKeys:in:afterEachChunk:)``
    /// fills with every (warehouse, product) it loads (what a full read reported), for
    /// ``unreportedNonZeroKeys(warehouseUid:after:limit:in:)``; the table is dropped afterwards.
    ///
    /// Why a table of keys: the staged rows are products, each the list of its levels, and asking a product's
    /// list for one warehouse per stock row would parse it again for each of its warehouses. The temporary table
    /// is on disk like any (SQLite's default), so memory stays flat.
    public static func withReportedKeys<T>(in db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "DROP TABLE IF EXISTS temp.reported_stock_keys")
        try db.execute(sql: """
            CREATE TEMP TABLE reported_stock_keys (
                warehouse_uid TEXT NOT NULL, product_uid TEXT NOT NULL, PRIMARY KEY (warehouse_uid, product_uid)
            ) WITHOUT ROWID
            """)
        defer { try? db.execute(sql: "DROP TABLE IF EXISTS temp.reported_stock_keys") }
        return try body()
    }

    /// Up to `limit` stock rows of `warehouseUids` after `after`, in key order (product, then warehouse), whose
    /// quantity or reserved is not 0 and that the full read did not report (not in `temp.reported_stock_keys`),
    /// page by page. Runs inside ``withReportedKeys(in:_:)``, after the upsert that reported the keys.
    ///
    /// Why all the warehouses in one pass: the table is keyed by product first (``CatalogueMigrations``), so a
    /// question per warehouse would read the whole table once for each of them.
    public static func unreportedNonZeroKeys(warehouseUids: [String], after: FlowStockKey?,
                                             limit: Int, in db: Database) throws -> [FlowStockKey] {
        guard !warehouseUids.isEmpty else { return [] }
        let statement = try db.cachedStatement(sql: """
            SELECT warehouse_uid, product_uid FROM stock
            WHERE (product_uid, warehouse_uid) > (?, ?)
              AND warehouse_uid IN (SELECT value FROM json_each(?))
              AND (quantity <> 0 OR reserved <> 0)
              AND NOT EXISTS (SELECT 1 FROM temp.reported_stock_keys r
                              WHERE r.warehouse_uid = stock.warehouse_uid AND r.product_uid = stock.product_uid)
            ORDER BY product_uid, warehouse_uid LIMIT ?
            """)
        let warehouses = String(decoding: try JSONEncoder().encode(warehouseUids), as: UTF8.self)
        var keys: [FlowStockKey] = []
        // ('', '') for the first page (uids are never empty): an `? IS NULL OR` would keep SQLite from seeking
        // the key, and every page would read the table from its start.
        try statement.forEachRow(arguments: [after?.productUid ?? "", after?.warehouseUid ?? "", warehouses, limit]) { row in
            keys.append(FlowStockKey(warehouseUid: try row.decode("warehouse_uid"), productUid: try row.decode("product_uid")))
        }
        return keys
    }

    public static func count(in db: Database) throws -> Int {
        try db.fetchValue(sql: "SELECT count(*) FROM stock", as: Int.self) ?? 0
    }

    /// Whether any of `warehouseUids` has a stock row: the table read in key order until one is found (it is
    /// keyed by product first), so the whole table for a warehouse without stock.
    public static func hasRows(inWarehouses warehouseUids: [String], in db: Database) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM stock WHERE warehouse_uid = ? LIMIT 1")
        for warehouseUid in warehouseUids where try statement.fetchOne(arguments: [warehouseUid]) != nil { return true }
        return false
    }

    public static func fetch(warehouseUid: String, productUid: String, in db: Database) throws -> FlowStock? {
        try db.fetchOne(sql: """
            SELECT warehouse_uid, product_uid, quantity, reserved FROM stock WHERE warehouse_uid = ? AND product_uid = ?
            """, arguments: [warehouseUid, productUid]).map(stock(from:))
    }

    public static func fetchAll(warehouseUid: String, in db: Database) throws -> [FlowStock] {
        try db.fetchAll(sql: """
            SELECT warehouse_uid, product_uid, quantity, reserved FROM stock WHERE warehouse_uid = ? ORDER BY product_uid
            """, arguments: [warehouseUid]).map(stock(from:))
    }

    private static func stock(from row: Row) throws -> FlowStock {
        FlowStock(warehouseUid: try row.decode("warehouse_uid"), productUid: try row.decode("product_uid"),
                  quantity: try row.decode("quantity"), reserved: try row.decode("reserved"))
    }
}

// MARK: - FlowStockKey

/// A stock row's key: (warehouse, product).
public struct FlowStockKey: Hashable, Sendable, Comparable {
    public var warehouseUid: String
    public var productUid: String

    public init(warehouseUid: String, productUid: String) {
        self.warehouseUid = warehouseUid
        self.productUid = productUid
    }

    public static func < (lhs: FlowStockKey, rhs: FlowStockKey) -> Bool {
        (lhs.warehouseUid, lhs.productUid) < (rhs.warehouseUid, rhs.productUid)
    }
}

/// Which warehouses had no stock row when a load first met them, asked once per warehouse (``StockTable``'s
/// staged upsert inserts their levels at once). Asked at the first level of a warehouse, before the load has
/// written any row of it, so a row found later in that warehouse is one this load wrote. A warehouse with stock
/// is found within its first products; one without reads the whole table, once, before its first load.
struct WarehousesWithoutStock {
    private var answers: [String: Bool] = [:]

    mutating func hadNoStock(_ warehouseUid: String, in db: Database) throws -> Bool {
        if let known = answers[warehouseUid] { return known }
        let empty = try !StockTable.hasRows(inWarehouses: [warehouseUid], in: db)
        answers[warehouseUid] = empty
        return empty
    }
}
