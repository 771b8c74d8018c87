import Foundation
import SQLite

// MARK: - PricesTable

/// The `price_lists` and `prices` tables.
///
/// Prices are **replaced by key**: for each (price list, product) the batch decided, the stored
/// periods become exactly the batch's periods. A period is identified by its `valid_from`
/// (the mapping never yields two periods of one key with the same start); unchanged periods are
/// left alone, changed ones rewritten, vanished ones deleted.
/// Callers wrap batches in a transaction; each call is atomic on its own (a savepoint).
/// Spec: flow-integration.md §4; docs/mapping-catalogue.md "Price resolution".
public enum PricesTable {
    static let listWriter = HashedRowWriter(table: "price_lists", keyColumns: ["price_list_uid"],
                                                    valueColumns: ["name", "currency", "store_uid"])

    // MARK: - Price lists

    public static func upsert(_ priceLists: [FlowPriceList], in db: Database) throws -> UpsertCounts {
        try db.inSavepoint {
            var counts = UpsertCounts()
            for list in priceLists {
                counts.record(try listWriter.write(key: [list.priceListUid],
                                                   values: [list.name, list.currency, list.storeUid],
                                                   hash: list.contentHash, in: db))
            }
            return counts
        }
    }

    public static func fetchAllPriceLists(in db: Database) throws -> [FlowPriceList] {
        try db.fetchAll(sql: "SELECT price_list_uid, name, currency, store_uid FROM price_lists ORDER BY price_list_uid")
            .map { row in
                FlowPriceList(priceListUid: try row.decode("price_list_uid"), name: try row.decode("name"),
                              currency: try row.decode("currency"), storeUid: try row.decodeIfPresent("store_uid"))
            }
    }

    // MARK: - Prices

    /// Makes the periods of every key in `keys` (and of every key `prices` mention) exactly `prices`.
    public static func replace(_ prices: [FlowPrice], forKeys keys: some Sequence<FlowPriceKey>,
                               in db: Database) throws -> UpsertCounts {
        let byKey = Dictionary(grouping: prices) { FlowPriceKey(priceListUid: $0.priceListUid, productUid: $0.productUid) }
        return try db.inSavepoint {
            var counts = UpsertCounts()
            let allKeys = Set(keys).union(byKey.keys).sorted()
            // Which keys have periods stored, asked for the batch at once: a key without any (every key of a first
            // load) has nothing to compare or delete, and its periods go in without a look-up each (issue 8).
            let stored = try keysWithPeriods(among: allKeys, in: db)
            for key in allKeys {
                let wanted = byKey[key] ?? []
                if stored.contains(key) {
                    counts += try replace(wanted, key: key, in: db)
                } else {
                    for price in wanted { try insert(price, key: key, in: db) }
                    counts.inserted += wanted.count
                }
            }
            return counts
        }
    }

    /// One key's periods the compared way: its stored periods read, each wanted one written if new or changed,
    /// the others deleted.
    static func replace(_ wanted: [FlowPrice], key: FlowPriceKey, in db: Database) throws -> UpsertCounts {
        var counts = UpsertCounts()
        var stored: [String: (rowid: Int64, hash: Int64)] = [:]   // valid_from text ("" = none) → row
        try db.cachedStatement(sql: """
            SELECT rowid, valid_from, content_hash FROM prices WHERE price_list_uid = ? AND product_uid = ?
            """).forEachRow(arguments: [key.priceListUid, key.productUid]) { row in
            let validFrom: String? = try row.decodeIfPresent("valid_from")
            stored[validFrom ?? ""] = (try row.decode("rowid"), try row.decode("content_hash"))
        }
        var kept: Set<String> = []
        for price in wanted {
            let period = price.validFrom.map(SQLiteDate.format) ?? ""
            kept.insert(period)
            let hash = price.contentHash.rawValue
            if let row = stored[period] {
                if row.hash == hash { counts.unchanged += 1; continue }
                try db.cachedStatement(sql: """
                    UPDATE prices SET valid_to = ?, price = ?, is_campaign = ?, original_price = ?, content_hash = ?
                    WHERE rowid = ?
                    """).execute(arguments: [price.validTo, price.price, price.isCampaign, price.originalPrice,
                                             hash, row.rowid])
                counts.updated += 1
            } else {
                try insert(price, key: key, in: db)
                counts.inserted += 1
            }
        }
        for (period, row) in stored where !kept.contains(period) {
            try db.cachedStatement(sql: "DELETE FROM prices WHERE rowid = ?").execute(arguments: [row.rowid])
            counts.deleted += 1
        }
        return counts
    }

    private static func insert(_ price: FlowPrice, key: FlowPriceKey, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO prices (price_list_uid, product_uid, valid_from, valid_to, price, is_campaign,
                                original_price, content_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [key.priceListUid, key.productUid, price.validFrom, price.validTo,
                                     price.price, price.isCampaign, price.originalPrice, price.contentHash.rawValue])
    }

    /// The keys among `keys` with at least one period stored: one statement per price list, its products going in
    /// as one JSON list (`json_each`).
    private static func keysWithPeriods(among keys: [FlowPriceKey], in db: Database) throws -> Set<FlowPriceKey> {
        var found = Set<FlowPriceKey>()
        let statement = try db.cachedStatement(sql: """
            SELECT DISTINCT product_uid FROM prices
            WHERE price_list_uid = ? AND product_uid IN (SELECT value FROM json_each(?))
            """)
        for (priceListUid, ofList) in Dictionary(grouping: keys, by: \.priceListUid) {
            let productUids = String(decoding: try JSONEncoder().encode(ofList.map(\.productUid)), as: UTF8.self)
            try statement.forEachRow(arguments: [priceListUid, productUids]) { row in
                found.insert(FlowPriceKey(priceListUid: priceListUid, productUid: try row.decode("product_uid")))
            }
        }
        return found
    }

    // MARK: - Reconciliation

    /// Up to `limit` (price list, product) pairs of the lists omniflow manages, after `after`, in key
    /// order, that `staged` does not hold: what a full read did not yield, page by page. Needs the run's
    /// staging attached (``FlowDatabase/withStagingAttached(_:_:)``).
    public static func unreportedKeys(notIn staged: StagedKeys, after: FlowPriceKey?, limit: Int,
                                      in db: Database) throws -> [FlowPriceKey] {
        try db.cachedStatement(sql: """
            SELECT DISTINCT p.price_list_uid, p.product_uid FROM prices p
            JOIN price_lists l ON l.price_list_uid = p.price_list_uid
            WHERE (p.price_list_uid, p.product_uid) > (?, ?)
              AND \(staged.notStaged(group: "p.price_list_uid", rest: "p.product_uid"))
            ORDER BY p.price_list_uid, p.product_uid LIMIT ?
            """).fetchAll(arguments: [after?.priceListUid ?? "", after?.productUid ?? "", staged.storage, limit])
            .map { FlowPriceKey(priceListUid: try $0.decode("price_list_uid"), productUid: try $0.decode("product_uid")) }
    }

    /// Deletes every period of each key (Omnium no longer has a price for it).
    /// - Returns: the periods deleted.
    public static func delete(keys: some Sequence<FlowPriceKey>, in db: Database) throws -> Int {
        try db.inSavepoint {
            var deleted = 0
            let statement = try db.cachedStatement(sql: "DELETE FROM prices WHERE price_list_uid = ? AND product_uid = ?")
            for key in keys {
                try statement.execute(arguments: [key.priceListUid, key.productUid])
                deleted += db.changesCount
            }
            return deleted
        }
    }

    /// A product's periods in one list, oldest first (open start first).
    public static func fetchPrices(priceListUid: String, productUid: String, in db: Database) throws -> [FlowPrice] {
        try db.fetchAll(sql: """
            SELECT price_list_uid, product_uid, valid_from, valid_to, price, is_campaign, original_price FROM prices
            WHERE price_list_uid = ? AND product_uid = ? ORDER BY valid_from IS NOT NULL, valid_from
            """, arguments: [priceListUid, productUid]).map(price(from:))
    }

    /// The price of a product in a list at `date` (the period with `valid_from <= date < valid_to`).
    public static func fetchPrice(priceListUid: String, productUid: String, at date: Date,
                                  in db: Database) throws -> FlowPrice? {
        try fetchPrices(priceListUid: priceListUid, productUid: productUid, in: db).last { price in
            (price.validFrom ?? .distantPast) <= date && date < (price.validTo ?? .distantFuture)
        }
    }

    public static func count(in db: Database) throws -> Int {
        try db.fetchValue(sql: "SELECT count(*) FROM prices", as: Int.self) ?? 0
    }

    private static func price(from row: Row) throws -> FlowPrice {
        FlowPrice(priceListUid: try row.decode("price_list_uid"), productUid: try row.decode("product_uid"),
                  price: try row.decode("price"), isCampaign: try row.decode("is_campaign"),
                  originalPrice: try row.decodeIfPresent("original_price"),
                  validFrom: try row.decodeIfPresent("valid_from"), validTo: try row.decodeIfPresent("valid_to"))
    }
}
