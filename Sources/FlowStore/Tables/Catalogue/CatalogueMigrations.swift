// MARK: - CatalogueMigrations

/// The schema of Flow's catalogue in `flow.db`: brands, product groups, products with their
/// barcodes and images, price lists and prices, stock per warehouse.
///
/// Every row carries the `content_hash` of its record (`ContentHash`) so the load rewrites only
/// what changed. No foreign keys from products to brands/groups or from prices/stock to products:
/// Flow's default product group is configured, not synced, and stock or prices may arrive for a
/// product that is quarantined or loads in a later batch; child rows (barcodes, images) do
/// reference their product and go with it. Units are Flow's: hundredths for money and stock,
/// grams, millimetres; dates as `SQLiteDate` text.
///
/// Register in this order on FlowStore's migrator
/// (`migrator.registerMigration(m.name) { try $0.executeScript(m.sql) }`); applied steps are
/// never edited, later changes are new steps.
/// Spec: flow-integration.md §3–§5, §15; DESIGN.md "The three stores".
public enum CatalogueMigrations {
    public static let migrations: [(name: String, sql: String)] = [
        (name: "catalogue.v1", sql: """
            CREATE TABLE brands (
                brand_uid TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                content_hash INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE product_groups (
                product_group_uid TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                parent_uid TEXT,
                content_hash INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE products (
                product_uid TEXT PRIMARY KEY NOT NULL,
                sku TEXT NOT NULL,
                sibling_group_uid TEXT,
                name TEXT NOT NULL,
                description TEXT,
                short_description TEXT,
                color TEXT,
                size TEXT,
                brand_uid TEXT,
                product_group_uid TEXT NOT NULL,
                vat_code_uid TEXT NOT NULL,
                is_active INTEGER NOT NULL,
                allow_purchase INTEGER NOT NULL,
                purchase_price INTEGER,
                currency_purchase_price INTEGER,
                currency TEXT,
                recommended_retail_price INTEGER,
                weight INTEGER,
                height INTEGER,
                width INTEGER,
                length INTEGER,
                content_hash INTEGER NOT NULL
            );
            CREATE INDEX products_sku ON products (sku);
            CREATE INDEX products_sibling_group ON products (sibling_group_uid) WHERE sibling_group_uid IS NOT NULL;
            CREATE TABLE product_barcodes (
                product_uid TEXT NOT NULL REFERENCES products (product_uid) ON DELETE CASCADE,
                barcode TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (product_uid, barcode)
            ) WITHOUT ROWID;
            CREATE INDEX product_barcodes_barcode ON product_barcodes (barcode);
            CREATE TABLE product_images (
                product_uid TEXT NOT NULL REFERENCES products (product_uid) ON DELETE CASCADE,
                url TEXT NOT NULL,
                file_name TEXT,
                sort_order INTEGER NOT NULL,
                is_main INTEGER NOT NULL,
                content_hash INTEGER NOT NULL,
                PRIMARY KEY (product_uid, url)
            ) WITHOUT ROWID;
            CREATE TABLE price_lists (
                price_list_uid TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                currency TEXT NOT NULL,
                store_uid TEXT,
                content_hash INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE prices (
                price_list_uid TEXT NOT NULL,
                product_uid TEXT NOT NULL,
                valid_from TEXT,
                valid_to TEXT,
                price INTEGER NOT NULL,
                is_campaign INTEGER NOT NULL,
                original_price INTEGER,
                content_hash INTEGER NOT NULL
            );
            CREATE INDEX prices_key ON prices (price_list_uid, product_uid, valid_from);
            CREATE TABLE stock (
                warehouse_uid TEXT NOT NULL,
                product_uid TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                reserved INTEGER NOT NULL,
                available INTEGER NOT NULL,
                content_hash INTEGER NOT NULL,
                PRIMARY KEY (warehouse_uid, product_uid)
            ) WITHOUT ROWID;
            """),
        // Stock keyed by product first, then warehouse (ninth session, issue 8). Why: a product's levels in every
        // warehouse now sit side by side, and a catalogue update changes products, each in all its warehouses.
        // Keyed by warehouse first, a 1 % stock update at 10,000 products in 20 stores (2,300 levels of 191
        // products) rewrote about 1,300 of the table's pages, 5 MB through the WAL, for 27 ms; keyed by product
        // 0.8 MB for 7 ms; a first load, which writes product by product, costs 17 % less. What asks by warehouse
        // (a full read's reconciliation, "does this warehouse have stock") reads the table in product order and
        // filters, once per question; the POS and the pushes look levels up by their whole key, either way.
        // The rows are copied in key order into the new table, which then takes the old one's name.
        (name: "catalogue.stock-by-product", sql: """
            CREATE TABLE stock_by_product (
                warehouse_uid TEXT NOT NULL,
                product_uid TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                reserved INTEGER NOT NULL,
                available INTEGER NOT NULL,
                content_hash INTEGER NOT NULL,
                PRIMARY KEY (product_uid, warehouse_uid)
            ) WITHOUT ROWID;
            INSERT INTO stock_by_product (warehouse_uid, product_uid, quantity, reserved, available, content_hash)
                SELECT warehouse_uid, product_uid, quantity, reserved, available, content_hash FROM stock
                ORDER BY product_uid, warehouse_uid;
            DROP TABLE stock;
            ALTER TABLE stock_by_product RENAME TO stock;
            """),
    ]
}
