import Foundation
import SQLite
import XCTest
import FlowStore

final class OrdersTableTests: XCTestCase {
    private func item(_ id: String, _ position: Int, quantity: Int64 = 100, vat: Decimal? = 25) -> FlowOrderItem {
        FlowOrderItem(orderUid: "CC-1", externalId: id, position: position, productUid: "p\(id)", sku: "SKU-\(id)",
                      name: "Vare \(id)", quantity: quantity, itemPrice: 19_950, itemDiscountAmount: 500,
                      vatRate: vat)
    }

    private func snapshot(_ items: [FlowOrderItem], state: FlowOrderState = .parked) -> FlowOrderSnapshot {
        FlowOrderSnapshot(
            order: FlowOrder(orderUid: "CC-1", orderNumber: "CC-1", externalOrderNumber: "CC 1", type: .clickAndCollect,
                             orderState: state, storeUid: "bergen", customerUid: "C-1", currency: "NOK",
                             orderTotal: 39_400, vatTotal: 7_880, discountTotal: 1_000,
                             validUntil: Date(timeIntervalSince1970: 1_800_000_000), omniumStatus: "New",
                             omniumModified: Date(timeIntervalSince1970: 1_799_000_000.5)),
            items: items,
            orderhandlings: [FlowOrderHandling(orderUid: "CC-1", orderHandlingUid: "cc-handling")])
    }

    func testSaveAndReadBack() throws {
        let db = try makeOrdersTestDatabase(self)
        let order = snapshot([item("1", 0), item("2", 1, vat: Decimal(string: "11.11")), item("3", 2, vat: nil)])
        let counts = try OrdersTable.save(order, in: db)
        XCTAssertEqual(counts.orders, UpsertCounts(inserted: 1))
        XCTAssertEqual(counts.items, UpsertCounts(inserted: 3))
        XCTAssertEqual(counts.orderhandlings, UpsertCounts(inserted: 1))
        XCTAssertEqual(try OrdersTable.fetchSnapshot(orderUid: "CC-1", in: db), order)
        XCTAssertEqual(try OrdersTable.fetchSnapshot(externalOrderNumber: "CC 1", in: db), order)
        XCTAssertNil(try OrdersTable.fetchSnapshot(externalOrderNumber: "nope", in: db))
    }

    func testResaveWritesOnlyWhatChangedAndDeletesRemovedItems() throws {
        let db = try makeOrdersTestDatabase(self)
        try OrdersTable.save(snapshot([item("1", 0), item("2", 1)]), in: db)
        XCTAssertEqual(try OrdersTable.save(snapshot([item("1", 0), item("2", 1)]), in: db).items,
                       UpsertCounts(unchanged: 2))

        var reopened = snapshot([item("1", 0, quantity: 200), item("3", 1)], state: .open)
        reopened.orderhandlings = []   // handlings are never deleted by a save
        let counts = try OrdersTable.save([reopened], in: db)
        XCTAssertEqual(counts.orders, UpsertCounts(updated: 1))
        XCTAssertEqual(counts.items, UpsertCounts(inserted: 1, updated: 1, deleted: 1))
        let stored = try XCTUnwrap(OrdersTable.fetchSnapshot(orderUid: "CC-1", in: db))
        XCTAssertEqual(stored.order.orderState, .open)
        XCTAssertEqual(stored.items.map(\.externalId), ["1", "3"])
        XCTAssertEqual(stored.items[0].quantity, 200)
        XCTAssertEqual(stored.orderhandlings.map(\.orderHandlingUid), ["cc-handling"])
        XCTAssertEqual(try OrdersTable.fetchAllOrders(in: db).map(\.orderUid), ["CC-1"])
    }

    func testCorruptVatRateIsReportedWithItsColumn() throws {
        let db = try makeOrdersTestDatabase(self)
        try OrdersTable.save(snapshot([item("1", 0)]), in: db)
        try db.execute(sql: "UPDATE order_items SET vat_rate = 'abc'")
        XCTAssertThrowsError(try OrdersTable.fetchSnapshot(orderUid: "CC-1", in: db)) { error in
            XCTAssertTrue("\(error)".contains("vat_rate"), "\(error)")
        }
    }
}
