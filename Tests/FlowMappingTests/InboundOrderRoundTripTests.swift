import Foundation
import SQLite
import XCTest
@testable import FlowMapping
import FlowStore
import Omnium

/// Map → merge → save → read back → map the same Omnium data again: nothing may change, so repeated
/// polls of an unchanged order write nothing (dates survive the millisecond precision of `flow.db`).
final class InboundOrderRoundTripTests: XCTestCase {
    private let stores = KnownFlowStores(storeUids: ["oslo"])
    private let settings = InboundOrderSettings(clickCollectOrderHandlingUid: "cc", clickCollectExpiryDays: 3)

    private func makeDatabase() throws -> Database {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("omniflow-orders-roundtrip-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let db = try Database(path: folder.appendingPathComponent("flow.db").path)
        var migrator = DatabaseMigrator()
        for migration in OrdersTable.migrations {
            migrator.registerMigration(migration.name) { try $0.executeScript(migration.sql) }
        }
        try migrator.migrate(db)
        return db
    }

    private func omniumOrder(quantity: Decimal) throws -> OmniumOrder {
        let json = """
            {"id":"CC-77","orderType":"ClickAndCollect","status":"New","storeId":"oslo","billingCurrency":"NOK",
             "modified":"2026-11-20T09:15:42.1234567Z",
             "orderForm":{"lineItems":[{"lineItemId":"1","code":"SKU1","quantity":\(quantity),"placedPrice":99.90,
             "taxRate":12.5},{"lineItemId":"2","code":"SKU2","quantity":1,"placedPrice":10,"taxRate":25}],
             "shipments":[{"shipmentId":"1","warehouseCode":"oslo","pickUpWarehouseCode":"oslo"}]}}
            """
        return try OmniumJSON.decoder.decode(OmniumOrder.self, from: Data(json.utf8))
    }

    private func sync(_ order: OmniumOrder, now: Date, in db: Database) throws -> InboundOrderMerge.Result {
        let draft = try XCTUnwrap(InboundOrderMapping.map(order, settings: settings, stores: stores, calendar: NorwegianBusinessCalendar(timeZone: TimeZone(identifier: "Europe/Oslo")!), now: now))
        let existing = try OrdersTable.fetchSnapshot(externalOrderNumber: "CC-77", in: db)
        let result = InboundOrderMerge.merge(existing: existing, incoming: draft)
        if result.needsSave { try OrdersTable.save(result.snapshot, in: db) }
        return result
    }

    func testUnchangedOrderPolledAgainWritesNothing() throws {
        let db = try makeDatabase()
        let monday = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00Z")!
        XCTAssertEqual(try sync(omniumOrder(quantity: 2), now: monday, in: db).outcome, .created)
        let stored = try XCTUnwrap(OrdersTable.fetchSnapshot(orderUid: "CC-77", in: db))
        XCTAssertEqual(stored.order.orderState, .parked)
        XCTAssertEqual(stored.order.validUntil, ISO8601DateFormatter().date(from: "2026-11-26T22:59:59Z"))
        XCTAssertEqual(stored.items[0].vatRate, Decimal(string: "12.5"))

        let later = monday.addingTimeInterval(86_400 * 2)
        let again = try sync(omniumOrder(quantity: 2), now: later, in: db)
        XCTAssertEqual(again.outcome, .unchanged)

        let changed = try sync(omniumOrder(quantity: 3), now: later, in: db)
        XCTAssertEqual(changed.outcome, .reopened)
        let reopened = try XCTUnwrap(OrdersTable.fetchSnapshot(orderUid: "CC-77", in: db))
        XCTAssertEqual(reopened.order.orderState, .open)
        XCTAssertEqual(reopened.items[0].quantity, 300)
        XCTAssertEqual(reopened.order.validUntil, stored.order.validUntil)   // the deadline does not move
        XCTAssertEqual(try sync(omniumOrder(quantity: 3), now: later, in: db).outcome, .unchanged)
    }
}
