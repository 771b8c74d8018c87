// MARK: - PosMigrations

/// The schema of what Flow's POS side produces: POS orders with lines, payments and their receipt
/// totals, goods receptions, stock movements, and the change journal the outbound stages read.
///
/// Why a journal table (`flow_changes`) rather than triggers: the POS write API adds the journal row
/// in the same transaction as the change, and only POS-side writes are journaled, so data that came
/// from Omnium (inbound loads) is never pushed back to Omnium.
public enum PosMigrations {
    public static let migrations: [(name: String, sql: String)] = [
        (name: "pos.v1", sql: """
            CREATE TABLE pos_orders (
                order_uid          TEXT PRIMARY KEY NOT NULL,
                order_number       TEXT NOT NULL,
                type               TEXT NOT NULL CHECK (type IN ('SALE', 'RETURN', 'PAYMENT')),
                order_state        TEXT NOT NULL CHECK (order_state IN ('COMPLETED', 'CANCELLED')),
                store_uid          TEXT NOT NULL,
                cash_register_uid  TEXT NOT NULL,
                employee_uid       TEXT,
                customer_uid       TEXT,
                original_order_uid TEXT,
                currency           TEXT NOT NULL,
                created_at         TEXT NOT NULL,
                settled_at         TEXT,
                order_total        INTEGER NOT NULL,
                vat_total          INTEGER NOT NULL,
                discount_total     INTEGER NOT NULL,
                rounding           INTEGER NOT NULL,
                change_given       INTEGER NOT NULL,
                source             TEXT NOT NULL,
                source_key         TEXT NOT NULL UNIQUE,
                omnium_order_id    TEXT
            );
            CREATE UNIQUE INDEX pos_orders_voucher ON pos_orders (store_uid, cash_register_uid, order_number);
            CREATE INDEX pos_orders_settled ON pos_orders (settled_at);
            CREATE TABLE pos_order_lines (
                order_uid       TEXT NOT NULL REFERENCES pos_orders (order_uid) ON DELETE CASCADE,
                line_no         INTEGER NOT NULL,
                sku             TEXT NOT NULL,
                product_uid     TEXT,
                name            TEXT NOT NULL,
                quantity        INTEGER NOT NULL,
                unit_price      INTEGER NOT NULL,
                discount_amount INTEGER NOT NULL,
                vat_rate        INTEGER NOT NULL,
                vat_amount      INTEGER NOT NULL,
                line_total      INTEGER NOT NULL,
                cost_price      INTEGER,
                PRIMARY KEY (order_uid, line_no)
            ) WITHOUT ROWID;
            CREATE TABLE pos_payments (
                order_uid   TEXT NOT NULL REFERENCES pos_orders (order_uid) ON DELETE CASCADE,
                payment_no  INTEGER NOT NULL,
                tender_type TEXT NOT NULL,
                amount      INTEGER NOT NULL,
                reference   TEXT,
                PRIMARY KEY (order_uid, payment_no)
            ) WITHOUT ROWID;
            CREATE TABLE goods_receptions (
                reception_uid      TEXT PRIMARY KEY NOT NULL,
                purchase_order_uid TEXT NOT NULL,
                warehouse_uid      TEXT NOT NULL,
                received_at        TEXT NOT NULL
            );
            CREATE TABLE goods_reception_lines (
                reception_uid       TEXT NOT NULL REFERENCES goods_receptions (reception_uid) ON DELETE CASCADE,
                line_no             INTEGER NOT NULL,
                omnium_line_item_id TEXT,
                sku                 TEXT NOT NULL,
                quantity            INTEGER NOT NULL,
                PRIMARY KEY (reception_uid, line_no)
            ) WITHOUT ROWID;
            CREATE TABLE stock_movements (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                warehouse_uid   TEXT NOT NULL,
                product_uid     TEXT NOT NULL,
                quantity_change INTEGER NOT NULL,
                reason          TEXT NOT NULL,
                occurred_at     TEXT NOT NULL
            );
            CREATE TABLE flow_changes (
                seq        INTEGER PRIMARY KEY AUTOINCREMENT,
                entity     TEXT NOT NULL,
                object_key TEXT NOT NULL,
                changed_at TEXT NOT NULL
            );
            """),
    ]
}
