import Foundation
import SQLite

// MARK: - GoodsReceptionsTable

/// SQL for goods receptions, stock movements and POS-side customer changes: each write journals its
/// change for the outbound push in the same transaction.
public enum GoodsReceptionsTable {
    /// Stores a reception (once: the same `receptionUid` again is a no-op returning false), adds the
    /// received quantities to the PO lines and to the warehouse's stock, and journals the reception.
    @discardableResult
    public static func save(_ reception: FlowGoodsReception, in db: Database) throws -> Bool {
        guard !reception.lines.isEmpty, reception.lines.allSatisfy({ $0.quantity > 0 }) else {
            throw PosOrderError(orderUid: reception.receptionUid, field: "lines",
                                reason: "a goods reception needs lines with received quantities above 0")
        }
        return try db.inTransaction {
            if try db.fetchOne(sql: "SELECT 1 FROM goods_receptions WHERE reception_uid = ?",
                               arguments: [reception.receptionUid]) != nil { return false }
            try db.execute(sql: """
                INSERT INTO goods_receptions (reception_uid, purchase_order_uid, warehouse_uid, received_at) VALUES (?, ?, ?, ?)
                """, arguments: [reception.receptionUid, reception.purchaseOrderUid, reception.warehouseUid, reception.receivedAt])
            for line in reception.lines {
                try db.execute(sql: """
                    INSERT INTO goods_reception_lines (reception_uid, line_no, omnium_line_item_id, sku, quantity)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [reception.receptionUid, line.lineNo, line.omniumLineItemId, line.sku, line.quantity])
                if let lineItemId = line.omniumLineItemId {
                    try db.execute(sql: """
                        UPDATE purchase_order_lines SET quantity_received = quantity_received + ?
                        WHERE purchase_order_uid = ? AND omnium_line_item_id = ?
                        """, arguments: [line.quantity, reception.purchaseOrderUid, lineItemId])
                }
                try StockMovementsTable.apply(FlowStockMovement(
                    warehouseUid: reception.warehouseUid, productUid: line.sku, quantityChange: line.quantity,
                    reason: "RECEPTION", occurredAt: reception.receivedAt), journal: false, in: db)
            }
            try FlowChangesTable.record(.goodsReception, key: reception.receptionUid, at: reception.receivedAt, in: db)
            return true
        }
    }

    public static func fetch(receptionUid: String, in db: Database) throws -> FlowGoodsReception? {
        guard let row = try db.fetchOne(sql: "SELECT * FROM goods_receptions WHERE reception_uid = ?",
                                        arguments: [receptionUid]) else { return nil }
        let lines = try db.fetchAll(sql: "SELECT * FROM goods_reception_lines WHERE reception_uid = ? ORDER BY line_no",
                                    arguments: [receptionUid]).map { row in
            FlowGoodsReception.Line(lineNo: try row.decode("line_no"), omniumLineItemId: try row.decodeIfPresent("omnium_line_item_id"),
                                    sku: try row.decode("sku"), quantity: try row.decode("quantity"))
        }
        return FlowGoodsReception(receptionUid: try row.decode("reception_uid"), purchaseOrderUid: try row.decode("purchase_order_uid"),
                                  warehouseUid: try row.decode("warehouse_uid"), receivedAt: try row.decode("received_at"),
                                  lines: lines)
    }
}

// MARK: - StockMovementsTable

/// SQL for `stock_movements`: each movement changes the `stock` row of (warehouse, product).
public enum StockMovementsTable {
    /// Records a movement and applies it to `stock` (a missing row starts at 0); with `journal`, the
    /// stock level of (warehouse, product) is journaled and marked pending for the push. A goods reception does not
    /// journal its stock: Omnium raises the level itself when it processes the reception, and a
    /// level pushed before that would be counted twice.
    public static func apply(_ movement: FlowStockMovement, journal: Bool = true, in db: Database) throws {
        try db.inTransaction {
            try db.execute(sql: """
                INSERT INTO stock_movements (warehouse_uid, product_uid, quantity_change, reason, occurred_at)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [movement.warehouseUid, movement.productUid, movement.quantityChange, movement.reason,
                                 movement.occurredAt])
            try db.execute(sql: """
                INSERT INTO stock (warehouse_uid, product_uid, quantity, reserved, available, content_hash)
                VALUES (?1, ?2, ?3, 0, ?3, 0)
                ON CONFLICT (warehouse_uid, product_uid) DO UPDATE SET
                    quantity = quantity + ?3, available = available + ?3, content_hash = 0
                """, arguments: [movement.warehouseUid, movement.productUid, movement.quantityChange])
            guard journal else { return }
            try FlowChangesTable.record(.stock, key: stockKey(warehouseUid: movement.warehouseUid, productUid: movement.productUid),
                                        at: movement.occurredAt, in: db)
            // The level waits for the push (one job per warehouse reads these markers; StockPushPendingTable).
            try StockPushPendingTable.mark(warehouseUid: movement.warehouseUid, productUid: movement.productUid,
                                           changeSeq: db.lastInsertedRowID, in: db)
        }
    }

    /// The journal key of a stock level.
    public static func stockKey(warehouseUid: String, productUid: String) -> String { "\(warehouseUid)/\(productUid)" }

    /// The quantity (×100) of each (warehouse, product) in `keys`, in order; nil where there is no stock row.
    ///
    /// One statement for the whole list (the keys bound as one JSON array, joined to `stock` on its key):
    /// a stock push reads 1,000 levels per call, and a lookup per level was a fifth of its CPU.
    public static func quantities(of keys: [(warehouseUid: String, productUid: String)], in db: Database) throws -> [Int64?] {
        guard !keys.isEmpty else { return [] }
        var list = "["
        list.reserveCapacity(keys.count * 32)
        for (index, key) in keys.enumerated() {
            if index > 0 { list += "," }
            list += "["
            appendJSONString(key.warehouseUid, to: &list)
            list += ","
            appendJSONString(key.productUid, to: &list)
            list += "]"
        }
        list += "]"
        var quantities = [Int64?](repeating: nil, count: keys.count)
        try db.forEachRow(sql: """
            SELECT j.key AS position, s.quantity AS quantity
            FROM json_each(?) AS j
            JOIN stock AS s ON s.warehouse_uid = json_extract(j.value, '$[0]') AND s.product_uid = json_extract(j.value, '$[1]')
            """, arguments: [list]) { row in
            quantities[try row.decode("position") as Int] = try row.decode("quantity") as Int64
        }
        return quantities
    }

    /// `text` as a JSON string literal (for SQLite's JSON functions).
    private static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// (quantity, reserved) of a stock row, ×100; nil when there is none.
    public static func level(warehouseUid: String, productUid: String, in db: Database) throws -> (quantity: Int64, reserved: Int64)? {
        try db.fetchOne(sql: "SELECT quantity, reserved FROM stock WHERE warehouse_uid = ? AND product_uid = ?",
                        arguments: [warehouseUid, productUid]).map { (try $0.decode("quantity"), try $0.decode("reserved")) }
    }
}

// MARK: - POS customers

extension CustomersTable {
    /// Stores a customer created or changed at the till and journals it for the push to Omnium.
    /// (Customers that came from Omnium are written by `upsert` and never journaled.)
    /// - Returns: whether the row changed.
    @discardableResult
    public static func saveFromPos(_ customer: FlowCustomer, at now: Date, in db: Database) throws -> Bool {
        try db.inTransaction {
            let counts = try upsert([customer], in: db)
            guard counts.inserted + counts.updated > 0 else { return false }
            try FlowChangesTable.record(.customer, key: customer.customerUid, at: now, in: db)
            return true
        }
    }
}

// MARK: - Stores: market

extension StoresTable {
    /// The Omnium market a Flow store sells in (`stores.external_id`: the first market of the Omnium
    /// store), nil when the store or its market is unknown.
    public static func marketId(storeUid: String, in db: Database) throws -> String? {
        try db.fetchValue(sql: "SELECT external_id FROM stores WHERE store_uid = ?", arguments: [storeUid], as: String.self)
    }
}
