import SQLite

// MARK: - StockTable

/// The `stock` table: one row per (warehouse, product), quantities ×100.
///
/// Rows are upserted by key and written only when a level changed. Items Omnium stops reporting
/// keep their last level: a delta run reports only changes, so absence means "unchanged", never 0.
/// Callers wrap batches in a transaction; each call is atomic on its own (a savepoint).
/// Spec: flow-integration.md §5.2; omnium-contract.md §8.
public enum StockTable {
    private static let writer = HashedRowWriter(table: "stock", keyColumns: ["warehouse_uid", "product_uid"],
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
