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
        XCTAssertTrue(first.succeeded, "\(first.manifest.stages.filter { $0.status == .failed }.map { "\($0.name): \($0.error ?? "")" })")
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        let stores: [String] = try flow.read { db in
            try db.fetchAll(sql: "SELECT store_uid FROM stores WHERE is_active = 1 ORDER BY store_uid").map { try $0.decode("store_uid") }
        }
        XCTAssertGreaterThanOrEqual(stores.count, 2)
        let master = try XCTUnwrap(stores.first)
        fixture.configuration.flowStockMaster = [master: true]
        fixture.configuration.sendOrderReceiptToOmnium = true
        fixture.configuration.templatesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates").path

        let day = OrdersEndToEndTests.osloTime("2026-12-03 00:00:00")
        let simulation = try PosDaySimulator(options: .init(date: day, seed: 11, storeUids: Array(stores.prefix(2)),
                                                            timeZone: fixture.configuration.businessTimeZone,
                                                            flowMasterStores: [master])).run(flow: flow)
        XCTAssertEqual(simulation.sales, 8)
        XCTAssertEqual(simulation.returns, 4)
        XCTAssertGreaterThan(simulation.stockMovements, 0)

        let second = try await fixture.run()
        XCTAssertTrue(second.succeeded, "\(second.manifest.stages.filter { $0.status == .failed }.map { "\($0.name): \($0.error ?? "")" })")
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
        // Omnium raises its own stock when it processes a goods reception; anything else there would be a push.
        let receivedThere: Set<String> = try flow.read { db in
            Set(try db.fetchAll(sql: """
                SELECT l.sku FROM goods_reception_lines l JOIN goods_receptions r USING (reception_uid)
                WHERE r.warehouse_uid = ? AND l.omnium_line_item_id IS NOT NULL
                """, arguments: [stores[1]]).map { try $0.decode("sku", as: String.self) })
        }
        XCTAssertFalse(dump.inventory.contains { $0.warehouseCode == stores[1] && $0.modified ?? .distantPast > day
                                                 && !receivedThere.contains($0.sku ?? "") },
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
        XCTAssertTrue(try receptions.contains { reception in
            try flow.read { try PurchaseOrdersTable.fetchSnapshot(purchaseOrderUid: reception.po, in: $0) } != nil
        }, "the day has a reception on a PO Omnium knows")
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
                // Omnium is stock master there: nothing is sent, nothing is owed.
                XCTAssertEqual(job.state, .done, reception.uid)
                let received = try XCTUnwrap(try flow.read { try GoodsReceptionsTable.fetch(receptionUid: reception.uid, in: $0) })
                for line in received.lines {
                    XCTAssertFalse(dump.inventory.contains { $0.warehouseCode == reception.warehouse && $0.sku == line.sku
                                                             && ($0.modified ?? .distantPast) > day }, line.sku)
                }
            }
        }

        // Invoices (issue 12): one per settled receipt, a credit note per return, a REMITTANCE line per
        // payment receipt, each with exactly one file equal to the local PDF byte for byte.
        XCTAssertEqual(Set(dump.invoices.compactMap(\.id)), Set(orders.map(\.orderUid)))
        for order in orders {
            let invoice = try XCTUnwrap(dump.invoices.first { $0.id == order.orderUid })
            XCTAssertEqual(invoice.isCreditNote, order.type == .return)
            XCTAssertEqual(invoice.amount, OutboundOrderMapping.amount(order.orderTotal))
            if order.type == .payment { XCTAssertEqual(invoice.lineItems?.map(\.code), ["REMITTANCE"]) }
            let file = try XCTUnwrap(fixture.sandbox.state.invoiceFile(id: order.orderUid), order.orderUid)
            // The PDF is push.invoices' file output in the run folder, its checksum in the manifest.
            let path = "receipts/invoices/\(order.orderUid).pdf"
            let local = try Data(contentsOf: second.runDirectory.appendingPathComponent(path))
            XCTAssertEqual(file.bytes, local, order.orderUid)
            XCTAssertEqual(second.manifest.entry(named: "push.invoices")?.outcome?.files[path]?.count, 64, path)
            XCTAssertEqual(file.fileName, "\(order.orderNumber).pdf")
        }
        // Regenerating an invoice leaves the run's file output alone and writes outside the run folder.
        let invoiceUid = try XCTUnwrap(orders.first?.orderUid)
        let runFile = second.runDirectory.appendingPathComponent("receipts/invoices/\(invoiceUid).pdf")
        let sent = try Data(contentsOf: runFile)
        let printer = ReceiptPrinter(configuration: fixture.configuration, flow: flow,
                                     control: try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot)))
        let again = try printer.regenerate(orderUid: invoiceUid, layout: .invoice)
        XCTAssertEqual(again.result, .identical)
        XCTAssertFalse(again.path.contains("/runs/"), again.path)
        XCTAssertEqual(try Data(contentsOf: runFile), sent)

        // A second run pushes nothing.
        let third = try await fixture.run()
        XCTAssertTrue(third.succeeded)
        for stage in ["push.pos_orders", "push.goods_receptions", "push.stock", "push.customers", "push.invoices"] {
            XCTAssertEqual(third.manifest.entry(named: stage)?.outcome?.rowsWritten, 0, stage)
        }
        let after = fixture.sandbox.state.dump()
        XCTAssertEqual(after.posOrderIds, dump.posOrderIds)
        XCTAssertEqual(after.returns.count, dump.returns.count)
        XCTAssertEqual(after.privateCustomers.count, dump.privateCustomers.count)
        XCTAssertEqual(after.invoices.count, dump.invoices.count)
    }
}

/// Issue 12's atomicity: no invoice without its PDF, and a crash between invoice and file heals to
/// exactly one invoice with one file.
final class InvoicePushEndToEndTests: XCTestCase {
    func testABrokenTemplateSendsNoInvoiceAndAnInvoiceLeftWithoutItsFileGetsExactlyOne() async throws {
        let fixture = try EndToEndFixture()
        let inbound = try await fixture.run()
        XCTAssertTrue(inbound.succeeded)
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        _ = try PosDaySimulator(options: .init(date: OrdersEndToEndTests.osloTime("2026-12-03 00:00:00"), seed: 5,
                                               timeZone: fixture.configuration.businessTimeZone)).run(flow: flow)
        fixture.configuration.sendOrderReceiptToOmnium = true
        let broken = fixture.folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try Data("page: a4\nleft: {{totl}}\n".utf8).write(to: broken.appendingPathComponent("invoice-a4.tmpl"))
        fixture.configuration.templatesDirectory = broken.path

        let run = try await fixture.run()
        XCTAssertTrue(run.succeeded)
        XCTAssertEqual(fixture.sandbox.state.dump().invoices.count, 0, "no invoice without its PDF")
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        let dead = try control.syncJobs(queue: SyncJob.Queue.externalOrderReceiptSync, state: .dead)
        XCTAssertFalse(dead.isEmpty)
        XCTAssertTrue(dead.allSatisfy { $0.lastError?.contains("invoice-a4.tmpl:2: no field 'totl'") == true }, "\(dead.map(\.lastError))")

        // A crash after UpdateInvoice and before AddFileToInvoice: Omnium holds the invoice without a file.
        let uid = try XCTUnwrap(dead.first?.objectKey)
        _ = fixture.sandbox.state.updateInvoice(OmniumInvoice(id: uid, invoiceNumber: "half"))
        try Data(try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates/invoice-a4.tmpl"), encoding: .utf8).utf8)
            .write(to: broken.appendingPathComponent("invoice-a4.tmpl"))
        _ = try control.retryDeadJobs(queue: SyncJob.Queue.externalOrderReceiptSync)
        let healed = try await fixture.run()
        XCTAssertTrue(healed.succeeded)
        let dump = fixture.sandbox.state.dump()
        XCTAssertEqual(dump.invoices.filter { $0.id == uid }.count, 1)
        XCTAssertEqual(dump.invoiceFiles.filter { $0.invoiceId == uid }.count, 1)
        XCTAssertEqual(Set(dump.invoices.compactMap(\.id)).count, dump.invoices.count, "no invoice twice")
        XCTAssertEqual(dump.invoices.count, dump.invoiceFiles.count, "every invoice has its file")
    }
}

/// Issue 12's crash acceptance with a real process: the invoice push (`omniflow run --only
/// enqueue.pos_changes,push.invoices`) killed with SIGKILL while an
/// invoice exists in Omnium without its PDF, then run again, leaves exactly one invoice with exactly one file
/// per receipt; `receipts regenerate --run` of that run renders every sent PDF to the same bytes.
final class InvoiceCrashProcessTests: XCTestCase {
    func testAKillBetweenInvoiceAndFileThenARerunLeavesOneInvoiceWithOneFileEach() async throws {
        // 150 ms per answer: the gap between UpdateInvoice and AddFileToInvoice is wide enough to kill in.
        let fixture = try EndToEndFixture(faults: SandboxFaults(latency: .milliseconds(150)))
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        fixture.configuration.templatesDirectory = templates.path
        let inbound = try await fixture.run(RunRequest(selection: StageSelection(only: OutboundCrashTests.inbound)))
        XCTAssertTrue(inbound.succeeded)
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        _ = try PosDaySimulator(options: .init(date: OrdersEndToEndTests.osloTime("2026-12-03 00:00:00"), seed: 5,
                                               timeZone: fixture.configuration.businessTimeZone)).run(flow: flow)
        let file = try fixture.writeConfigurationFile()
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        json["OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM"] = true
        json["OMNIFLOW_TEMPLATES_DIR"] = templates.path
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let secret = EndToEndFixture.client.clientSecret
        let arguments = ["run", "--only", "enqueue.pos_changes,push.invoices", "--config", file.path, "--quiet"]

        let child = OmniflowProcess(arguments, secret: secret)
        try child.start()
        func invoiceWithoutFile() -> Bool {
            let dump = fixture.sandbox.state.dump()
            let filed = Set(dump.invoiceFiles.map(\.invoiceId))
            return dump.invoices.contains { !filed.contains($0.id ?? "") }
        }
        XCTAssertTrue(waitUntil(timeout: 60) { invoiceWithoutFile() }, "an invoice was created")
        kill(child.process.processIdentifier, SIGKILL)
        _ = child.finish()
        XCTAssertTrue(invoiceWithoutFile(), "killed between an invoice and its file")

        let rerun = try OmniflowProcess.run(arguments, secret: secret)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let dump = fixture.sandbox.state.dump()
        XCTAssertFalse(dump.invoices.isEmpty)
        XCTAssertEqual(Set(dump.invoices.compactMap(\.id)).count, dump.invoices.count, "no invoice twice")
        for invoice in dump.invoices {
            XCTAssertEqual(dump.invoiceFiles.filter { $0.invoiceId == invoice.id }.count, 1, "\(invoice.id ?? "?") has one file")
        }

        // Regenerating what the rerun sent gives the same bytes it attached.
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        let runID = try XCTUnwrap(control.runs(limit: 1).first?.id)
        let regenerated = try OmniflowProcess.run(["receipts", "regenerate", "--run", runID, "--layout", "invoice",
                                                   "--config", file.path, "--json"], secret: secret)
        XCTAssertEqual(regenerated.status, 0, regenerated.stderr)
        let results = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(regenerated.stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(results.isEmpty, "the rerun sent receipts")
        XCTAssertTrue(results.allSatisfy { $0["result"] as? String == "identical" }, regenerated.stdout)
    }
}

/// A web order (Click & Collect or Online, loaded by the order extract) returned at the till: the return
/// reaches the Omnium order it came from, against its line items, once.
final class WebOrderReturnEndToEndTests: XCTestCase {
    func testAWebOrderReturnedInTheShopIsAReturnOnItsOmniumOrder() async throws {
        let fixture = try EndToEndFixture()
        let inbound = try await fixture.run()
        XCTAssertTrue(inbound.succeeded)
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        let webOrder = try XCTUnwrap(try flow.read { db -> FlowOrderSnapshot? in
            let uids: [String] = try db.fetchAll(sql: "SELECT order_uid FROM orders ORDER BY order_uid").map { try $0.decode("order_uid") }
            return try uids.lazy.compactMap { try OrdersTable.fetchSnapshot(orderUid: $0, in: db) }
                .first { $0.items.contains { $0.quantity - $0.cancelledQuantity - $0.returnedQuantity >= 100 } }
        }, "the sandbox has a web order with a line to return")
        let item = try XCTUnwrap(webOrder.items.first { $0.quantity - $0.cancelledQuantity - $0.returnedQuantity >= 100 })
        let refund = -item.itemPrice
        let returned = FlowPosOrder(
            orderUid: "RET-WEB-1", orderNumber: "9001", type: .return, storeUid: webOrder.order.storeUid,
            cashRegisterUid: "\(webOrder.order.storeUid)-1", originalOrderUid: webOrder.order.orderUid,
            createdAt: Date(), settledAt: Date(), orderTotal: refund, vatTotal: refund / 5,
            lines: [FlowPosOrderLine(lineNo: 1, sku: item.sku, name: item.name ?? item.sku, quantity: -100,
                                     unitPrice: item.itemPrice, vatRate: 2_500, vatAmount: refund / 5, lineTotal: refund)],
            payments: [FlowPosPayment(paymentNo: 1, tenderType: .card, amount: refund)])
        try flow.write { try PosOrdersTable.save(returned, in: $0) }

        for _ in 0..<2 {   // the second run sends nothing again
            let run = try await fixture.run(RunRequest(selection: StageSelection(only: ["enqueue.pos_changes", "push.pos_orders"])))
            XCTAssertTrue(run.succeeded, "\(run.manifest.stages.map { "\($0.name) \($0.status) \($0.error ?? "")" })")
        }
        let returns = fixture.sandbox.state.dump().returns.filter { $0.returnForm.rmaNumber == "RET-WEB-1" }
        XCTAssertEqual(returns.count, 1)
        XCTAssertEqual(returns.first?.orderId, webOrder.order.externalOrderNumber, "on the Omnium order it came from")
        let control = try ControlStore(root: URL(fileURLWithPath: fixture.configuration.stagingRoot))
        XCTAssertEqual(try control.syncJobs(queue: SyncJob.Queue.externalOrderSync, state: .dead), [])
    }
}
