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
        try db.inTransaction { try insertAll(CollectionOfOne(order), in: db)[0] }
    }

    /// Stores many new POS orders in the caller's transaction, with the rules of ``save(_:in:)`` but
    /// no savepoint per order: what each order became, in order.
    ///
    /// Why: a journal import writes hundreds of thousands of orders; a savepoint, two lookups and boxed
    /// arguments per order, and one statement per line, payment and journal entry, were most of its
    /// write time. Here each order is one `INSERT … ON CONFLICT (source_key) DO NOTHING` (the lookups run
    /// only when it stored nothing or failed, to say why), and the lines, payments and `flow_changes`
    /// entries of the orders stored go in multi-row INSERTs of up to ``rowsPerInsert`` rows, in order
    /// (the journal's `seq` follows the orders as with `save`), all bound with typed values.
    /// - Throws: as `save`; then some rows of the batch may be written, so the caller's transaction must
    ///   be rolled back (``PosJournalImporter`` then writes the batch again one `save` per order).
    public static func insertAll(_ orders: some Sequence<FlowPosOrder>, in db: Database) throws -> [SaveOutcome] {
        let writer = try BatchWriter(db)
        var outcomes: [SaveOutcome] = []
        outcomes.reserveCapacity(orders.underestimatedCount)
        for order in orders { outcomes.append(try writer.insert(order)) }
        try writer.finish()
        return outcomes
    }

    /// Rows per multi-row INSERT of lines, payments and journal entries (12 columns × 32 rows stays far
    /// below SQLite's bound-parameter limit).
    static let rowsPerInsert = 32

    static let orderColumns = """
        order_uid, order_number, type, order_state, store_uid, cash_register_uid, employee_uid, customer_uid,
        original_order_uid, currency, created_at, settled_at, order_total, vat_total, discount_total, rounding,
        change_given, source, source_key
        """
    static let lineColumns = """
        order_uid, line_no, sku, product_uid, name, quantity, unit_price, discount_amount, vat_rate, vat_amount,
        line_total, cost_price
        """
    static let paymentColumns = "order_uid, payment_no, tender_type, amount, reference"

    /// `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows.
    static func insertSQL(_ table: String, _ columns: String, rows: Int) -> String {
        let count = columns.split(separator: ",").count
        let row = "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns)) VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    static let orderInsert = insertSQL("pos_orders", orderColumns, rows: 1) + " ON CONFLICT (source_key) DO NOTHING"
    /// The multi-row INSERTs, by row count (index 1…``rowsPerInsert``), built once.
    static let lineInserts = (0...rowsPerInsert).map { insertSQL("pos_order_lines", lineColumns, rows: $0) }
    static let paymentInserts = (0...rowsPerInsert).map { insertSQL("pos_payments", paymentColumns, rows: $0) }
    static let changeInserts = (0...rowsPerInsert).map { insertSQL("flow_changes", FlowChangesTable.columns, rows: $0) }

    /// The work of ``insertAll(_:in:)``: orders one by one, their rows buffered per table.
    final class BatchWriter {
        let db: Database
        let insertOrder: Statement
        private var lines: [(order: String, line: FlowPosOrderLine)] = []
        private var payments: [(order: String, payment: FlowPosPayment)] = []
        private var changes: [(entity: FlowChange.Entity, key: String, at: String)] = []

        init(_ db: Database) throws {
            self.db = db
            insertOrder = try db.cachedStatement(sql: orderInsert)
        }

        func insert(_ order: FlowPosOrder) throws -> SaveOutcome {
            try order.validate()
            let created = SQLiteDate.format(order.createdAt)
            let settled = order.settledAt.map { $0 == order.createdAt ? created : SQLiteDate.format($0) }
            do {
                try insertOrder.execute { b in
                    b.bind(order.orderUid); b.bind(order.orderNumber); b.bind(order.type.rawValue)
                    b.bind(order.orderState.rawValue); b.bind(order.storeUid); b.bind(order.cashRegisterUid)
                    b.bind(order.employeeUid); b.bind(order.customerUid); b.bind(order.originalOrderUid)
                    b.bind(order.currency); b.bind(created); b.bind(settled); b.bind(order.orderTotal)
                    b.bind(order.vatTotal); b.bind(order.discountTotal); b.bind(order.rounding)
                    b.bind(order.changeGiven); b.bind(order.source); b.bind(order.sourceKey)
                }
            } catch let error as SQLiteError where error.isConstraintViolation {
                if try isStored(order) { return .alreadyStored }
                throw error
            }
            guard db.changesCount == 1 else {   // the source key was stored before
                guard try isStored(order) else {
                    throw PosOrderError(orderUid: order.orderUid, field: "sourceKey", reason: "'\(order.sourceKey)' was not stored")
                }
                return .alreadyStored
            }
            for line in order.lines { lines.append((order.orderUid, line)) }
            for payment in order.payments { payments.append((order.orderUid, payment)) }
            changes.append((.posOrder, order.orderUid, settled ?? created))
            if let settled { changes.append((.receipt, order.orderUid, settled)) }
            if lines.count >= rowsPerInsert || payments.count >= rowsPerInsert || changes.count >= rowsPerInsert {
                try write(all: false)
            }
            return .inserted
        }

        /// Writes the buffered rows (their orders are stored already, so the foreign keys hold).
        func finish() throws {
            try write(all: true)
        }

        /// Writes the buffered rows in full INSERTs of ``rowsPerInsert`` rows, and the rest too when `all`.
        private func write(all: Bool) throws {
            try write(&lines, lineInserts, all: all) { b, row in
                let item = row.line
                b.bind(row.order); b.bind(item.lineNo); b.bind(item.sku); b.bind(item.productUid)
                b.bind(item.name); b.bind(item.quantity); b.bind(item.unitPrice); b.bind(item.discountAmount)
                b.bind(item.vatRate); b.bind(item.vatAmount); b.bind(item.lineTotal); b.bind(item.costPrice)
            }
            try write(&payments, paymentInserts, all: all) { b, row in
                let item = row.payment
                b.bind(row.order); b.bind(item.paymentNo); b.bind(item.tenderType.rawValue); b.bind(item.amount)
                b.bind(item.reference)
            }
            try write(&changes, changeInserts, all: all) { b, row in
                b.bind(row.entity.rawValue); b.bind(row.key); b.bind(row.at)
            }
        }

        private func write<Row>(_ rows: inout [Row], _ inserts: [String], all: Bool,
                                _ bind: (inout StatementBindings, Row) -> Void) throws {
            var start = 0
            while start < rows.count {
                let count = min(rowsPerInsert, rows.count - start)
                guard all || count == rowsPerInsert else { break }
                let statement = try db.cachedStatement(sql: inserts[count])
                try statement.execute { b in
                    for index in start..<(start + count) { bind(&b, rows[index]) }
                }
                start += count
            }
            rows.removeFirst(start)
        }

        /// Why an order was not inserted: true when the same order (source key and uid) was stored before;
        /// throws ``PosOrderError`` when its source key belongs to another order or its uid came from
        /// another source (the checks `save` made up front before); false otherwise.
        private func isStored(_ order: FlowPosOrder) throws -> Bool {
            if let existing = try db.fetchOne(sql: "SELECT order_uid FROM pos_orders WHERE source_key = ?",
                                              arguments: [order.sourceKey]) {
                let uid: String = try existing.decode("order_uid")
                guard uid == order.orderUid else {
                    throw PosOrderError(orderUid: order.orderUid, field: "sourceKey",
                                        reason: "'\(order.sourceKey)' is already stored as order \(uid)")
                }
                return true
            }
            if try db.fetchOne(sql: "SELECT 1 FROM pos_orders WHERE order_uid = ?", arguments: [order.orderUid]) != nil {
                throw PosOrderError(orderUid: order.orderUid, field: "orderUid",
                                    reason: "already stored from another source")
            }
            return false
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
    static let columns = "entity, object_key, changed_at"

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
