import Foundation
import SQLite

// MARK: - StockPushPendingTable

/// SQL for `stock_push_pending`: the stock levels changed in Flow and not yet pushed to Omnium, one row per
/// (warehouse, product), written in the same transaction as the movement that changed the level.
///
/// Why markers in the Flow store and not one sync job per level: a Flow-master warehouse counts 100,000
/// levels, and claiming and completing a job per level was 200,000 row updates in `sync_jobs` (most of the
/// push's CPU). The queue now holds one job per warehouse (`external_stock_sync`, key = warehouse); the job
/// reads this table a page at a time and clears the markers of each page once Omnium has taken it.
///
/// `change_seq` is the `flow_changes` entry of the latest change (never reused: AUTOINCREMENT), so a push
/// clears a marker only if no change came after the level it sent; a level changed while its push ran stays
/// pending and goes with the next push (docs/mapping-outbound.md "Stock").
public enum StockPushPendingTable {
    public static let migrations: [(name: String, sql: String)] = [
        (name: "pos.stock_push_pending", sql: """
            CREATE TABLE stock_push_pending (
                warehouse_uid TEXT NOT NULL,
                product_uid   TEXT NOT NULL,
                change_seq    INTEGER NOT NULL,
                PRIMARY KEY (warehouse_uid, product_uid)
            ) WITHOUT ROWID;
            INSERT OR IGNORE INTO stock_push_pending (warehouse_uid, product_uid, change_seq)
                SELECT substr(object_key, 1, instr(object_key, '/') - 1), substr(object_key, instr(object_key, '/') + 1),
                       max(seq)
                FROM flow_changes WHERE entity = 'stock' AND instr(object_key, '/') > 0 GROUP BY object_key;
            """),
    ]

    /// One pending level: the product, the journal entry of its latest change and the level now (×100; nil when
    /// the warehouse has no stock row for it).
    public struct PendingLevel: Sendable, Hashable {
        public var productUid: String
        public var changeSeq: Int64
        public var quantity: Int64?

        public init(productUid: String, changeSeq: Int64, quantity: Int64?) {
            self.productUid = productUid
            self.changeSeq = changeSeq
            self.quantity = quantity
        }
    }

    /// Marks the level of (warehouse, product) pending, as changed by journal entry `changeSeq`.
    public static func mark(warehouseUid: String, productUid: String, changeSeq: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO stock_push_pending (warehouse_uid, product_uid, change_seq) VALUES (?1, ?2, ?3)
            ON CONFLICT (warehouse_uid, product_uid) DO UPDATE SET change_seq = ?3
            """, arguments: [warehouseUid, productUid, changeSeq])
    }

    /// Up to `limit` pending levels of `warehouseUid` with a product uid after `afterProduct` (keyset paging,
    /// product order), each with its current level, read in one snapshot.
    public static func pending(warehouseUid: String, after afterProduct: String, limit: Int, in db: Database) throws -> [PendingLevel] {
        let statement = try db.cachedStatement(sql: """
            SELECT p.product_uid, p.change_seq, s.quantity FROM stock_push_pending AS p
            LEFT JOIN stock AS s ON s.warehouse_uid = p.warehouse_uid AND s.product_uid = p.product_uid
            WHERE p.warehouse_uid = ? AND p.product_uid > ? ORDER BY p.product_uid LIMIT ?
            """)
        var levels: [PendingLevel] = []
        levels.reserveCapacity(min(limit, 1_000))
        try statement.forEachRow(arguments: [warehouseUid, afterProduct, limit]) { row in
            levels.append(PendingLevel(productUid: try row.decode("product_uid"), changeSeq: try row.decode("change_seq"),
                                       quantity: try row.decodeIfPresent("quantity")))
        }
        return levels
    }

    /// Clears the markers of `levels` (of `warehouseUid`) whose level was sent: only those still at the change
    /// that was read, so a change made meanwhile stays pending.
    /// - Returns: how many markers were cleared.
    @discardableResult
    public static func clear(_ levels: [PendingLevel], warehouseUid: String, in db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            DELETE FROM stock_push_pending WHERE warehouse_uid = ? AND product_uid = ? AND change_seq = ?
            """)
        var cleared = 0
        for level in levels {
            try statement.execute(arguments: [warehouseUid, level.productUid, level.changeSeq])
            cleared += db.changesCount
        }
        return cleared
    }

    /// A page of pending levels as ``pending(warehouseUid:after:limit:in:)`` read it: the markers after `after` up to
    /// and including `last` (product order), the newest change among them. What the page form of `clear`
    /// needs to clear the page in one statement.
    public struct Page: Sendable, Hashable {
        public var after: String
        public var last: String
        public var newestChangeSeq: Int64

        /// The page of `levels`, read with `after`; nil for an empty page.
        public init?(_ levels: [PendingLevel], after: String) {
            guard let last = levels.last, let newest = levels.map(\.changeSeq).max() else { return nil }
            self.after = after
            self.last = last.productUid
            newestChangeSeq = newest
        }
    }

    /// Clears the markers of a page whose levels were sent, in one statement: the markers of the page's range that
    /// are at a change no newer than the newest one read. Exactly those the level form of `clear`
    /// clears for the page's levels:
    /// - every marker of the range when the page was read was in the page (keyset page: all markers after `after`
    ///   in product order, up to its `limit`, read in one snapshot), at a change no newer than `newestChangeSeq`;
    /// - a change made after the read, to a level of the page or to a new one in its range, has a newer journal entry
    ///   (`flow_changes.seq` is AUTOINCREMENT, assigned in write transactions, which SQLite runs one at a time), so its
    ///   marker stays pending.
    ///
    /// Why: one `DELETE` per level was 1,000 statements per 1,000-level call, about a fifth of the client's CPU in a
    /// 100,000-level push.
    /// - Returns: how many markers were cleared.
    @discardableResult
    public static func clear(_ page: Page, warehouseUid: String, in db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            DELETE FROM stock_push_pending
            WHERE warehouse_uid = ? AND product_uid > ? AND product_uid <= ? AND change_seq <= ?
            """)
        try statement.execute(arguments: [warehouseUid, page.after, page.last, page.newestChangeSeq])
        return db.changesCount
    }

    /// How many levels of `warehouseUid` are pending (for tests and `omniflow queues`).
    public static func count(warehouseUid: String, in db: Database) throws -> Int {
        try db.fetchValue(sql: "SELECT count(*) FROM stock_push_pending WHERE warehouse_uid = ?", arguments: [warehouseUid],
                          as: Int.self) ?? 0
    }
}
