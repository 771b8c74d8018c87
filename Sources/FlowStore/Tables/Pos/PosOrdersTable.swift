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
    /// arguments per order, and one statement per order, line, payment and journal entry, were most of its
    /// write time. Here the orders go in plain multi-row INSERTs of up to ``rowsPerInsert`` orders; when
    /// one breaks a constraint (a source key stored before, a uid or voucher number taken), SQLite undoes
    /// that statement whole (its default conflict resolution, ABORT) and those orders go again in an
    /// `INSERT … ON CONFLICT (source_key) DO NOTHING RETURNING order_uid` (the lookups run only for an
    /// order it did not insert, to say why; an INSERT that breaks another constraint is redone one order
    /// at a time, to name the order). Then the lines, payments and `flow_changes` entries of the orders
    /// inserted go in multi-row INSERTs, in order (the journal's `seq` follows the orders as with `save`),
    /// all bound with typed values.
    /// - Throws: as `save`; then some rows of the batch may be written, so the caller's transaction must
    ///   be rolled back (``PosJournalImporter`` then writes the batch again one `save` per order).
    public static func insertAll(_ orders: some Sequence<FlowPosOrder>, in db: Database) throws -> [SaveOutcome] {
        try insertAll(Array(orders), in: db)
    }

    /// As ``insertAll(_:in:)-(some Sequence<FlowPosOrder>,_)``: the writer reads the orders where they are, by index
    /// (copying an order and its lines into its buffers retained and released every string and array of it).
    public static func insertAll(_ orders: [FlowPosOrder], in db: Database) throws -> [SaveOutcome] {
        try orders.withUnsafeBufferPointer { source in
            let writer = BatchWriter(db, orders: source)
            writer.outcomes.reserveCapacity(source.count)
            for index in source.indices { try writer.add(index) }
            try writer.finish()
            return writer.outcomes
        }
    }

    /// Rows per multi-row INSERT of orders, lines, payments and journal entries (19 columns × 256 rows
    /// stays far below SQLite's bound-parameter limit, 32,766). Why 256: each statement run has a fixed
    /// cost (reset, the journal's AUTOINCREMENT counter read and written, the statement journal), and
    /// 128 rows took SQLite about 1 µs less per transaction than 32 (issue 13's benchmark); 256 halves
    /// that cost again (docs/mapping-saft.md, issue 13's fourth round).
    static let rowsPerInsert = 256

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

    /// `INSERT INTO table (columns) VALUES (?,…),…` for `rows` rows.
    static func insertSQL(_ table: String, _ columns: String, rows: Int) -> String {
        let count = columns.split(separator: ",").count
        let row = "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
        return "INSERT INTO \(table) (\(columns)) VALUES " + Array(repeating: row, count: rows).joined(separator: ",")
    }

    /// The multi-row INSERTs a batch uses, by kind; their SQL by row count (1…``rowsPerInsert``) is built
    /// when a ``BatchWriter`` first needs it.
    enum Insert: Int, CaseIterable {
        /// Orders, plain: any constraint broken undoes the whole statement.
        case orders
        /// Orders again after a plain INSERT broke a constraint: a source key stored before inserts
        /// nothing, and `RETURNING` names the orders that were inserted.
        case ordersReturning
        case lines, payments, changes

        /// Each kind's SQL by row count, made once per process when first needed: each batch's writer
        /// built its texts again (kilobytes, split and joined) per kind and row count.
        private static let texts = SQLTexts()

        /// The SQL texts made so far, by kind and row count (at most ``rowsPerInsert`` per kind).
        private final class SQLTexts: @unchecked Sendable {
            private let lock = NSLock()
            private var texts = [[String?]](repeating: [String?](repeating: nil, count: rowsPerInsert + 1),
                                            count: Insert.allCases.count)

            func text(_ kind: Insert, rows: Int) -> String {
                lock.withLock {
                    if let known = texts[kind.rawValue][rows] { return known }
                    let made = kind.build(rows: rows)
                    texts[kind.rawValue][rows] = made
                    return made
                }
            }
        }

        func sql(rows: Int) -> String {
            precondition((1...rowsPerInsert).contains(rows), "1…\(rowsPerInsert) rows per INSERT")
            return Self.texts.text(self, rows: rows)
        }

        fileprivate func build(rows: Int) -> String {
            switch self {
            case .orders: insertSQL("pos_orders", orderColumns, rows: rows)
            case .ordersReturning:
                insertSQL("pos_orders", orderColumns, rows: rows) + " ON CONFLICT (source_key) DO NOTHING RETURNING order_uid"
            case .lines: insertSQL("pos_order_lines", lineColumns, rows: rows)
            case .payments: insertSQL("pos_payments", paymentColumns, rows: rows)
            case .changes: insertSQL("flow_changes", FlowChangesTable.columns, rows: rows)
            }
        }
    }

    /// The work of ``insertAll(_:in:)``: orders validated one by one and written ``rowsPerInsert`` at a
    /// time, then the lines, payments and journal entries of those inserted, buffered per table (an
    /// order's rows are only written after the order itself, so the foreign keys hold).
    final class BatchWriter {
        /// An order waiting for its multi-row INSERT (its index in ``source``), with its dates as stored.
        struct Pending {
            var index: Int
            var created: String
            var settled: String?
        }

        let db: Database
        /// The orders being written, valid while the writer works (``insertAll(_:in:)`` lends them).
        let source: UnsafeBufferPointer<FlowPosOrder>
        /// What each order became, in order.
        var outcomes: [SaveOutcome] = []
        /// The statements this writer used, by kind and row count: found in the connection's cache once
        /// per writer, not per run (the cache is keyed by the SQL text, kilobytes to hash and compare).
        private var statements = [[Statement?]](repeating: [Statement?](repeating: nil, count: rowsPerInsert + 1),
                                                count: Insert.allCases.count)
        // One thread, never overlapping accesses: no dynamic exclusivity checks on the buffers.
        @exclusivity(unchecked) private var orders: [Pending] = []
        @exclusivity(unchecked) private var inserted: [Bool] = []
        /// Rows waiting for their INSERT, as indices: the order in ``source`` and its line or payment.
        @exclusivity(unchecked) private var lines: [(order: Int, line: Int)] = []
        @exclusivity(unchecked) private var payments: [(order: Int, payment: Int)] = []
        @exclusivity(unchecked) private var changes: [(entity: FlowChange.Entity, order: Int, at: String)] = []

        init(_ db: Database, orders: UnsafeBufferPointer<FlowPosOrder>) {
            self.db = db
            source = orders
        }

        /// Validates `source[index]` and buffers it for the next multi-row INSERT.
        func add(_ index: Int) throws {
            // `source[index]` each time, not a local copy (which retained every string and array of the order).
            try source[index].validate()
            let createdAt = source[index].createdAt
            let created = SQLiteDate.format(createdAt)
            let settled = source[index].settledAt.map { $0 == createdAt ? created : SQLiteDate.format($0) }
            orders.append(Pending(index: index, created: created, settled: settled))
            if orders.count == rowsPerInsert { try writeOrders() }
        }

        /// The cached statement of `kind` for `rows` rows.
        private func statement(_ kind: Insert, rows: Int) throws -> Statement {
            if let known = statements[kind.rawValue][rows] { return known }
            let statement = try db.cachedStatement(sql: kind.sql(rows: rows))
            statements[kind.rawValue][rows] = statement
            return statement
        }

        /// Writes what is buffered (orders first, then their rows).
        func finish() throws {
            try writeOrders()
            try write(all: true)
        }

        private func bind(_ b: inout StatementBindings, _ pending: Pending) {
            Self.bind(&b, source[pending.index], pending)
        }

        private static func bind(_ b: inout StatementBindings, _ order: borrowing FlowPosOrder, _ pending: Pending) {
            b.bind(order.orderUid); b.bind(order.orderNumber); b.bind(order.type.rawValue)
            b.bind(order.orderState.rawValue); b.bind(order.storeUid); b.bind(order.cashRegisterUid)
            b.bind(order.employeeUid); b.bind(order.customerUid); b.bind(order.originalOrderUid)
            b.bind(order.currency); b.bind(pending.created); b.bind(pending.settled); b.bind(order.orderTotal)
            b.bind(order.vatTotal); b.bind(order.discountTotal); b.bind(order.rounding)
            b.bind(order.changeGiven); b.bind(order.source); b.bind(order.sourceKey)
        }

        /// The buffered orders in one plain INSERT. When it breaks a constraint, SQLite undoes it whole
        /// and they go again with ``Insert/ordersReturning``: those it did not insert (source key stored
        /// before) are explained by ``isStored(_:)``; when that INSERT breaks another constraint (a uid or
        /// voucher number taken), nothing of it stays either and the orders go one by one, so the error
        /// names the order.
        ///
        /// Why two tries: a first import stores every order, and the plain INSERT costs SQLite about 1 µs
        /// a transaction less than one with `RETURNING` (which keeps its rows in a temporary table and
        /// hands each back); an import of a file stored before pays for both INSERTs, and stores nothing.
        private func writeOrders() throws {
            guard !orders.isEmpty else { return }
            defer { orders.removeAll(keepingCapacity: true) }
            var isInserted = true
            do {
                try statement(.orders, rows: orders.count).execute { b in
                    for pending in orders { bind(&b, pending) }
                }
            } catch let error as SQLiteError where error.isConstraintViolation {
                isInserted = false   // undone whole: the careful way below
                statements[Insert.orders.rawValue][orders.count] = nil   // the cache dropped it after the failed step
            }
            if isInserted {
                for pending in orders { try buffer(pending) }
                return
            }
            inserted.removeAll(keepingCapacity: true)
            inserted.append(contentsOf: repeatElement(false, count: orders.count))
            do {
                var next = 0
                try statement(.ordersReturning, rows: orders.count).execute({ b in
                    for pending in orders { bind(&b, pending) }
                }, eachRow: { row in
                    // RETURNING's order is not promised: look from where the last match was, then from the start.
                    var k = next
                    for _ in 0..<orders.count {
                        if !inserted[k], row.text(0, equals: source[orders[k].index].orderUid) {
                            inserted[k] = true
                            next = (k + 1) % orders.count
                            return
                        }
                        k = (k + 1) % orders.count
                    }
                })
            } catch let error as SQLiteError where error.isConstraintViolation {
                for pending in orders { try writeOne(pending) }
                return
            }
            for (k, pending) in orders.enumerated() { try settle(pending, inserted: inserted[k]) }
        }

        /// One order in its own INSERT (after a multi-row one broke a constraint).
        private func writeOne(_ pending: Pending) throws {
            var wasInserted = false
            do {
                try db.cachedStatement(sql: Insert.ordersReturning.sql(rows: 1)).execute({ b in bind(&b, pending) },
                                                                    eachRow: { _ in wasInserted = true })
            } catch let error as SQLiteError where error.isConstraintViolation {
                if try isStored(source[pending.index]) { outcomes.append(.alreadyStored); return }
                throw error
            }
            try settle(pending, inserted: wasInserted)
        }

        /// After its INSERT: an inserted order's rows go into the buffers; one the INSERT skipped must be
        /// stored already (under its source key), or the skip was for another reason and is refused.
        private func settle(_ pending: Pending, inserted: Bool) throws {
            if inserted { return try buffer(pending) }
            guard try isStored(source[pending.index]) else {
                let order = source[pending.index]
                throw PosOrderError(orderUid: order.orderUid, field: "sourceKey", reason: "'\(order.sourceKey)' was not stored")
            }
            outcomes.append(.alreadyStored)
        }

        /// An inserted order's lines, payments and journal entries, into the buffers (in order, so the
        /// journal's `seq` follows the orders as with `save`).
        private func buffer(_ pending: Pending) throws {
            let index = pending.index
            for line in 0..<source[index].lines.count { lines.append((index, line)) }
            for payment in 0..<source[index].payments.count { payments.append((index, payment)) }
            changes.append((.posOrder, index, pending.settled ?? pending.created))
            if let settled = pending.settled { changes.append((.receipt, index, settled)) }
            outcomes.append(.inserted)
            if lines.count >= rowsPerInsert || payments.count >= rowsPerInsert || changes.count >= rowsPerInsert {
                try write(all: false)
            }
        }

        /// Writes the buffered rows in full INSERTs of ``rowsPerInsert`` rows, and the rest too when `all`.
        private func write(all: Bool) throws {
            let source = source
            try write(&lines, .lines, all: all) { b, row in
                b.bind(source[row.order].orderUid)
                Self.bind(&b, source[row.order].lines[row.line])
            }
            try write(&payments, .payments, all: all) { b, row in
                b.bind(source[row.order].orderUid)
                Self.bind(&b, source[row.order].payments[row.payment])
            }
            try write(&changes, .changes, all: all) { b, row in
                b.bind(row.entity.rawValue); b.bind(source[row.order].orderUid); b.bind(row.at)
            }
        }

        /// A line's columns after `order_uid`.
        private static func bind(_ b: inout StatementBindings, _ item: borrowing FlowPosOrderLine) {
            b.bind(item.lineNo); b.bind(item.sku); b.bind(item.productUid)
            b.bind(item.name); b.bind(item.quantity); b.bind(item.unitPrice); b.bind(item.discountAmount)
            b.bind(item.vatRate); b.bind(item.vatAmount); b.bind(item.lineTotal); b.bind(item.costPrice)
        }

        /// A payment's columns after `order_uid`.
        private static func bind(_ b: inout StatementBindings, _ item: borrowing FlowPosPayment) {
            b.bind(item.paymentNo); b.bind(item.tenderType.rawValue); b.bind(item.amount); b.bind(item.reference)
        }

        private func write<Row>(_ rows: inout [Row], _ kind: Insert, all: Bool,
                                _ bind: (inout StatementBindings, Row) -> Void) throws {
            var start = 0
            while start < rows.count {
                let count = min(rowsPerInsert, rows.count - start)
                guard all || count == rowsPerInsert else { break }
                let statement = try statement(kind, rows: count)
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
