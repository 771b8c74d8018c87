import FlowStore
import Foundation
import SQLite
import XCTest

/// The POS tables: whole, validated, idempotent writes that journal what the outbound push needs.
final class PosTablesTests: XCTestCase {
    private var flow: FlowDatabase!
    private let at = Date(timeIntervalSince1970: 1_796_000_000)

    override func setUpWithError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        flow = try FlowDatabase(path: folder.appendingPathComponent("flow.db").path)
    }

    /// 2 × 199,50 at 25 % with 19,90 off, and 1 × 49,90 at 15 %; paid 500 in cash, change given.
    static func sale(uid: String = "POS-oslo-1-1001", number: String = "1001", sourceKey: String? = nil) -> FlowPosOrder {
        let lines = [
            FlowPosOrderLine(lineNo: 1, sku: "SKU-1", name: "Genser", quantity: 200, unitPrice: 19_950, discountAmount: 1_990,
                             vatRate: 2500, vatAmount: 7_582, lineTotal: 37_910),
            FlowPosOrderLine(lineNo: 2, sku: "SKU-2", name: "Kaffe", quantity: 100, unitPrice: 4_990, vatRate: 1500,
                             vatAmount: 651, lineTotal: 4_990),
        ]
        return FlowPosOrder(orderUid: uid, orderNumber: number, type: .sale, storeUid: "oslo", cashRegisterUid: "oslo-1",
                            createdAt: Date(timeIntervalSince1970: 1_796_000_000), settledAt: Date(timeIntervalSince1970: 1_796_000_060),
                            orderTotal: 42_900, vatTotal: 8_233, discountTotal: 1_990, changeGiven: 7_100,
                            sourceKey: sourceKey, lines: lines,
                            payments: [FlowPosPayment(paymentNo: 1, tenderType: .cash, amount: 50_000)])
    }

    func testASaleIsStoredWholeOnceAndJournaledWithItsReceipt() throws {
        let sale = Self.sale()
        XCTAssertEqual(try flow.write { try PosOrdersTable.save(sale, in: $0) }, .inserted)
        XCTAssertEqual(try flow.write { try PosOrdersTable.save(sale, in: $0) }, .alreadyStored)
        XCTAssertEqual(try flow.read { try PosOrdersTable.fetch(orderUid: sale.orderUid, in: $0) }, sale)
        let changes = try flow.read { try FlowChangesTable.changes(after: 0, in: $0) }
        XCTAssertEqual(changes.map(\.entity), [.posOrder, .receipt])
        XCTAssertEqual(Set(changes.map(\.objectKey)), [sale.orderUid])
    }

    func testAnOrderWhoseNumbersDoNotAddUpIsRefusedNamingTheField() throws {
        var sale = Self.sale()
        sale.orderTotal += 1
        XCTAssertThrowsError(try flow.write { try PosOrdersTable.save(sale, in: $0) }) { error in
            XCTAssertEqual((error as? PosOrderError)?.field, "orderTotal", "\(error)")
        }
        sale = Self.sale()
        sale.lines[0].lineTotal = 40_000
        XCTAssertThrowsError(try flow.write { try PosOrdersTable.save(sale, in: $0) }) { error in
            XCTAssertEqual((error as? PosOrderError)?.field, "lines[1].lineTotal", "\(error)")
        }
        sale = Self.sale()
        sale.payments[0].amount = 40_000
        XCTAssertThrowsError(try flow.write { try PosOrdersTable.save(sale, in: $0) }) { error in
            XCTAssertEqual((error as? PosOrderError)?.field, "payments", "\(error)")
        }
        sale = Self.sale()
        sale.lines[1].quantity = -100
        XCTAssertThrowsError(try flow.write { try PosOrdersTable.save(sale, in: $0) })
        XCTAssertEqual(try flow.read { try PosOrdersTable.orderUids(in: $0) }, [], "nothing stored in part")
        XCTAssertEqual(try flow.read { try FlowChangesTable.changes(after: 0, in: $0) }.count, 0)
    }

    /// `insertAll` writes orders ``PosOrdersTable/rowsPerInsert`` (256) to an INSERT: over several such
    /// INSERTs, orders stored before and a repeat within the batch are told apart from those inserted (the
    /// plain INSERT is undone and the careful one takes over), each outcome in order, and the journal
    /// follows the orders; an order whose uid came from another source fails the batch naming that order.
    func testInsertAllTellsInsertedFromStoredAcrossMultiRowInsertsAndNamesARefusedOrder() throws {
        let orders = (1...300).map { Self.sale(uid: "POS-oslo-1-\($0)", number: "\($0)") }
        _ = try flow.write { db in try PosOrdersTable.insertAll([orders[4], orders[140]], in: db) }
        let outcomes = try flow.write { db in try PosOrdersTable.insertAll(orders + [orders[10]], in: db) }
        XCTAssertEqual(outcomes.count, 301)
        XCTAssertEqual(outcomes.indices.filter { outcomes[$0] == .alreadyStored }, [4, 140, 300])
        XCTAssertEqual(try flow.read { try PosOrdersTable.fetch(orderUid: "POS-oslo-1-33", in: $0) }, orders[32])
        XCTAssertEqual(try flow.read { try PosOrdersTable.fetch(orderUid: "POS-oslo-1-290", in: $0) }, orders[289])
        let journal = try flow.read { try FlowChangesTable.changes(after: 0, in: $0) }.filter { $0.entity == .posOrder }
        XCTAssertEqual(journal.map(\.objectKey), [4, 140].map { orders[$0].orderUid } + orders.indices.filter { $0 != 4 && $0 != 140 }.map { orders[$0].orderUid })

        var other = Self.sale(uid: "POS-oslo-1-999", number: "999", sourceKey: "till:999")
        XCTAssertEqual(try flow.write { try PosOrdersTable.save(other, in: $0) }, .inserted)
        other.sourceKey = "import:999"
        let batch = (1000...1300).map { Self.sale(uid: "POS-oslo-1-\($0)", number: "\($0)") }
        XCTAssertThrowsError(try flow.write { db in try PosOrdersTable.insertAll(batch[..<150] + [other] + batch[150...], in: db) }) { error in
            XCTAssertEqual((error as? PosOrderError)?.orderUid, "POS-oslo-1-999", "\(error)")
            XCTAssertEqual((error as? PosOrderError)?.field, "orderUid", "\(error)")
        }
        XCTAssertNil(try flow.read { try PosOrdersTable.fetch(orderUid: "POS-oslo-1-1000", in: $0) }, "the batch's transaction rolled back")
    }

    /// The checks go off once for many transactions (a journal import's batches) and are back afterwards,
    /// also when the body throws; `writeChecked` inside checks them for its own transaction.
    func testForeignKeyChecksOffForManyWritesComeBackAndWriteCheckedChecks() throws {
        func checks(_ db: Database) throws -> Int? { try db.fetchValue(sql: "PRAGMA foreign_keys", as: Int.self) }
        let orphan = "INSERT INTO pos_payments (order_uid, payment_no, tender_type, amount) VALUES ('none', 1, 'CASH', 1)"
        let seen = try flow.withForeignKeyChecksOff { unchecked -> [Int?] in
            let first = try unchecked.write { db in
                try PosOrdersTable.insertAll([Self.sale()], in: db)
                return try checks(db)
            }
            XCTAssertThrowsError(try unchecked.writeChecked { db in try db.execute(sql: orphan) }, "checked inside")
            let second = try unchecked.write { db in
                try PosOrdersTable.insertAll([Self.sale(uid: "POS-oslo-1-1002", number: "1002")], in: db)
                return try checks(db)
            }
            return [first, second]
        }
        XCTAssertEqual(seen, [0, 0], "off again after writeChecked")
        XCTAssertEqual(try flow.read { try checks($0) }, 1)
        XCTAssertEqual(try flow.read { try PosOrdersTable.orderUids(in: $0) }.count, 2)
        struct Stop: Error {}
        XCTAssertThrowsError(try flow.withForeignKeyChecksOff { _ in throw Stop() })
        XCTAssertEqual(try flow.read { try checks($0) }, 1)
        XCTAssertThrowsError(try flow.write { db in try db.execute(sql: orphan) })
    }

    /// The bulk writer's transaction skips foreign-key checks for its own statements only: they are on
    /// again afterwards, whether the body returned or threw.
    func testForeignKeyChecksAreBackOnAfterAWriteThatSkipsThem() throws {
        func checks() throws -> Int? { try flow.read { try $0.fetchValue(sql: "PRAGMA foreign_keys", as: Int.self) } }
        XCTAssertEqual(try checks(), 1)
        let inside = try flow.writeCheckingNoForeignKeys { db in
            try PosOrdersTable.insertAll([Self.sale()], in: db)
            return try db.fetchValue(sql: "PRAGMA foreign_keys", as: Int.self)
        }
        XCTAssertEqual(inside, 0)
        XCTAssertEqual(try checks(), 1)
        struct Stop: Error {}
        XCTAssertThrowsError(try flow.writeCheckingNoForeignKeys { db -> Void in
            try PosOrdersTable.insertAll([Self.sale(uid: "POS-oslo-1-1002", number: "1002")], in: db)
            throw Stop()
        })
        XCTAssertEqual(try checks(), 1)
        XCTAssertNil(try flow.read { try PosOrdersTable.fetch(orderUid: "POS-oslo-1-1002", in: $0) }, "rolled back whole")
        // Checked again: a line of an order that does not exist is refused outside the bulk writer.
        XCTAssertThrowsError(try flow.write { db in
            try db.execute(sql: "INSERT INTO pos_payments (order_uid, payment_no, tender_type, amount) VALUES ('none', 1, 'CASH', 1)")
        })
    }

    func testTheSameSourceKeyForAnotherOrderIsRefused() throws {
        try flow.write { try PosOrdersTable.save(Self.sale(sourceKey: "saft:f1:1"), in: $0) }
        XCTAssertThrowsError(try flow.write {
            try PosOrdersTable.save(Self.sale(uid: "POS-oslo-1-1002", number: "1002", sourceKey: "saft:f1:1"), in: $0)
        })
    }

    func testCancellingJournalsTheOrderAgain() throws {
        try flow.write { try PosOrdersTable.save(Self.sale(), in: $0) }
        XCTAssertTrue(try flow.write { try PosOrdersTable.cancel(orderUid: "POS-oslo-1-1001", at: self.at, in: $0) })
        XCTAssertFalse(try flow.write { try PosOrdersTable.cancel(orderUid: "POS-oslo-1-1001", at: self.at, in: $0) })
        XCTAssertEqual(try flow.read { try PosOrdersTable.fetch(orderUid: "POS-oslo-1-1001", in: $0) }?.orderState, .cancelled)
        XCTAssertEqual(try flow.read { try FlowChangesTable.changes(after: 2, in: $0) }.map(\.entity), [.posOrder])
    }

    func testAGoodsReceptionRaisesStockOnceWithoutJournalingTheLevel() throws {
        let reception = FlowGoodsReception(receptionUid: "GR-1", purchaseOrderUid: "PO-LOCAL-7", warehouseUid: "oslo",
                                           receivedAt: at, lines: [.init(lineNo: 1, omniumLineItemId: nil, sku: "SKU-1", quantity: 500)])
        XCTAssertTrue(try flow.write { try GoodsReceptionsTable.save(reception, in: $0) })
        XCTAssertFalse(try flow.write { try GoodsReceptionsTable.save(reception, in: $0) })
        XCTAssertEqual(try flow.read { try StockMovementsTable.level(warehouseUid: "oslo", productUid: "SKU-1", in: $0) }?.quantity, 500)
        XCTAssertEqual(try flow.read { try FlowChangesTable.changes(after: 0, in: $0) }.map(\.entity), [.goodsReception])
        XCTAssertEqual(try flow.read { try GoodsReceptionsTable.fetch(receptionUid: "GR-1", in: $0) }, reception)
    }

    func testStockQuantitiesAreReadForAWholeListInOrder() throws {
        let keys: [(warehouseUid: String, productUid: String)] = [
            ("wh-1", "SKU-1"), ("wh-2", "SKU-1"), ("wh-1", "SKU \"quoted\" \\ æ"), ("wh-1", "missing"), ("wh-1", "SKU-1"),
        ]
        try flow.write { db in
            try StockMovementsTable.apply(FlowStockMovement(warehouseUid: "wh-1", productUid: "SKU-1", quantityChange: 250,
                                                            reason: "COUNT", occurredAt: at), in: db)
            try StockMovementsTable.apply(FlowStockMovement(warehouseUid: "wh-2", productUid: "SKU-1", quantityChange: -75,
                                                            reason: "COUNT", occurredAt: at), in: db)
            try StockMovementsTable.apply(FlowStockMovement(warehouseUid: "wh-1", productUid: "SKU \"quoted\" \\ æ",
                                                            quantityChange: 1_000, reason: "COUNT", occurredAt: at), in: db)
        }
        let quantities = try flow.read { try StockMovementsTable.quantities(of: keys, in: $0) }
        XCTAssertEqual(quantities, [250, -75, 1_000, nil, 250])
        for (key, quantity) in zip(keys, quantities) {
            let one = try flow.read { try StockMovementsTable.level(warehouseUid: key.warehouseUid, productUid: key.productUid, in: $0) }
            XCTAssertEqual(one?.quantity, quantity, "\(key)")
        }
        XCTAssertEqual(try flow.read { try StockMovementsTable.quantities(of: [], in: $0) }, [])
    }

    func testStockMovementsAndPosCustomersAreJournaled() throws {
        try flow.write { db in
            try StockMovementsTable.apply(FlowStockMovement(warehouseUid: "oslo", productUid: "SKU-9", quantityChange: -200,
                                                            reason: "SALE", occurredAt: self.at), in: db)
            let customer = FlowCustomer(customerUid: "C-POS-1", type: .person, firstName: "Kari", lastName: "Nordmann")
            XCTAssertTrue(try CustomersTable.saveFromPos(customer, at: self.at, in: db))
            XCTAssertFalse(try CustomersTable.saveFromPos(customer, at: self.at, in: db), "unchanged: nothing to push")
        }
        let changes = try flow.read { try FlowChangesTable.changes(after: 0, in: $0) }
        XCTAssertEqual(changes.map(\.entity), [.stock, .customer])
        XCTAssertEqual(changes.map(\.objectKey), ["oslo/SKU-9", "C-POS-1"])
        XCTAssertEqual(try flow.read { try StockMovementsTable.level(warehouseUid: "oslo", productUid: "SKU-9", in: $0) }?.quantity, -200)
    }
    /// The stock push's markers: a journaled movement marks its level pending (a goods reception does not), a
    /// page lists the pending levels with their current level, and clearing a page leaves a level changed
    /// after it was read pending.
    func testStockPushMarkersClearOnlyLevelsUnchangedSinceTheyWereRead() throws {
        func move(_ warehouse: String, _ sku: String, _ change: Int64) throws {
            try flow.write { try StockMovementsTable.apply(FlowStockMovement(warehouseUid: warehouse, productUid: sku, quantityChange: change,
                                                                             reason: "COUNT", occurredAt: self.at), in: $0) }
        }
        try move("wh-1", "SKU-2", 300)
        try move("wh-1", "SKU-1", 100)
        try move("wh-1", "SKU-1", 50)
        try move("wh-2", "SKU-1", 70)
        let reception = FlowGoodsReception(receptionUid: "GR-9", purchaseOrderUid: "PO-9", warehouseUid: "wh-1",
                                           receivedAt: at, lines: [.init(lineNo: 1, omniumLineItemId: nil, sku: "SKU-3", quantity: 500)])
        XCTAssertTrue(try flow.write { try GoodsReceptionsTable.save(reception, in: $0) })

        let firstPage = try flow.read { try StockPushPendingTable.pending(warehouseUid: "wh-1", after: "", limit: 1, in: $0) }
        XCTAssertEqual(firstPage.map(\.productUid), ["SKU-1"])
        XCTAssertEqual(firstPage.map(\.quantity), [150])
        let page = try flow.read { try StockPushPendingTable.pending(warehouseUid: "wh-1", after: "", limit: 10, in: $0) }
        XCTAssertEqual(page.map(\.productUid), ["SKU-1", "SKU-2"], "the reception's SKU-3 is not marked")
        XCTAssertEqual(page.map(\.quantity), [150, 300])
        XCTAssertEqual(try flow.read { try StockPushPendingTable.pending(warehouseUid: "wh-1", after: "SKU-1", limit: 10, in: $0) }
            .map(\.productUid), ["SKU-2"])

        // SKU-2 changes while its level is on the wire: clearing the page keeps it pending, at its new level.
        try move("wh-1", "SKU-2", -20)
        XCTAssertEqual(try flow.write { try StockPushPendingTable.clear(page, warehouseUid: "wh-1", in: $0) }, 1)
        let left = try flow.read { try StockPushPendingTable.pending(warehouseUid: "wh-1", after: "", limit: 10, in: $0) }
        XCTAssertEqual(left.map(\.productUid), ["SKU-2"])
        XCTAssertEqual(left.map(\.quantity), [280])
        XCTAssertEqual(try flow.read { try StockPushPendingTable.count(warehouseUid: "wh-2", in: $0) }, 1, "other warehouses untouched")
        XCTAssertEqual(try flow.write { try StockPushPendingTable.clear(left, warehouseUid: "wh-1", in: $0) }, 1)
        XCTAssertEqual(try flow.read { try StockPushPendingTable.count(warehouseUid: "wh-1", in: $0) }, 0)
    }

    /// Clearing a page by its range (one statement) leaves exactly what clearing its levels one by one leaves: two
    /// Flow stores get the same movements, pages and changes between a page's read and its clear (to levels of the
    /// page, to new levels inside its range and after it, to another warehouse); one clears by levels, the other by
    /// pages, and their pending markers stay the same at every step.
    func testClearingAPageByItsRangeLeavesWhatClearingItsLevelsLeaves() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let byRange = try FlowDatabase(path: folder.appendingPathComponent("flow.db").path)
        func move(_ warehouse: String, _ sku: String, _ change: Int64) throws {
            for db in [flow!, byRange] {
                try db.write { try StockMovementsTable.apply(FlowStockMovement(warehouseUid: warehouse, productUid: sku, quantityChange: change,
                                                                               reason: "COUNT", occurredAt: self.at), in: $0) }
            }
        }
        func pending(_ db: FlowDatabase, _ warehouse: String) throws -> [StockPushPendingTable.PendingLevel] {
            try db.read { try StockPushPendingTable.pending(warehouseUid: warehouse, after: "", limit: 10_000, in: $0) }
        }
        var seeded = UInt64(20_261_204)
        func next(_ bound: Int) -> Int {
            // xorshift: the same steps every run.
            seeded ^= seeded << 13; seeded ^= seeded >> 7; seeded ^= seeded << 17
            return Int(seeded % UInt64(bound))
        }
        for sku in 0..<300 { try move("wh-1", String(format: "SKU-%04d", sku * 3), Int64(100 + sku)) }
        try move("wh-2", "SKU-0003", 5)
        var cleared = (levels: 0, range: 0)
        for round in 0..<12 {
            var after = ""
            var pages: [(levels: [StockPushPendingTable.PendingLevel], page: StockPushPendingTable.Page)] = []
            while true {
                let levels = try flow.read { try StockPushPendingTable.pending(warehouseUid: "wh-1", after: after, limit: 7 + round, in: $0) }
                let same = try byRange.read { try StockPushPendingTable.pending(warehouseUid: "wh-1", after: after, limit: 7 + round, in: $0) }
                XCTAssertEqual(levels, same)
                guard let page = StockPushPendingTable.Page(levels, after: after) else { break }
                pages.append((levels, page))
                after = page.last
                // Changes while pages are on the wire: a level read, a new level anywhere in the range, another warehouse.
                for _ in 0..<next(4) {
                    let sku = String(format: "SKU-%04d", next(1_000))
                    try move(next(5) == 0 ? "wh-2" : "wh-1", sku, Int64(next(50)) - 20)
                }
            }
            // Some pages are acknowledged, in any order; the rest stay pending (their call failed).
            for index in stride(from: pages.count - 1, to: 0, by: -1) { pages.swapAt(index, next(index + 1)) }
            for (levels, page) in pages where next(3) != 0 {
                cleared.levels += try flow.write { try StockPushPendingTable.clear(levels, warehouseUid: "wh-1", in: $0) }
                cleared.range += try byRange.write { try StockPushPendingTable.clear(page, warehouseUid: "wh-1", in: $0) }
                XCTAssertEqual(try pending(flow, "wh-1"), try pending(byRange, "wh-1"), "round \(round)")
            }
            XCTAssertEqual(try pending(flow, "wh-2"), try pending(byRange, "wh-2"))
        }
        XCTAssertEqual(cleared.levels, cleared.range)
        XCTAssertGreaterThan(cleared.range, 300)
        XCTAssertNil(StockPushPendingTable.Page([], after: ""))
    }
}
