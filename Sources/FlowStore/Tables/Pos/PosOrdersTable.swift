import Foundation
import SQLite

// MARK: - PosOrdersTable

/// SQL for POS orders (`pos_orders`, `pos_order_lines`, `pos_payments`) and the change journal.
///
/// `save` is the one way POS transactions enter the Flow store: validated, written whole in one
/// transaction together with its `flow_changes` entry (and a `receipt` entry once settled), and
/// idempotent on `source_key`, so importing the same journal twice stores nothing new.
public enum PosOrdersTable {
    /// What `save` did.
    public enum SaveOutcome: Sendable, Equatable {
        case inserted
        /// The same `source_key` was stored before: nothing written.
        case alreadyStored
    }

    /// Stores a new POS order.
    /// - Throws: ``PosOrderError`` when it breaks a rule, or names another order's voucher number;
    ///   `SQLiteError` from SQLite. Nothing is written then.
    @discardableResult
    public static func save(_ order: FlowPosOrder, in db: Database) throws -> SaveOutcome {
        try order.validate()
        return try db.inTransaction {
            if let existing = try db.fetchOne(sql: "SELECT order_uid FROM pos_orders WHERE source_key = ?",
                                              arguments: [order.sourceKey]) {
                let uid: String = try existing.decode("order_uid")
                guard uid == order.orderUid else {
                    throw PosOrderError(orderUid: order.orderUid, field: "sourceKey",
                                        reason: "'\(order.sourceKey)' is already stored as order \(uid)")
                }
                return .alreadyStored
            }
            if try db.fetchOne(sql: "SELECT 1 FROM pos_orders WHERE order_uid = ?", arguments: [order.orderUid]) != nil {
                throw PosOrderError(orderUid: order.orderUid, field: "orderUid",
                                    reason: "already stored from another source")
            }
            try db.execute(sql: """
                INSERT INTO pos_orders (order_uid, order_number, type, order_state, store_uid, cash_register_uid,
                    employee_uid, customer_uid, original_order_uid, currency, created_at, settled_at, order_total,
                    vat_total, discount_total, rounding, change_given, source, source_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [order.orderUid, order.orderNumber, order.type.rawValue, order.orderState.rawValue,
                                 order.storeUid, order.cashRegisterUid, order.employeeUid, order.customerUid,
                                 order.originalOrderUid, order.currency, order.createdAt, order.settledAt,
                                 order.orderTotal, order.vatTotal, order.discountTotal, order.rounding,
                                 order.changeGiven, order.source, order.sourceKey])
            let line = try db.cachedStatement(sql: """
                INSERT INTO pos_order_lines (order_uid, line_no, sku, product_uid, name, quantity, unit_price,
                    discount_amount, vat_rate, vat_amount, line_total, cost_price)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for item in order.lines {
                try line.execute(arguments: [order.orderUid, item.lineNo, item.sku, item.productUid, item.name,
                                             item.quantity, item.unitPrice, item.discountAmount, item.vatRate,
                                             item.vatAmount, item.lineTotal, item.costPrice])
            }
            let payment = try db.cachedStatement(sql: """
                INSERT INTO pos_payments (order_uid, payment_no, tender_type, amount, reference) VALUES (?, ?, ?, ?, ?)
                """)
            for item in order.payments {
                try payment.execute(arguments: [order.orderUid, item.paymentNo, item.tenderType.rawValue, item.amount,
                                                item.reference])
            }
            try FlowChangesTable.record(.posOrder, key: order.orderUid, at: order.settledAt ?? order.createdAt, in: db)
            if order.settledAt != nil {
                try FlowChangesTable.record(.receipt, key: order.orderUid, at: order.settledAt ?? order.createdAt, in: db)
            }
            return .inserted
        }
    }

    /// Marks a completed order cancelled (voided) and journals the change.
    /// - Returns: false when there is no such order or it was cancelled already.
    @discardableResult
    public static func cancel(orderUid: String, at now: Date, in db: Database) throws -> Bool {
        try db.inTransaction {
            try db.execute(sql: "UPDATE pos_orders SET order_state = 'CANCELLED' WHERE order_uid = ? AND order_state = 'COMPLETED'",
                           arguments: [orderUid])
            guard db.changesCount > 0 else { return false }
            try FlowChangesTable.record(.posOrder, key: orderUid, at: now, in: db)
            return true
        }
    }

    /// Records the Omnium id an order got (the push's result).
    public static func setOmniumOrderId(_ id: String, orderUid: String, in db: Database) throws {
        try db.execute(sql: "UPDATE pos_orders SET omnium_order_id = ? WHERE order_uid = ?", arguments: [id, orderUid])
    }

    // MARK: - Reading

    public static func fetch(orderUid: String, in db: Database) throws -> FlowPosOrder? {
        guard let row = try db.fetchOne(sql: "SELECT * FROM pos_orders WHERE order_uid = ?", arguments: [orderUid]) else {
            return nil
        }
        let lines = try db.fetchAll(sql: "SELECT * FROM pos_order_lines WHERE order_uid = ? ORDER BY line_no",
                                    arguments: [orderUid]).map { row in
            FlowPosOrderLine(lineNo: try row.decode("line_no"), sku: try row.decode("sku"),
                             productUid: try row.decodeIfPresent("product_uid"), name: try row.decode("name"),
                             quantity: try row.decode("quantity"), unitPrice: try row.decode("unit_price"),
                             discountAmount: try row.decode("discount_amount"), vatRate: try row.decode("vat_rate"),
                             vatAmount: try row.decode("vat_amount"), lineTotal: try row.decode("line_total"),
                             costPrice: try row.decodeIfPresent("cost_price"))
        }
        let payments = try db.fetchAll(sql: "SELECT * FROM pos_payments WHERE order_uid = ? ORDER BY payment_no",
                                       arguments: [orderUid]).map { row in
            FlowPosPayment(paymentNo: try row.decode("payment_no"), tenderType: try decode(row, "tender_type"),
                           amount: try row.decode("amount"), reference: try row.decodeIfPresent("reference"))
        }
        return FlowPosOrder(
            orderUid: try row.decode("order_uid"), orderNumber: try row.decode("order_number"),
            type: try decode(row, "type"), orderState: try decode(row, "order_state"),
            storeUid: try row.decode("store_uid"), cashRegisterUid: try row.decode("cash_register_uid"),
            employeeUid: try row.decodeIfPresent("employee_uid"), customerUid: try row.decodeIfPresent("customer_uid"),
            originalOrderUid: try row.decodeIfPresent("original_order_uid"), currency: try row.decode("currency"),
            createdAt: try row.decode("created_at"), settledAt: try row.decodeIfPresent("settled_at"),
            orderTotal: try row.decode("order_total"), vatTotal: try row.decode("vat_total"),
            discountTotal: try row.decode("discount_total"), rounding: try row.decode("rounding"),
            changeGiven: try row.decode("change_given"), source: try row.decode("source"),
            sourceKey: try row.decode("source_key"), lines: lines, payments: payments)
    }

    public static func omniumOrderId(orderUid: String, in db: Database) throws -> String? {
        try db.fetchValue(sql: "SELECT omnium_order_id FROM pos_orders WHERE order_uid = ?", arguments: [orderUid],
                          as: String.self)
    }

    /// Every order uid, oldest first (for tests, reports and the demo).
    public static func orderUids(in db: Database) throws -> [String] {
        try db.fetchAll(sql: "SELECT order_uid FROM pos_orders ORDER BY created_at, order_uid").map { try $0.decode("order_uid") }
    }

    static func decode<T: RawRepresentable>(_ row: Row, _ column: String) throws -> T where T.RawValue == String {
        let text: String = try row.decode(column)
        guard let value = T(rawValue: text) else {
            throw PosOrderError(orderUid: (try? row.decode("order_uid")) ?? "?", field: column,
                                reason: "'\(text)' is not a known value")
        }
        return value
    }
}

// MARK: - FlowChangesTable

/// SQL for the change journal `flow_changes` (see ``FlowChange``).
public enum FlowChangesTable {
    public static func record(_ entity: FlowChange.Entity, key: String, at date: Date, in db: Database) throws {
        try db.execute(sql: "INSERT INTO flow_changes (entity, object_key, changed_at) VALUES (?, ?, ?)",
                       arguments: [entity.rawValue, key, date])
    }

    /// Entries after `seq`, in journal order, at most `limit`.
    public static func changes(after seq: Int64, limit: Int = 10_000, in db: Database) throws -> [FlowChange] {
        try db.fetchAll(sql: "SELECT * FROM flow_changes WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit])
            .map { row in
                let text: String = try row.decode("entity")
                guard let entity = FlowChange.Entity(rawValue: text) else {
                    throw PosOrderError(orderUid: try row.decode("object_key"), field: "flow_changes.entity",
                                        reason: "'\(text)' is not a known entity")
                }
                return FlowChange(seq: try row.decode("seq"), entity: entity, objectKey: try row.decode("object_key"),
                                  changedAt: try row.decode("changed_at"))
            }
    }
}
