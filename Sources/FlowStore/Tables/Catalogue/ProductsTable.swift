import SQLite

// MARK: - ProductsTable

/// The `products`, `product_barcodes` and `product_images` tables.
///
/// A product's barcodes are part of its content hash and are rewritten with it; its images are
/// replaced as a set per product (`replaceImages`). Products are never deleted by the load, only
/// deactivated (`is_active = 0`), because Flow's sales history refers to them.
/// Callers wrap batches in a transaction; each call is atomic on its own (a savepoint).
/// Spec: flow-integration.md §3 (steps 3–6), §3.1.
public enum ProductsTable {
    static let writer = HashedRowWriter(
        table: "products", keyColumns: ["product_uid"],
        valueColumns: ["sku", "sibling_group_uid", "name", "description", "short_description", "color", "size",
                       "brand_uid", "product_group_uid", "vat_code_uid", "is_active", "allow_purchase",
                       "purchase_price", "currency_purchase_price", "currency", "recommended_retail_price",
                       "weight", "height", "width", "length"])
    static let imageWriter = HashedRowWriter(table: "product_images", keyColumns: ["product_uid", "url"],
                                                     valueColumns: ["file_name", "sort_order", "is_main"])

    // MARK: - Products

    /// Inserts new products, rewrites changed ones (and their barcodes), leaves the rest alone.
    public static func upsert(_ products: [FlowProduct], in db: Database) throws -> UpsertCounts {
        try db.inSavepoint {
            var counts = UpsertCounts()
            for product in products {
                let outcome = try writer.write(key: [product.productUid], values: values(of: product),
                                               hash: product.contentHash, in: db)
                counts.record(outcome)
                if outcome != .unchanged { try writeBarcodes(of: product, in: db) }
            }
            return counts
        }
    }

    private static func values(of product: FlowProduct) -> [(any DatabaseValueConvertible)?] {
        [product.sku, product.siblingGroupUid, product.name, product.description, product.shortDescription,
         product.color, product.size, product.brandUid, product.productGroupUid, product.vatCodeUid,
         product.isActive, product.allowPurchase, product.purchasePrice, product.currencyPurchasePrice,
         product.currency, product.recommendedRetailPrice, product.weight, product.height, product.width,
         product.length]
    }

    private static func writeBarcodes(of product: FlowProduct, in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM product_barcodes WHERE product_uid = ?").execute { $0.bind(product.productUid) }
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO product_barcodes (product_uid, barcode, position) VALUES (?, ?, ?)")
        for (position, barcode) in product.barcodes.enumerated() {
            try insert.execute { bindings in
                bindings.bind(product.productUid)
                bindings.bind(barcode)
                bindings.bind(position)
            }
        }
    }

    // MARK: - Images

    /// Makes each product in `productUids` have exactly the images in `images` that belong to it:
    /// new ones inserted, changed ones updated, missing ones deleted (`UpsertCounts.deleted`).
    /// A product listed with no images loses all of its images.
    public static func replaceImages(_ images: [FlowProductImage], forProducts productUids: some Sequence<String>,
                                     in db: Database) throws -> UpsertCounts {
        let byProduct = Dictionary(grouping: images, by: \.productUid)
        return try db.inSavepoint {
            var counts = UpsertCounts()
            for productUid in Set(productUids).union(byProduct.keys).sorted() {
                let wanted = byProduct[productUid] ?? []
                var stored: [String] = []
                try db.cachedStatement(sql: "SELECT url FROM product_images WHERE product_uid = ?")
                    .execute({ $0.bind(productUid) }) { row in stored.append(row.text(0) ?? "") }
                let wantedUrls = Set(wanted.map(\.url))
                for url in stored where !wantedUrls.contains(url) {
                    try db.cachedStatement(sql: "DELETE FROM product_images WHERE product_uid = ? AND url = ?")
                        .execute(arguments: [productUid, url])
                    counts.deleted += 1
                }
                for image in wanted {
                    counts.record(try imageWriter.write(key: [image.productUid, image.url],
                                                        values: [image.fileName, image.sortOrder, image.isMain],
                                                        hash: image.contentHash, in: db))
                }
            }
            return counts
        }
    }

    // MARK: - Reading

    private static let selectProduct = """
        SELECT product_uid, sku, sibling_group_uid, name, description, short_description, color, size, brand_uid,
               product_group_uid, vat_code_uid, is_active, allow_purchase, purchase_price, currency_purchase_price,
               currency, recommended_retail_price, weight, height, width, length
        FROM products
        """

    public static func fetch(productUid: String, in db: Database) throws -> FlowProduct? {
        guard let row = try db.fetchOne(sql: selectProduct + " WHERE product_uid = ?", arguments: [productUid])
        else { return nil }
        return try product(from: row, in: db)
    }

    public static func fetchAll(in db: Database) throws -> [FlowProduct] {
        try db.fetchAll(sql: selectProduct + " ORDER BY product_uid").map { try product(from: $0, in: db) }
    }

    /// The products a scanned barcode belongs to (normally one).
    public static func productUids(barcode: String, in db: Database) throws -> [String] {
        try db.fetchAll(sql: "SELECT product_uid FROM product_barcodes WHERE barcode = ? ORDER BY product_uid",
                        arguments: [barcode]).map { try $0.decode("product_uid") }
    }

    public static func fetchImages(productUid: String, in db: Database) throws -> [FlowProductImage] {
        try db.fetchAll(sql: """
            SELECT product_uid, url, file_name, sort_order, is_main FROM product_images
            WHERE product_uid = ? ORDER BY sort_order, url
            """, arguments: [productUid]).map { row in
            FlowProductImage(productUid: try row.decode("product_uid"), url: try row.decode("url"),
                             fileName: try row.decodeIfPresent("file_name"), sortOrder: try row.decode("sort_order"),
                             isMain: try row.decode("is_main"))
        }
    }

    private static func product(from row: Row, in db: Database) throws -> FlowProduct {
        let productUid: String = try row.decode("product_uid")
        let barcodes = try db.fetchAll(sql: "SELECT barcode FROM product_barcodes WHERE product_uid = ? ORDER BY position",
                                       arguments: [productUid]).map { try $0.decode("barcode", as: String.self) }
        return FlowProduct(
            productUid: productUid, sku: try row.decode("sku"), name: try row.decode("name"),
            vatCodeUid: try row.decode("vat_code_uid"), productGroupUid: try row.decode("product_group_uid"),
            siblingGroupUid: try row.decodeIfPresent("sibling_group_uid"),
            description: try row.decodeIfPresent("description"),
            shortDescription: try row.decodeIfPresent("short_description"),
            color: try row.decodeIfPresent("color"), size: try row.decodeIfPresent("size"),
            brandUid: try row.decodeIfPresent("brand_uid"), barcodes: barcodes,
            isActive: try row.decode("is_active"), allowPurchase: try row.decode("allow_purchase"),
            purchasePrice: try row.decodeIfPresent("purchase_price"),
            currencyPurchasePrice: try row.decodeIfPresent("currency_purchase_price"),
            currency: try row.decodeIfPresent("currency"),
            recommendedRetailPrice: try row.decodeIfPresent("recommended_retail_price"),
            weight: try row.decodeIfPresent("weight"), height: try row.decodeIfPresent("height"),
            width: try row.decodeIfPresent("width"), length: try row.decodeIfPresent("length"))
    }
}
