import Foundation
import SQLite
import XCTest
import FlowStore

final class CustomersTableTests: XCTestCase {
    private let person = FlowCustomer(customerUid: "C-1", type: .person, firstName: "Kari", lastName: "Nordmann",
                                      displayName: "Kari Nordmann", email: "kari@example.no", mobile: "+4740000000",
                                      address: "Storgata 1", postalCode: "0155", city: "Oslo", countryCode: "NO",
                                      loyaltyId: "L-77", externalId: "C 1")
    private let company = FlowCustomer(customerUid: "B-1", type: .company, displayName: "Bær & Sånt AS",
                                       companyName: "Bær & Sånt AS", vatNumber: "NO999999999MVA", externalId: "B-1")

    func testUpsertCountsAndReads() throws {
        let db = try makeOrdersTestDatabase(self)
        XCTAssertEqual(try CustomersTable.upsert([person, company], in: db), UpsertCounts(inserted: 2))
        var moved = person
        moved.city = "Bergen"
        XCTAssertEqual(try CustomersTable.upsert([moved, company], in: db), UpsertCounts(updated: 1, unchanged: 1))
        XCTAssertEqual(try CustomersTable.fetch(customerUid: "C-1", in: db), moved)
        XCTAssertEqual(try CustomersTable.fetch(externalId: "C 1", in: db), moved)
        XCTAssertNil(try CustomersTable.fetch(externalId: "nope", in: db))
        XCTAssertEqual(try CustomersTable.fetchAll(in: db).map(\.customerUid), ["B-1", "C-1"])
    }

    /// The Omnium id written back after a push keeps the stored content hash in step: the same customer
    /// arriving from Omnium afterwards, with that id, is unchanged, not rewritten.
    func testSettingTheExternalIdKeepsTheContentHashInStep() throws {
        let db = try makeOrdersTestDatabase(self)
        var fromPos = person
        fromPos.externalId = nil
        try CustomersTable.upsert([fromPos], in: db)
        try CustomersTable.setExternalId("omnium-77", customerUid: "C-1", in: db)
        var pushed = fromPos
        pushed.externalId = "omnium-77"
        XCTAssertEqual(try CustomersTable.fetch(customerUid: "C-1", in: db), pushed)
        let stored = try db.fetchValue(sql: "SELECT content_hash FROM customers WHERE customer_uid = 'C-1'", as: Int64.self)
        XCTAssertEqual(stored, pushed.contentHash.rawValue)
        XCTAssertEqual(try CustomersTable.upsert([pushed], in: db), UpsertCounts(unchanged: 1))
    }
}
