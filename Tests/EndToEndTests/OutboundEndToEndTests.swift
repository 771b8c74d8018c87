import FlowMapping
import FlowStore
import Foundation
import Omnium
import OmniumSandbox
import Pipeline
import Staging
import XCTest

/// Issue 11: a simulated POS day goes to the sandbox through the real client — POS orders (sales,
/// returns, a cancellation), Flow-master stock and customers — and a second run pushes nothing.
final class OutboundEndToEndTests: XCTestCase {
    func testASimulatedDayReachesOmniumOnceAndEqualsTheFlowStore() async throws {
        let fixture = try EndToEndFixture()
        let first = try await fixture.run()
        XCTAssertTrue(first.succeeded, "\(first.manifest.stages.filter { $0.status == "failed" }.map { "\($0.name): \($0.error ?? "")" })")
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        let stores: [String] = try flow.read { db in
            try db.fetchAll(sql: "SELECT store_uid FROM stores WHERE is_active = 1 ORDER BY store_uid").map { try $0.decode("store_uid") }
        }
        XCTAssertGreaterThanOrEqual(stores.count, 2)
        let master = try XCTUnwrap(stores.first)
        fixture.configuration.flowStockMaster = [master: true]

        let day = OrdersEndToEndTests.osloTime("2026-12-03 00:00:00")
        let simulation = try PosDaySimulator(options: .init(date: day, seed: 11, storeUids: Array(stores.prefix(2)),
                                                            timeZone: fixture.configuration.businessTimeZone,
                                                            flowMasterStores: [master])).run(flow: flow)
        XCTAssertEqual(simulation.sales, 8)
        XCTAssertEqual(simulation.returns, 4)
        XCTAssertGreaterThan(simulation.stockMovements, 0)

        let second = try await fixture.run()
        XCTAssertTrue(second.succeeded, "\(second.manifest.stages.filter { $0.status == "failed" }.map { "\($0.name): \($0.error ?? "")" })")
        let dump = fixture.sandbox.state.dump()

        // POS orders: every sale and the return without original, once, with Flow's numbers.
        let orders = try flow.read { db in try PosOrdersTable.orderUids(in: db).compactMap { try PosOrdersTable.fetch(orderUid: $0, in: db) } }
        let asOrders = orders.filter { $0.type == .sale || ($0.type == .return && $0.originalOrderUid == nil) }
        XCTAssertEqual(Set(dump.posOrderIds), Set(asOrders.map(\.orderUid)))
        XCTAssertEqual(dump.posOrderIds.count, asOrders.count, "no order twice")
        let omniumOrders = Dictionary(uniqueKeysWithValues: (dump.ordersCreated + dump.ordersUpdated).map { ($0.id ?? "", $0) })
        for order in asOrders {
            let pushed = try XCTUnwrap(omniumOrders[order.orderUid], order.orderUid)
            XCTAssertEqual(pushed.orderType, "Pos")
            XCTAssertEqual(pushed.storeId, order.storeUid)
            let returned = orders.contains { $0.type == .return && $0.originalOrderUid == order.orderUid }
            let expected = order.orderState == .cancelled ? "OrderCanceled" : returned ? "PartiallyReturned" : "Completed"
            XCTAssertEqual(pushed.status, expected, order.orderUid)
            let lines = pushed.orderForm?.lineItems ?? []
            XCTAssertEqual(lines.map(\.code), order.lines.map(\.sku))
            XCTAssertEqual(lines.map(\.quantity), order.lines.map { OutboundOrderMapping.quantity($0.quantity) })
            XCTAssertEqual(lines.map(\.placedPrice), order.lines.map { OutboundOrderMapping.amount($0.unitPrice) })
            let paid = (pushed.orderForm?.payments ?? []).reduce(Decimal(0)) { sum, payment in
                sum + (payment.transactionType == "Credit" ? -(payment.amount ?? 0) : (payment.amount ?? 0))
            }
            XCTAssertEqual(paid, OutboundOrderMapping.amount(order.orderTotal), "payments of \(order.orderUid) add up to its total")
        }
        // Returns of a sale: through the Returns API on that sale, once each.
        let returns = orders.filter { $0.type == .return && $0.originalOrderUid != nil }
        XCTAssertEqual(Set(dump.returns.map { $0.returnForm.rmaNumber ?? "" }), Set(returns.map(\.orderUid)))
        for order in returns {
            XCTAssertEqual(dump.returns.filter { $0.returnForm.rmaNumber == order.orderUid }.map(\.orderId), [order.originalOrderUid!])
        }
        // Stock of the Flow-master store only, at Flow's levels.
        let pushedStock = dump.inventory.filter { $0.warehouseCode == master }
        XCTAssertFalse(pushedStock.isEmpty)
        for item in pushedStock {
            let level = try flow.read { try StockMovementsTable.level(warehouseUid: master, productUid: item.sku ?? "", in: $0) }
            XCTAssertEqual(item.inventory, OutboundOrderMapping.quantity(level?.quantity ?? 0), item.sku ?? "")
        }
        XCTAssertFalse(dump.inventory.contains { $0.warehouseCode == stores[1] && $0.modified ?? .distantPast > day },
                       "no stock pushed for an Omnium-master store")
        // Customers: the new ones under their Flow uids, the Omnium id written back.
        for uid in ["C-\(stores[0])-20261203", "C-\(stores[1])-20261203"] {
            XCTAssertNotNil(dump.privateCustomers.first { $0.customerId == uid }, uid)
            XCTAssertEqual(try flow.read { try CustomersTable.fetch(customerUid: uid, in: $0) }?.externalId, uid)
        }
        let business = try XCTUnwrap(dump.businessCustomers.first { $0.customerId == "B-\(stores[0])-20261203" })
        XCTAssertEqual(business.taxId, "900012345")

        // Goods receptions: on a PO Omnium knows, processed once under the reception's id; on a local PO,
        // the received SKUs' levels when Flow is stock master there, a dead job naming why otherwise.
        let receptions: [(uid: String, po: String, warehouse: String)] = try flow.read { db in
            try db.fetchAll(sql: "SELECT reception_uid, purchase_order_uid, warehouse_uid FROM goods_receptions ORDER BY reception_uid")
                .map { (try $0.decode("reception_uid"), try $0.decode("purchase_order_uid"), try $0.decode("warehouse_uid")) }
        }
        XCTAssertGreaterThanOrEqual(receptions.count, 2)
        let jobs = try fixture.environment().control.syncJobs(queue: SyncJob.Queue.externalReceivementSync)
        for reception in receptions {
            let known = try flow.read { try PurchaseOrdersTable.fetchSnapshot(purchaseOrderUid: reception.po, in: $0) } != nil
            let job = try XCTUnwrap(jobs.first { $0.objectKey == reception.uid }, reception.uid)
            if known {
                XCTAssertEqual(job.state, .done, "\(reception.uid): \(job.lastError ?? "")")
                XCTAssertEqual(dump.processedGoodsReceptionIds.filter { $0 == reception.uid }.count, 1, reception.uid)
            } else if reception.warehouse == master {
                XCTAssertEqual(job.state, .done, "\(reception.uid): \(job.lastError ?? "")")
                let received = try XCTUnwrap(try flow.read { try GoodsReceptionsTable.fetch(receptionUid: reception.uid, in: $0) })
                for line in received.lines {
                    let level = try flow.read { try StockMovementsTable.level(warehouseUid: master, productUid: line.sku, in: $0) }
                    let item = dump.inventory.first { $0.warehouseCode == master && $0.sku == line.sku }
                    XCTAssertEqual(item?.inventory, OutboundOrderMapping.quantity(level?.quantity ?? 0), line.sku)
                }
            } else {
                XCTAssertEqual(job.state, .dead, reception.uid)
                XCTAssertTrue(job.lastError?.contains("Omnium is stock master") ?? false, job.lastError ?? "")
            }
        }

        // A second run pushes nothing.
        let third = try await fixture.run()
        XCTAssertTrue(third.succeeded)
        for stage in ["push.pos_orders", "push.goods_receptions", "push.stock", "push.customers"] {
            XCTAssertEqual(third.manifest.entry(named: stage)?.outcome?.rowsWritten, 0, stage)
        }
        let after = fixture.sandbox.state.dump()
        XCTAssertEqual(after.posOrderIds, dump.posOrderIds)
        XCTAssertEqual(after.returns.count, dump.returns.count)
        XCTAssertEqual(after.privateCustomers.count, dump.privateCustomers.count)
    }
}
