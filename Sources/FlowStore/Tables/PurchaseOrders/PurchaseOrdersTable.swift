import Foundation
import SQLite

// MARK: - PurchaseOrdersTable

/// The `purchase_orders` and `purchase_order_lines` tables of `flow.db`.
///
/// A PO is saved as a whole: header upserted, lines upserted, lines no longer in the snapshot deleted
/// (flow-integration.md §9.1), all inside one savepoint so a failing PO leaves no half-written lines
/// and the caller's batch transaction keeps the others. Only rows whose content hash changed are written.
public enum PurchaseOrdersTable {

    // MARK: - Schema

    /// Register in this order on FlowStore's migrator (`migrator.registerMigration(m.name) { try $0.executeScript(m.sql) }`).
    public static let migrations: [(name: String, sql: String)] = [
        (name: "purchase_orders.v1", sql: """
            CREATE TABLE purchase_orders (
                purchase_order_uid TEXT PRIMARY KEY NOT NULL,
                omnium_purchase_order_id TEXT NOT NULL,
                omnium_delivery_id TEXT,
                purchase_order_number TEXT,
                supplier_uid TEXT NOT NULL,
                supplier_name TEXT,
                currency TEXT,
                supplier_reference_number TEXT,
                note TEXT,
                status TEXT NOT NULL,
                store_uid TEXT,
                warehouse_uid TEXT,
                expected_delivery_date TEXT,
                omnium_status TEXT,
                omnium_modified TEXT,
                content_hash INTEGER NOT NULL
            );
            CREATE INDEX purchase_orders_omnium_id ON purchase_orders (omnium_purchase_order_id);
            CREATE TABLE purchase_order_lines (
                purchase_order_uid TEXT NOT NULL REFERENCES purchase_orders (purchase_order_uid) ON DELETE CASCADE,
                line_uid TEXT NOT NULL,
                omnium_line_item_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                sku TEXT NOT NULL,
                ean TEXT,
                name TEXT,
                supplier_sku TEXT,
                quantity_ordered INTEGER NOT NULL,
                quantity_received INTEGER NOT NULL,
                unit_price INTEGER NOT NULL,
                warehouse_uid TEXT,
                expected_delivery_date TEXT,
                omnium_delivery_id TEXT,
                content_hash INTEGER NOT NULL,
                PRIMARY KEY (purchase_order_uid, line_uid)
            ) WITHOUT ROWID;
            """),
    ]

    // MARK: - Counts

    /// What saving purchase orders did, per table.
    public struct SaveCounts: Hashable, Sendable {
        public var purchaseOrders = UpsertCounts()
        /// `deleted` = lines removed in Omnium (or moved to another delivery).
        public var lines = UpsertCounts()
        public init() {}

        public static func += (lhs: inout SaveCounts, rhs: SaveCounts) {
            lhs.purchaseOrders += rhs.purchaseOrders
            lhs.lines += rhs.lines
        }
    }

    // MARK: - Writing

    /// Saves the POs in one transaction (a savepoint inside the caller's), all or nothing.
    /// To quarantine a failing PO and keep the rest, call `save(_:in:)` per PO inside your own transaction.
    /// - Throws: `SQLiteError` naming the SQL.
    @discardableResult
    public static func save(_ snapshots: [FlowPurchaseOrderSnapshot], in db: Database) throws -> SaveCounts {
        var counts = SaveCounts()
        try db.inTransaction {
            for snapshot in snapshots {
                counts += try save(snapshot, in: db)
            }
        }
        return counts
    }

    /// Saves one PO: header upsert, line upserts, deletion of lines not in `snapshot.lines`.
    @discardableResult
    public static func save(_ snapshot: FlowPurchaseOrderSnapshot, in db: Database) throws -> SaveCounts {
        try db.inSavepoint {
            var counts = SaveCounts()
            let order = snapshot.purchaseOrder
            counts.purchaseOrders.record(try headerWriter.write(key: [order.purchaseOrderUid], values: order.columnValues,
                                                                hash: order.contentHash, in: db))
            for line in snapshot.lines {
                precondition(line.purchaseOrderUid == order.purchaseOrderUid,
                             "line \(line.lineUid) belongs to \(line.purchaseOrderUid), not \(order.purchaseOrderUid)")
                counts.lines.record(try lineWriter.write(key: [line.purchaseOrderUid, line.lineUid],
                                                         values: line.columnValues, hash: line.contentHash, in: db))
            }
            let keep = Set(snapshot.lines.map(\.lineUid))
            let storedUids: [String] = try db.cachedStatement(
                sql: "SELECT line_uid FROM purchase_order_lines WHERE purchase_order_uid = ?")
                .fetchAll(arguments: [order.purchaseOrderUid]).compactMap { $0["line_uid"] }
            for uid in storedUids where !keep.contains(uid) {
                try db.cachedStatement(sql: "DELETE FROM purchase_order_lines WHERE purchase_order_uid = ? AND line_uid = ?")
                    .execute(arguments: [order.purchaseOrderUid, uid])
                counts.lines.deleted += 1
            }
            return counts
        }
    }

    // MARK: - Reading

    public static func fetchSnapshot(purchaseOrderUid: String, in db: Database) throws -> FlowPurchaseOrderSnapshot? {
        guard let row = try db.fetchOne(sql: "SELECT * FROM purchase_orders WHERE purchase_order_uid = ?",
                                        arguments: [purchaseOrderUid]) else { return nil }
        let lines = try db.fetchAll(
            sql: "SELECT * FROM purchase_order_lines WHERE purchase_order_uid = ? ORDER BY position, line_uid",
            arguments: [purchaseOrderUid]).map(FlowPurchaseOrderLine.init(row:))
        return FlowPurchaseOrderSnapshot(purchaseOrder: try FlowPurchaseOrder(row: row), lines: lines)
    }

    /// Every Flow PO made from one Omnium PO (one, or one per delivery), by uid.
    public static func fetchSnapshots(omniumPurchaseOrderId: String, in db: Database) throws -> [FlowPurchaseOrderSnapshot] {
        let uids: [String] = try db.fetchAll(
            sql: "SELECT purchase_order_uid FROM purchase_orders WHERE omnium_purchase_order_id = ? ORDER BY purchase_order_uid",
            arguments: [omniumPurchaseOrderId]).compactMap { $0["purchase_order_uid"] }
        return try uids.compactMap { try fetchSnapshot(purchaseOrderUid: $0, in: db) }
    }

    public static func fetchAllPurchaseOrders(in db: Database) throws -> [FlowPurchaseOrder] {
        try db.fetchAll(sql: "SELECT * FROM purchase_orders ORDER BY purchase_order_uid").map(FlowPurchaseOrder.init(row:))
    }

    // MARK: - Private

    static let headerWriter = HashedRowWriter(
        table: "purchase_orders", keyColumns: ["purchase_order_uid"], valueColumns: FlowPurchaseOrder.valueColumns)
    static let lineWriter = HashedRowWriter(
        table: "purchase_order_lines", keyColumns: ["purchase_order_uid", "line_uid"],
        valueColumns: FlowPurchaseOrderLine.valueColumns)
}
