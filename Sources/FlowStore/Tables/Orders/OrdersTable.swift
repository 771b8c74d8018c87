import Foundation
import SQLite

// MARK: - OrdersTable

/// The `orders`, `order_items` and `order_handlings` tables of `flow.db`.
///
/// An order is saved as a snapshot (the result of `InboundOrderMerge`): header upserted, items
/// upserted, items no longer in the snapshot deleted, handling tasks upserted (never deleted: they
/// are Flow's work list), in one savepoint. Only rows whose content hash changed are written.
public enum OrdersTable {

    // MARK: - Schema

    /// Register in this order on FlowStore's migrator (`migrator.registerMigration(m.name) { try $0.executeScript(m.sql) }`).
    public static let migrations: [(name: String, sql: String)] = [
        (name: "orders.v1", sql: """
            CREATE TABLE orders (
                order_uid TEXT PRIMARY KEY NOT NULL,
                order_number TEXT NOT NULL,
                external_order_number TEXT,
                type TEXT NOT NULL,
                order_state TEXT NOT NULL,
                store_uid TEXT NOT NULL,
                customer_uid TEXT,
                currency TEXT,
                order_total INTEGER NOT NULL,
                vat_total INTEGER NOT NULL,
                discount_total INTEGER NOT NULL,
                shipping_total INTEGER NOT NULL,
                valid_until TEXT,
                omnium_status TEXT,
                omnium_modified TEXT,
                content_hash INTEGER NOT NULL
            );
            CREATE INDEX orders_external_order_number ON orders (external_order_number);
            CREATE INDEX orders_store_state ON orders (store_uid, order_state);
            CREATE TABLE order_items (
                order_uid TEXT NOT NULL REFERENCES orders (order_uid) ON DELETE CASCADE,
                external_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                product_uid TEXT,
                sku TEXT NOT NULL,
                name TEXT,
                quantity INTEGER NOT NULL,
                item_price INTEGER NOT NULL,
                item_discount_amount INTEGER NOT NULL,
                vat_rate TEXT,
                cancelled_quantity INTEGER NOT NULL,
                returned_quantity INTEGER NOT NULL,
                delivered_quantity INTEGER NOT NULL,
                content_hash INTEGER NOT NULL,
                PRIMARY KEY (order_uid, external_id)
            ) WITHOUT ROWID;
            CREATE TABLE order_handlings (
                order_uid TEXT NOT NULL REFERENCES orders (order_uid) ON DELETE CASCADE,
                order_handling_uid TEXT NOT NULL,
                state TEXT NOT NULL,
                content_hash INTEGER NOT NULL,
                PRIMARY KEY (order_uid, order_handling_uid)
            ) WITHOUT ROWID;
            """),
    ]

    // MARK: - Counts

    /// What saving orders did, per table.
    public struct SaveCounts: Hashable, Sendable {
        public var orders = UpsertCounts()
        /// `deleted` = lines removed in Omnium.
        public var items = UpsertCounts()
        public var orderhandlings = UpsertCounts()
        public init() {}

        public static func += (lhs: inout SaveCounts, rhs: SaveCounts) {
            lhs.orders += rhs.orders
            lhs.items += rhs.items
            lhs.orderhandlings += rhs.orderhandlings
        }
    }

    // MARK: - Writing

    /// Saves one order with its items and handling tasks; items not in the snapshot are deleted.
    /// - Throws: `SQLiteError` naming the SQL; nothing of this order is written then.
    @discardableResult
    public static func save(_ snapshot: FlowOrderSnapshot, in db: Database) throws -> SaveCounts {
        try db.inSavepoint {
            var counts = SaveCounts()
            let order = snapshot.order
            counts.orders.record(try orderWriter.write(key: [order.orderUid], values: order.columnValues,
                                                       hash: order.contentHash, in: db))
            for item in snapshot.items {
                precondition(item.orderUid == order.orderUid, "item \(item.externalId) belongs to \(item.orderUid)")
                counts.items.record(try itemWriter.write(key: [item.orderUid, item.externalId], values: item.columnValues,
                                                         hash: item.contentHash, in: db))
            }
            let keep = Set(snapshot.items.map(\.externalId))
            let storedIds: [String] = try db.cachedStatement(sql: "SELECT external_id FROM order_items WHERE order_uid = ?")
                .fetchAll(arguments: [order.orderUid]).compactMap { $0["external_id"] }
            for id in storedIds where !keep.contains(id) {
                try db.cachedStatement(sql: "DELETE FROM order_items WHERE order_uid = ? AND external_id = ?")
                    .execute(arguments: [order.orderUid, id])
                counts.items.deleted += 1
            }
            for handling in snapshot.orderhandlings {
                counts.orderhandlings.record(try handlingWriter.write(
                    key: [handling.orderUid, handling.orderHandlingUid], values: [handling.state],
                    hash: handling.contentHash, in: db))
            }
            return counts
        }
    }

    /// Saves several orders in one transaction (a savepoint inside the caller's), all or nothing.
    @discardableResult
    public static func save(_ snapshots: [FlowOrderSnapshot], in db: Database) throws -> SaveCounts {
        try db.inTransaction {
            var counts = SaveCounts()
            for snapshot in snapshots { counts += try save(snapshot, in: db) }
            return counts
        }
    }

    // MARK: - Reading

    public static func fetchSnapshot(orderUid: String, in db: Database) throws -> FlowOrderSnapshot? {
        guard let row = try db.fetchOne(sql: "SELECT * FROM orders WHERE order_uid = ?", arguments: [orderUid])
        else { return nil }
        let items = try db.fetchAll(sql: "SELECT * FROM order_items WHERE order_uid = ? ORDER BY position, external_id",
                                    arguments: [orderUid]).map(FlowOrderItem.init(row:))
        let handlings = try db.fetchAll(
            sql: "SELECT * FROM order_handlings WHERE order_uid = ? ORDER BY order_handling_uid",
            arguments: [orderUid]).map(FlowOrderHandling.init(row:))
        return FlowOrderSnapshot(order: try FlowOrder(row: row), items: items, orderhandlings: handlings)
    }

    /// The order made from an Omnium order id, if any.
    public static func fetchSnapshot(externalOrderNumber: String, in db: Database) throws -> FlowOrderSnapshot? {
        let uid: String? = try db.fetchOne(sql: "SELECT order_uid FROM orders WHERE external_order_number = ? LIMIT 1",
                                           arguments: [externalOrderNumber])?["order_uid"]
        return try uid.flatMap { try fetchSnapshot(orderUid: $0, in: db) }
    }

    public static func fetchAllOrders(in db: Database) throws -> [FlowOrder] {
        try db.fetchAll(sql: "SELECT * FROM orders ORDER BY order_uid").map(FlowOrder.init(row:))
    }

    // MARK: - Private

    static let orderWriter = HashedRowWriter(
        table: "orders", keyColumns: ["order_uid"], valueColumns: FlowOrder.valueColumns)
    static let itemWriter = HashedRowWriter(
        table: "order_items", keyColumns: ["order_uid", "external_id"], valueColumns: FlowOrderItem.valueColumns)
    static let handlingWriter = HashedRowWriter(
        table: "order_handlings", keyColumns: ["order_uid", "order_handling_uid"], valueColumns: ["state"])
}
