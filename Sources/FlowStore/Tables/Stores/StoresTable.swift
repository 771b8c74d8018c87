import Foundation
import SQLite

/// The `organizations`, `stores`, `warehouses`, `store_warehouses`, `opening_hours` and
/// `special_opening_hours` tables of `flow.db`.
///
/// Loading a `FlowStoresBatch` is an upsert that writes only rows whose content hash changed, keeps the
/// create-only fields of an existing store (flow-integration.md §10: `salesPriceUid` and the number
/// series are set on create only; the default warehouses are replaced only when the current one is no
/// longer among the store's warehouses), and replaces a store's warehouse links and opening hours as a set.
public enum StoresTable {

    // MARK: - Schema

    public static let migrations: [(name: String, sql: String)] = [
        (name: "stores.v1", sql: """
            CREATE TABLE organizations (
                organization_uid TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                vat_number TEXT,
                content_hash INTEGER NOT NULL
            );
            CREATE TABLE stores (
                store_uid TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                address TEXT,
                city TEXT,
                postal_code TEXT,
                country_code TEXT,
                email TEXT,
                phone TEXT,
                latitude REAL,
                longitude REAL,
                is_active INTEGER NOT NULL,
                external_id TEXT,
                vat_number TEXT,
                organization_uid TEXT NOT NULL REFERENCES organizations (organization_uid),
                sales_price_uid TEXT,
                purchase_number_series_uid TEXT,
                voucher_number_series_uid TEXT,
                default_warehouse_uid TEXT,
                default_return_warehouse_uid TEXT,
                content_hash INTEGER NOT NULL
            );
            CREATE TABLE warehouses (
                warehouse_uid TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                is_web_warehouse INTEGER NOT NULL,
                is_active INTEGER NOT NULL,
                content_hash INTEGER NOT NULL
            );
            CREATE TABLE store_warehouses (
                store_uid TEXT NOT NULL REFERENCES stores (store_uid) ON DELETE CASCADE,
                warehouse_uid TEXT NOT NULL REFERENCES warehouses (warehouse_uid),
                priority INTEGER NOT NULL,
                PRIMARY KEY (store_uid, warehouse_uid)
            ) WITHOUT ROWID;
            CREATE TABLE opening_hours (
                store_uid TEXT NOT NULL REFERENCES stores (store_uid) ON DELETE CASCADE,
                weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                is_open INTEGER NOT NULL,
                open_from TEXT,
                open_to TEXT,
                PRIMARY KEY (store_uid, weekday)
            ) WITHOUT ROWID;
            CREATE TABLE special_opening_hours (
                store_uid TEXT NOT NULL REFERENCES stores (store_uid) ON DELETE CASCADE,
                date TEXT NOT NULL,
                is_closed INTEGER NOT NULL,
                label TEXT,
                open_from TEXT,
                open_to TEXT,
                PRIMARY KEY (store_uid, date)
            ) WITHOUT ROWID;
            CREATE TABLE store_children_hashes (
                store_uid TEXT PRIMARY KEY NOT NULL REFERENCES stores (store_uid) ON DELETE CASCADE,
                content_hash INTEGER NOT NULL
            );
            """),
    ]

    // MARK: - Load

    /// Upserts a whole stores export. Call inside a write transaction.
    /// - Returns: counts per table group (`organizations`, `stores`, `warehouses`, `store_children`).
    public static func save(_ batch: FlowStoresBatch, in db: Database) throws -> [String: UpsertCounts] {
        var counts: [String: UpsertCounts] = [:]
        counts["organizations"] = try saveOrganizations(batch.organizations, in: db)
        counts["warehouses"] = try saveWarehouses(batch.warehouses, in: db)
        let linksByStore = Dictionary(grouping: batch.storeWarehouses, by: \.storeUid)
        let hoursByStore = Dictionary(grouping: batch.openingHours, by: \.storeUid)
        let specialByStore = Dictionary(grouping: batch.specialOpeningHours, by: \.storeUid)
        var storeCounts = UpsertCounts()
        var childCounts = UpsertCounts()
        for incoming in batch.stores {
            let links = (linksByStore[incoming.storeUid] ?? []).sorted { $0.priority < $1.priority }
            storeCounts += try saveStore(incoming, warehouses: links.map(\.warehouseUid), in: db)
            childCounts += try saveChildren(of: incoming.storeUid, links: links,
                                            hours: hoursByStore[incoming.storeUid] ?? [],
                                            special: specialByStore[incoming.storeUid] ?? [], in: db)
        }
        counts["stores"] = storeCounts
        counts["store_children"] = childCounts
        return counts
    }

    static let organizationRows = HashedRowWriter(
        table: "organizations", keyColumns: ["organization_uid"], valueColumns: ["name", "vat_number"])
    static let warehouseRows = HashedRowWriter(
        table: "warehouses", keyColumns: ["warehouse_uid"], valueColumns: ["name", "is_web_warehouse", "is_active"])
    static let storeRows = HashedRowWriter(
        table: "stores", keyColumns: ["store_uid"],
        valueColumns: ["name", "address", "city", "postal_code", "country_code", "email", "phone", "latitude",
                       "longitude", "is_active", "external_id", "vat_number", "organization_uid", "sales_price_uid",
                       "purchase_number_series_uid", "voucher_number_series_uid", "default_warehouse_uid",
                       "default_return_warehouse_uid"])

    static func saveOrganizations(_ organizations: [FlowOrganization], in db: Database) throws -> UpsertCounts {
        var counts = UpsertCounts()
        for organization in organizations {
            counts.record(try organizationRows.write(
                key: [organization.organizationUid], values: [organization.name, organization.vatNumber],
                hash: try hashOf(organization), in: db))
        }
        return counts
    }

    static func saveWarehouses(_ warehouses: [FlowWarehouse], in db: Database) throws -> UpsertCounts {
        var counts = UpsertCounts()
        for warehouse in warehouses {
            counts.record(try warehouseRows.write(
                key: [warehouse.warehouseUid], values: [warehouse.name, warehouse.isWebWarehouse, warehouse.isActive],
                hash: try hashOf(warehouse), in: db))
        }
        return counts
    }

    /// Applies the create-only rules against the stored store, then upserts if anything changed.
    static func saveStore(_ incoming: FlowStoreRecord, warehouses: [String], in db: Database) throws -> UpsertCounts {
        var record = incoming
        if let existing = try store(uid: incoming.storeUid, in: db) {
            record.salesPriceUid = existing.salesPriceUid
            record.purchaseNumberSeriesUid = existing.purchaseNumberSeriesUid
            record.voucherNumberSeriesUid = existing.voucherNumberSeriesUid
            record.defaultWarehouseUid = keepIfAvailable(existing.defaultWarehouseUid, warehouses)
            record.defaultReturnWarehouseUid = keepIfAvailable(existing.defaultReturnWarehouseUid, warehouses)
        }
        var counts = UpsertCounts()
        counts.record(try storeRows.write(
            key: [record.storeUid],
            values: [record.name, record.address, record.city, record.postalCode, record.countryCode, record.email,
                     record.phone, record.latitude, record.longitude, record.isActive, record.externalId,
                     record.vatNumber, record.organizationUid, record.salesPriceUid, record.purchaseNumberSeriesUid,
                     record.voucherNumberSeriesUid, record.defaultWarehouseUid, record.defaultReturnWarehouseUid],
            hash: try hashOf(record), in: db))
        return counts
    }

    /// "Set to first available" (§10, on update): keep the current default while the store still has it.
    static func keepIfAvailable(_ current: String?, _ warehouses: [String]) -> String? {
        if let current, warehouses.contains(current) { return current }
        return warehouses.first
    }

    /// Warehouse links and opening hours are replaced as one set per store, when their hash changed.
    static func saveChildren(of storeUid: String, links: [FlowStoreWarehouse], hours: [FlowOpeningHours],
                             special: [FlowSpecialOpeningHours], in db: Database) throws -> UpsertCounts {
        struct Children: Encodable {
            let links: [FlowStoreWarehouse]
            let hours: [FlowOpeningHours]
            let special: [FlowSpecialOpeningHours]
        }
        let hash = try hashOf(Children(links: links, hours: hours.sorted { $0.weekday < $1.weekday },
                                       special: special.sorted { $0.date < $1.date }))
        let stored: Int64? = try db.fetchValue(
            sql: "SELECT content_hash FROM store_children_hashes WHERE store_uid = ?", arguments: [storeUid])
        if stored == hash.rawValue { return UpsertCounts(unchanged: 1) }
        try db.execute(sql: "DELETE FROM store_warehouses WHERE store_uid = ?", arguments: [storeUid])
        try db.execute(sql: "DELETE FROM opening_hours WHERE store_uid = ?", arguments: [storeUid])
        try db.execute(sql: "DELETE FROM special_opening_hours WHERE store_uid = ?", arguments: [storeUid])
        for link in links {
            try db.cachedStatement(sql: "INSERT INTO store_warehouses (store_uid, warehouse_uid, priority) VALUES (?, ?, ?)")
                .execute(arguments: [storeUid, link.warehouseUid, link.priority])
        }
        for day in hours {
            try db.cachedStatement(sql: """
                INSERT INTO opening_hours (store_uid, weekday, is_open, open_from, open_to) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [storeUid, day.weekday, day.isOpen, day.openFrom, day.openTo])
        }
        for day in special {
            try db.cachedStatement(sql: """
                INSERT INTO special_opening_hours (store_uid, date, is_closed, label, open_from, open_to)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (store_uid, date) DO UPDATE SET is_closed = excluded.is_closed, label = excluded.label,
                    open_from = excluded.open_from, open_to = excluded.open_to
                """).execute(arguments: [storeUid, day.date, day.isClosed, day.label, day.openFrom, day.openTo])
        }
        try db.cachedStatement(sql: """
            INSERT INTO store_children_hashes (store_uid, content_hash) VALUES (?, ?)
            ON CONFLICT (store_uid) DO UPDATE SET content_hash = excluded.content_hash
            """).execute(arguments: [storeUid, hash.rawValue])
        return stored == nil ? UpsertCounts(inserted: 1) : UpsertCounts(updated: 1)
    }

    // MARK: - Reads

    public static func store(uid: String, in db: Database) throws -> FlowStoreRecord? {
        try db.fetchOne(sql: "SELECT * FROM stores WHERE store_uid = ?", arguments: [uid]).map(storeRecord)
    }

    public static func stores(in db: Database) throws -> [FlowStoreRecord] {
        try db.fetchAll(sql: "SELECT * FROM stores ORDER BY store_uid").map(storeRecord)
    }

    static func storeRecord(_ row: Row) throws -> FlowStoreRecord {
        FlowStoreRecord(
            storeUid: try row.decode("store_uid"), name: try row.decode("name"),
            address: try row.decodeIfPresent("address"), city: try row.decodeIfPresent("city"),
            postalCode: try row.decodeIfPresent("postal_code"), countryCode: try row.decodeIfPresent("country_code"),
            email: try row.decodeIfPresent("email"), phone: try row.decodeIfPresent("phone"),
            latitude: try row.decodeIfPresent("latitude"), longitude: try row.decodeIfPresent("longitude"),
            isActive: try row.decode("is_active"), externalId: try row.decodeIfPresent("external_id"),
            vatNumber: try row.decodeIfPresent("vat_number"), organizationUid: try row.decode("organization_uid"),
            salesPriceUid: try row.decodeIfPresent("sales_price_uid"),
            purchaseNumberSeriesUid: try row.decodeIfPresent("purchase_number_series_uid"),
            voucherNumberSeriesUid: try row.decodeIfPresent("voucher_number_series_uid"),
            defaultWarehouseUid: try row.decodeIfPresent("default_warehouse_uid"),
            defaultReturnWarehouseUid: try row.decodeIfPresent("default_return_warehouse_uid"))
    }

    public static func storeUids(in db: Database) throws -> Set<String> {
        Set(try db.fetchAll(sql: "SELECT store_uid FROM stores").map { try $0.decode("store_uid", as: String.self) })
    }

    public static func organizations(in db: Database) throws -> [FlowOrganization] {
        try db.fetchAll(sql: "SELECT organization_uid, name, vat_number FROM organizations ORDER BY organization_uid").map {
            FlowOrganization(organizationUid: try $0.decode("organization_uid"), name: try $0.decode("name"),
                             vatNumber: try $0.decodeIfPresent("vat_number"))
        }
    }

    public static func warehouses(in db: Database) throws -> [FlowWarehouse] {
        try db.fetchAll(sql: "SELECT * FROM warehouses ORDER BY warehouse_uid").map {
            FlowWarehouse(warehouseUid: try $0.decode("warehouse_uid"), name: try $0.decode("name"),
                          isWebWarehouse: try $0.decode("is_web_warehouse"), isActive: try $0.decode("is_active"))
        }
    }

    /// The warehouses of one store, by priority.
    public static func warehouseUids(ofStore storeUid: String, in db: Database) throws -> [String] {
        try db.fetchAll(sql: "SELECT warehouse_uid FROM store_warehouses WHERE store_uid = ? ORDER BY priority",
                        arguments: [storeUid]).map { try $0.decode("warehouse_uid") }
    }

    public static func openingHours(ofStore storeUid: String, in db: Database) throws -> [FlowOpeningHours] {
        try db.fetchAll(sql: "SELECT * FROM opening_hours WHERE store_uid = ? ORDER BY weekday", arguments: [storeUid]).map {
            FlowOpeningHours(storeUid: storeUid, weekday: try $0.decode("weekday"), isOpen: try $0.decode("is_open"),
                             openFrom: try $0.decodeIfPresent("open_from"), openTo: try $0.decodeIfPresent("open_to"))
        }
    }

    public static func specialOpeningHours(ofStore storeUid: String, in db: Database) throws -> [FlowSpecialOpeningHours] {
        try db.fetchAll(sql: "SELECT * FROM special_opening_hours WHERE store_uid = ? ORDER BY date",
                        arguments: [storeUid]).map {
            FlowSpecialOpeningHours(storeUid: storeUid, date: try $0.decode("date"), isClosed: try $0.decode("is_closed"),
                                    label: try $0.decodeIfPresent("label"), openFrom: try $0.decodeIfPresent("open_from"),
                                    openTo: try $0.decodeIfPresent("open_to"))
        }
    }

    // MARK: - Hashing

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The content hash of a record: FNV-1a over its canonical (sorted-keys) JSON.
    static func hashOf<T: Encodable>(_ value: T) throws -> ContentHash {
        var hasher = ContentHasher()
        hasher.combine(String(decoding: try encoder.encode(value), as: UTF8.self))
        return hasher.finalize()
    }
}
