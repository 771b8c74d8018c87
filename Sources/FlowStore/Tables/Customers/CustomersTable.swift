import Foundation
import SQLite

// MARK: - CustomersTable

/// The `customers` table of `flow.db`.
///
/// Customers arrive from Omnium with inbound orders (flow-integration.md §6); the outbound customer
/// sync reads the same rows. `external_id` (the Omnium `customerId`) is indexed for that look-up.
/// Only rows whose content hash changed are written.
public enum CustomersTable {

    // MARK: - Schema

    /// Register in this order on FlowStore's migrator (`migrator.registerMigration(m.name) { try $0.executeScript(m.sql) }`).
    public static let migrations: [(name: String, sql: String)] = [
        (name: "customers.v1", sql: """
            CREATE TABLE customers (
                customer_uid TEXT PRIMARY KEY NOT NULL,
                type TEXT NOT NULL,
                first_name TEXT,
                last_name TEXT,
                display_name TEXT,
                company_name TEXT,
                email TEXT,
                mobile TEXT,
                address TEXT,
                postal_code TEXT,
                city TEXT,
                country_code TEXT,
                vat_number TEXT,
                loyalty_id TEXT,
                external_id TEXT,
                content_hash INTEGER NOT NULL
            );
            CREATE INDEX customers_external_id ON customers (external_id);
            """),
    ]

    // MARK: - Writing

    /// Upserts the customers in one transaction (a savepoint inside the caller's), all or nothing.
    /// - Throws: `SQLiteError` naming the SQL.
    @discardableResult
    public static func upsert(_ customers: [FlowCustomer], in db: Database) throws -> UpsertCounts {
        try db.inTransaction {
            var counts = UpsertCounts()
            for customer in customers {
                counts.record(try writer.write(key: [customer.customerUid], values: customer.columnValues,
                                               hash: customer.contentHash, in: db))
            }
            return counts
        }
    }

    /// Writes back the Omnium id a pushed customer got (Flow's `externalId`), without journaling (it is
    /// not a change to push). Through the hashed writer, so the stored content hash covers the new id and
    /// the next inbound copy of the same customer compares against what the row really holds.
    public static func setExternalId(_ externalId: String, customerUid: String, in db: Database) throws {
        guard var customer = try fetch(customerUid: customerUid, in: db), customer.externalId != externalId else { return }
        customer.externalId = externalId
        try upsert([customer], in: db)
    }

    // MARK: - Reading

    public static func fetch(customerUid: String, in db: Database) throws -> FlowCustomer? {
        try db.fetchOne(sql: "SELECT * FROM customers WHERE customer_uid = ?", arguments: [customerUid])
            .map(FlowCustomer.init(row:))
    }

    public static func fetch(externalId: String, in db: Database) throws -> FlowCustomer? {
        try db.fetchOne(sql: "SELECT * FROM customers WHERE external_id = ? ORDER BY customer_uid LIMIT 1",
                        arguments: [externalId]).map(FlowCustomer.init(row:))
    }

    public static func fetchAll(in db: Database) throws -> [FlowCustomer] {
        try db.fetchAll(sql: "SELECT * FROM customers ORDER BY customer_uid").map(FlowCustomer.init(row:))
    }

    // MARK: - Private

    static let writer = HashedRowWriter(table: "customers", keyColumns: ["customer_uid"],
                                                valueColumns: FlowCustomer.valueColumns)
}

// MARK: - FlowCustomer rows

extension FlowCustomer: ContentHashable {
    static let valueColumns = [
        "type", "first_name", "last_name", "display_name", "company_name", "email", "mobile", "address",
        "postal_code", "city", "country_code", "vat_number", "loyalty_id", "external_id",
    ]

    var columnValues: [(any DatabaseValueConvertible)?] {
        [type.rawValue, firstName, lastName, displayName, companyName, email, mobile, address, postalCode, city,
         countryCode, vatNumber, loyaltyId, externalId]
    }

    public func hashContent(into hasher: inout ContentHasher) {
        hasher.combine(customerUid)
        for value in [type.rawValue, firstName, lastName, displayName, companyName, email, mobile, address,
                      postalCode, city, countryCode, vatNumber, loyaltyId, externalId] {
            hasher.combine(value)
        }
    }

    /// - Throws: `RowDecodingError` naming the column and the SQL.
    public init(row: Row) throws {
        self.init(customerUid: try row.decode("customer_uid"), type: FlowCustomerType(rawValue: try row.decode("type")),
                  firstName: try row.decodeIfPresent("first_name"), lastName: try row.decodeIfPresent("last_name"),
                  displayName: try row.decodeIfPresent("display_name"),
                  companyName: try row.decodeIfPresent("company_name"), email: try row.decodeIfPresent("email"),
                  mobile: try row.decodeIfPresent("mobile"), address: try row.decodeIfPresent("address"),
                  postalCode: try row.decodeIfPresent("postal_code"), city: try row.decodeIfPresent("city"),
                  countryCode: try row.decodeIfPresent("country_code"), vatNumber: try row.decodeIfPresent("vat_number"),
                  loyaltyId: try row.decodeIfPresent("loyalty_id"), externalId: try row.decodeIfPresent("external_id"))
    }
}
