import SQLite

// MARK: - StockTable

/// The `stock` table: one row per (warehouse, product), quantities ×100.
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

    /// Upserts the levels staged as ``HashedRecord``s of ``FlowStock`` in the attached run staging, set-based,
    /// `chunkSize` staged rows per transaction (`afterEachChunk` gets the counts so far). Needs
    /// ``FlowDatabase/withStagingAttached(_:_:)``, outside a transaction.
    public static func upsertStaged(_ staged: StagedKeys, chunkSize: Int, in db: Database,
                                    afterEachChunk: (UpsertCounts) -> Void = { _ in }) throws -> UpsertCounts {
        var counts = UpsertCounts()
        var after: String?
        repeat {
            let through = try staged.key(after: after, offset: chunkSize - 1, in: db)
            counts += try db.inTransaction { try upsertStagedChunk(staged, after: after, through: through, in: db) }
            afterEachChunk(counts)
            after = through
        } while after != nil
        return counts
    }

    /// One chunk of ``upsertStaged(_:chunkSize:in:afterEachChunk:)``: the keys in (`after`, `through`]
    /// (`through` nil = to the end), read out of their JSON once into a temporary table, counted (what will be
    /// inserted and updated), then upserted in one `INSERT … SELECT … ON CONFLICT` that rewrites a row only when
    /// its content hash differs.
    ///
    /// Why the temporary table: this SQLite (3.40) parses a payload again for every `json_extract`; counting and
    /// upserting straight from the payloads parsed each one twelve times, half of this stage's time.
    private static func upsertStagedChunk(_ staged: StagedKeys, after: String?, through: String?,
                                          in db: Database) throws -> UpsertCounts {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS staged_stock_chunk (
                warehouse_uid TEXT, product_uid TEXT, quantity, reserved, available, content_hash)
            """)
        try db.execute(sql: "DELETE FROM temp.staged_stock_chunk")
        try db.cachedStatement(sql: """
            INSERT INTO temp.staged_stock_chunk
            SELECT json_extract(p, '$.warehouseUid'), json_extract(p, '$.productUid'), json_extract(p, '$.quantity'),
                   json_extract(p, '$.reserved'), json_extract(p, '$.available'), json_extract(p, '$.contentHash')
            FROM \(StagedKeys.chunkSource(bounded: through != nil))
            """).execute(arguments: staged.chunkArguments(after: after, through: through))
        guard let tally = try db.cachedStatement(sql: """
            SELECT count(*) AS total, count(*) FILTER (WHERE s.content_hash IS NULL) AS inserted,
                   count(*) FILTER (WHERE s.content_hash IS NOT c.content_hash) AS changed
            FROM temp.staged_stock_chunk c LEFT JOIN stock s
              ON s.warehouse_uid = c.warehouse_uid AND s.product_uid = c.product_uid
            """).fetchOne() else { return UpsertCounts() }
        let total: Int = try tally.decode("total"), inserted: Int = try tally.decode("inserted")
        let changed: Int = try tally.decode("changed")
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

    /// Up to `limit` products of `warehouseUid` after `afterProductUid`, by product UID, whose quantity or
    /// reserved is not 0 and that `staged` does not hold: what a full read did not report, page by page.
    /// Needs the run's staging attached (``FlowDatabase/withStagingAttached(_:_:)``).
    public static func unreportedNonZeroKeys(warehouseUid: String, notIn staged: StagedKeys, after afterProductUid: String?,
                                             limit: Int, in db: Database) throws -> [FlowStockKey] {
        var keys: [FlowStockKey] = []
        let statement = try db.cachedStatement(sql: """
            SELECT product_uid FROM stock
            WHERE warehouse_uid = ? AND product_uid > ? AND (quantity <> 0 OR reserved <> 0)
              AND \(staged.notStaged(group: "stock.warehouse_uid", rest: "stock.product_uid"))
            ORDER BY product_uid LIMIT ?
            """)
        // `product_uid > ''` for the first page (uids are never empty): an `? IS NULL OR` would keep SQLite
        // from seeking the key and every page would scan the warehouse from its start.
        try statement.forEachRow(arguments: [warehouseUid, afterProductUid ?? "", staged.storage, limit]) { row in
            keys.append(FlowStockKey(warehouseUid: warehouseUid, productUid: try row.decode("product_uid")))
        }
        return keys
    }

    public static func count(in db: Database) throws -> Int {
        try db.fetchValue(sql: "SELECT count(*) FROM stock", as: Int.self) ?? 0
    }

    /// Whether any of `warehouseUids` has a stock row (one index seek each).
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
