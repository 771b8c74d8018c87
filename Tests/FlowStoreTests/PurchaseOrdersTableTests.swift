import Foundation
import SQLite
import XCTest
import FlowStore

final class PurchaseOrdersTableTests: XCTestCase {
    private let eta = Date(timeIntervalSince1970: 1_800_000_000.123)

    private func line(_ uid: String, _ position: Int, ordered: Int64 = 1000, received: Int64 = 0,
                      po: String = "PO-1") -> FlowPurchaseOrderLine {
        FlowPurchaseOrderLine(purchaseOrderUid: po, lineUid: uid, omniumLineItemId: uid, position: position,
                              sku: "SKU-\(uid)", quantityOrdered: ordered, quantityReceived: received,
                              unitPrice: 4_990, warehouseUid: "oslo", expectedDeliveryDate: eta)
    }

    private func snapshot(_ lines: [FlowPurchaseOrderLine], status: FlowPurchaseOrderStatus = .sentToSupplier)
        -> FlowPurchaseOrderSnapshot {
        FlowPurchaseOrderSnapshot(
            purchaseOrder: FlowPurchaseOrder(purchaseOrderUid: "PO-1", omniumPurchaseOrderId: "PO 1",
                                             supplierUid: "acme", currency: "NOK", note: "a, b", status: status,
                                             storeUid: "oslo", warehouseUid: "oslo", expectedDeliveryDate: eta),
            lines: lines)
    }

    func testSaveInsertsThenLeavesUnchangedRowsAlone() throws {
        let db = try makeOrdersTestDatabase(self)
        let po = snapshot([line("1", 0), line("2", 1)])
        let first = try PurchaseOrdersTable.save([po], in: db)
        XCTAssertEqual(first.purchaseOrders, UpsertCounts(inserted: 1))
        XCTAssertEqual(first.lines, UpsertCounts(inserted: 2))

        let again = try PurchaseOrdersTable.save([po], in: db)
        XCTAssertEqual(again.purchaseOrders, UpsertCounts(unchanged: 1))
        XCTAssertEqual(again.lines, UpsertCounts(unchanged: 2))
        XCTAssertEqual(try PurchaseOrdersTable.fetchSnapshot(purchaseOrderUid: "PO-1", in: db), po)
    }

    func testSaveUpdatesChangedLinesAndDeletesRemovedOnes() throws {
        let db = try makeOrdersTestDatabase(self)
        try PurchaseOrdersTable.save(snapshot([line("1", 0), line("2", 1), line("3", 2)]), in: db)
        let next = snapshot([line("1", 0), line("2", 1, received: 500), line("4", 2)], status: .partiallyReceived)
        let counts = try PurchaseOrdersTable.save(next, in: db)
        XCTAssertEqual(counts.purchaseOrders, UpsertCounts(updated: 1))
        XCTAssertEqual(counts.lines, UpsertCounts(inserted: 1, updated: 1, unchanged: 1, deleted: 1))
        let stored = try XCTUnwrap(PurchaseOrdersTable.fetchSnapshot(purchaseOrderUid: "PO-1", in: db))
        XCTAssertEqual(stored.lines.map(\.lineUid), ["1", "2", "4"])
        XCTAssertEqual(stored.purchaseOrder.status, .partiallyReceived)
        XCTAssertEqual(stored.lines[1].quantityReceived, 500)
    }

    func testDeliveryPurchaseOrdersAreFoundByOmniumId() throws {
        let db = try makeOrdersTestDatabase(self)
        for delivery in ["D1", "D2"] {
            var po = snapshot([line("L-\(delivery)", 0, po: "PO-1-delivery-\(delivery)")])
            po.purchaseOrder.purchaseOrderUid = "PO-1-delivery-\(delivery)"
            po.purchaseOrder.omniumDeliveryId = delivery
            try PurchaseOrdersTable.save(po, in: db)
        }
        let found = try PurchaseOrdersTable.fetchSnapshots(omniumPurchaseOrderId: "PO 1", in: db)
        XCTAssertEqual(found.map(\.purchaseOrder.purchaseOrderUid), ["PO-1-delivery-D1", "PO-1-delivery-D2"])
        XCTAssertEqual(try PurchaseOrdersTable.fetchAllPurchaseOrders(in: db).count, 2)
    }

    func testFailingPurchaseOrderLeavesNoHalfWrittenLines() throws {
        let db = try makeOrdersTestDatabase(self)
        try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON purchase_order_lines WHEN NEW.line_uid = 'bad' "
                       + "BEGIN SELECT RAISE(ABORT, 'refused'); END")
        XCTAssertThrowsError(try PurchaseOrdersTable.save(snapshot([line("1", 0), line("bad", 1)]), in: db))
        XCTAssertNil(try PurchaseOrdersTable.fetchSnapshot(purchaseOrderUid: "PO-1", in: db))
        XCTAssertEqual(try db.fetchValue(sql: "SELECT COUNT(*) FROM purchase_order_lines") as Int64?, 0)
    }
}
