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
        try db.inSavepoint { try upsertReportingInserted(products, in: db).counts }
    }

    /// A page of products and their images, as `load.products` writes it: ``upsert(_:in:)``, then
    /// ``replaceImages(_:forProducts:in:)`` for the page's products, in one savepoint.
    ///
    /// Why together: a product the upsert inserted has no barcodes and no images yet (they reference it, foreign
    /// keys are on, and products are never deleted), so its barcodes and images are inserted without first
    /// deleting or reading any, and which products are new is asked once for the page. A first load of 10,000
    /// products ran about ten statements per product, six of them looking for rows that could not exist (issue 8).
    public static func upsertWithImages(_ products: [FlowProduct], images: [FlowProductImage],
                                        in db: Database) throws -> (products: UpsertCounts, images: UpsertCounts) {
        try db.inSavepoint {
            let upserted = try upsertReportingInserted(products, in: db)
            let imageCounts = try replaceImages(images, forProducts: products.map(\.productUid),
                                                inserted: upserted.inserted, in: db)
            return (upserted.counts, imageCounts)
        }
    }

    /// The upsert, and the products it inserted. A product absent when the page began is inserted without a
    /// look-up; if its key is taken after all (the page held it twice), it goes the compared way like the rest.
    private static func upsertReportingInserted(_ products: [FlowProduct],
                                                in db: Database) throws -> (counts: UpsertCounts, inserted: Set<String>) {
        var counts = UpsertCounts()
        var inserted = Set<String>()
        let stored = try writer.storedKeys(among: products.map(\.productUid), in: db)
        for product in products {
            if !stored.contains(product.productUid),
               try writer.insertIfAbsent(key: [product.productUid], values: values(of: product),
                                         hash: product.contentHash, in: db) {
                counts.inserted += 1
                inserted.insert(product.productUid)
                try insertBarcodes(of: product, in: db)
                continue
            }
            let outcome = try writer.write(key: [product.productUid], values: values(of: product),
                                           hash: product.contentHash, in: db)
            counts.record(outcome)
            if outcome != .unchanged { try writeBarcodes(of: product, in: db) }
        }
        return (counts, inserted)
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
        try insertBarcodes(of: product, in: db)
    }

    private static func insertBarcodes(of product: FlowProduct, in db: Database) throws {
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
        try db.inSavepoint { try replaceImages(images, forProducts: productUids, inserted: [], in: db) }
    }

    /// `inserted`: products inserted in this transaction, which have no images to read or delete.
    private static func replaceImages(_ images: [FlowProductImage], forProducts productUids: some Sequence<String>,
                                      inserted: Set<String>, in db: Database) throws -> UpsertCounts {
        let byProduct = Dictionary(grouping: images, by: \.productUid)
        var counts = UpsertCounts()
        // A new product's image goes in without a look-up, unless the list named its URL twice: then the later
        // one goes the compared way, as every image of a product stored before does.
        func write(_ image: FlowProductImage, new: Bool) throws {
            let key: [(any DatabaseValueConvertible)?] = [image.productUid, image.url]
            let values: [(any DatabaseValueConvertible)?] = [image.fileName, image.sortOrder, image.isMain]
            if new, try imageWriter.insertIfAbsent(key: key, values: values, hash: image.contentHash, in: db) {
                counts.inserted += 1
                return
            }
            counts.record(try imageWriter.write(key: key, values: values, hash: image.contentHash, in: db))
        }
        for productUid in Set(productUids).union(byProduct.keys).sorted() {
            let wanted = byProduct[productUid] ?? []
            let new = inserted.contains(productUid)
            if !new {
                var stored: [String] = []
                try db.cachedStatement(sql: "SELECT url FROM product_images WHERE product_uid = ?")
                    .execute({ $0.bind(productUid) }) { row in stored.append(row.text(0) ?? "") }
                let wantedUrls = Set(wanted.map(\.url))
                for url in stored where !wantedUrls.contains(url) {
                    try db.cachedStatement(sql: "DELETE FROM product_images WHERE product_uid = ? AND url = ?")
                        .execute(arguments: [productUid, url])
                    counts.deleted += 1
                }
            }
            for image in wanted { try write(image, new: new) }
        }
        return counts
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
