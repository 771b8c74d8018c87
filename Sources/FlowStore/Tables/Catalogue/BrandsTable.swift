import SQLite

// MARK: - BrandsTable

/// The `brands` and `product_groups` tables: upserts that write only changed rows, and reads.
///
/// Brands and groups are never deleted by the load: products in Flow's history keep pointing at
/// them. Callers wrap batches in a transaction; each call is atomic on its own (a savepoint).
/// Spec: flow-integration.md §3 step 2, §3.2.
public enum BrandsTable {
    static let brandWriter = HashedRowWriter(table: "brands", keyColumns: ["brand_uid"],
                                                     valueColumns: ["name"])
    static let groupWriter = HashedRowWriter(table: "product_groups", keyColumns: ["product_group_uid"],
                                                     valueColumns: ["name", "parent_uid"])

    // MARK: - Writing

    public static func upsert(_ brands: [FlowBrand], in db: Database) throws -> UpsertCounts {
        try db.inSavepoint {
            var counts = UpsertCounts()
            for brand in brands {
                counts.record(try brandWriter.write(key: [brand.brandUid], values: [brand.name],
                                                    hash: brand.contentHash, in: db))
            }
            return counts
        }
    }

    public static func upsert(_ groups: [FlowProductGroup], in db: Database) throws -> UpsertCounts {
        try db.inSavepoint {
            var counts = UpsertCounts()
            for group in groups {
                counts.record(try groupWriter.write(key: [group.productGroupUid], values: [group.name, group.parentUid],
                                                    hash: group.contentHash, in: db))
            }
            return counts
        }
    }

    // MARK: - Reading

    public static func fetchAllBrands(in db: Database) throws -> [FlowBrand] {
        try db.fetchAll(sql: "SELECT brand_uid, name FROM brands ORDER BY brand_uid").map { row in
            FlowBrand(brandUid: try row.decode("brand_uid"), name: try row.decode("name"))
        }
    }

    public static func fetchAllProductGroups(in db: Database) throws -> [FlowProductGroup] {
        try db.fetchAll(sql: "SELECT product_group_uid, name, parent_uid FROM product_groups ORDER BY product_group_uid")
            .map { row in
                FlowProductGroup(productGroupUid: try row.decode("product_group_uid"), name: try row.decode("name"),
                                 parentUid: try row.decodeIfPresent("parent_uid"))
            }
    }
}
