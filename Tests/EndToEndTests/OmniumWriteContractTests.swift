import Foundation
import Omnium
import OmniumSandbox
import XCTest

/// Issue 3 acceptance: one round trip per write endpoint, through the real client over loopback,
/// read back from `sandbox.state` (orders, returns, goods reception, inventory, customers,
/// invoices and their files), including the bulk chunking and the idempotency rules.
final class OmniumWriteContractTests: XCTestCase {
    private var sandbox: SandboxServer!
    private var counter: SandboxStatusCounter!
    private let recorder = ClientRecorder()

    override func tearDown() {
        sandbox?.stop()
        sandbox = nil
        super.tearDown()
    }

    /// A POS order as Flow sends it (one line of 199.50 at 25 % VAT, paid by card).
    static func posOrderJSON(id: String, storeId: String, customerId: String = "C-1") -> String {
        #"{"id":"ID","orderType":"Pos","status":"Completed","marketId":"NOR","storeId":"STORE","billingCurrency":"NOK","customerId":"CUSTOMER","orderForm":{"lineItems":[{"lineItemId":"1","code":"SKU1","quantity":1,"placedPrice":199.50,"taxRate":25}],"shipments":[{"shipmentId":"1","warehouseCode":"STORE"}],"payments":[{"id":"P1","paymentMethodName":"Card","transactionType":"Sale","status":"Processed","amount":199.50}]}}"#
            .replacingOccurrences(of: "\"ID\"", with: "\"\(id)\"")
            .replacingOccurrences(of: "STORE", with: storeId)
            .replacingOccurrences(of: "CUSTOMER", with: customerId)
    }

    private func start(scale: SandboxScale = .tiny) throws -> OmniumClient {
        let counter = SandboxStatusCounter()
        sandbox = try SandboxServer.start(configuration: SandboxConfiguration(scale: scale, log: counter.handler))
        self.counter = counter
        return LoopbackOmnium.client(sandbox, recorder: recorder)
    }

    private func order(_ id: String, customerId: String = "C-1") throws -> OmniumOrder {
        let storeId = sandbox.state.generator.primaryStoreIds()[0]
        return try OmniumJSON.decode(OmniumOrder.self, from: Data(Self.posOrderJSON(id: id, storeId: storeId,
                                                                                    customerId: customerId).utf8))
    }

    // MARK: - Orders

    func testPosOrderCreateIsReadBackAndARepeatIsAlreadyDone() async throws {
        let client = try start()
        let created = try await client.createPosOrder(try order("FLOW-POS-1"))
        XCTAssertEqual(created.orderForm?.total, Decimal(string: "199.50"))
        XCTAssertEqual(sandbox.state.order(id: "FLOW-POS-1"), created)
        let again = try await client.createPosOrderTreatingConflictAsDone(try order("FLOW-POS-1"))
        XCTAssertFalse(again.wasCreated, "409 read as done")
        XCTAssertEqual(again.value, created)
        XCTAssertEqual(counter.count(409), 1)
    }

    func testCreateUpdateManyStatusAndLineCancel() async throws {
        let client = try start()
        _ = try await client.createOrder(try order("FLOW-ORD-1"))
        XCTAssertNotNil(sandbox.state.order(id: "FLOW-ORD-1"))

        let many = try (0 ..< 130).map { try order("FLOW-MANY-\($0)", customerId: "C-\($0)") } + [try order("FLOW-ORD-1", customerId: "C-NEW")]
        try await client.updateOrders(many, runWorkflow: false)
        XCTAssertEqual(sandbox.state.order(id: "FLOW-ORD-1")?.customerId, "C-NEW", "UpdateMany replaces")
        XCTAssertEqual(sandbox.state.order(id: "FLOW-MANY-129")?.customerId, "C-129", "UpdateMany adds")
        XCTAssertEqual(counter.requests(to: "POST /api/Orders/UpdateMany"), 2, "131 orders went in two chunks of at most 100")

        let result = try await client.updateOrderStatus(orderId: "FLOW-ORD-1", OmniumUpdateStatusPatch(status: "Returned"))
        XCTAssertEqual(result.order?.status, "Returned")
        XCTAssertEqual(sandbox.state.order(id: "FLOW-ORD-1")?.status, "Returned")
        XCTAssertEqual(sandbox.state.statusChanges().last?.orderId, "FLOW-ORD-1")
        XCTAssertEqual(sandbox.state.statusChanges().last?.status, "Returned")

        let cancelled = try await client.cancelOrderLine(orderId: "FLOW-MANY-0", lineItemId: "1")
        XCTAssertEqual(cancelled.orderForm?.lineItems?.first?.canceledQuantity, 1)
        XCTAssertEqual(sandbox.state.order(id: "FLOW-MANY-0")?.orderForm?.lineItems?.first?.canceledQuantity, 1)
    }

    // MARK: - Returns

    func testReturnCreateAndStatusAreReadBack() async throws {
        let client = try start()
        _ = try await client.createPosOrder(try order("FLOW-RET-ORDER"))
        let request = try OmniumJSON.decode(OmniumReturnRequestModel.self, from: Data(
            #"{"returns":[{"lineItemId":"1","returnQuantity":1,"returnReason":"Angrerett"}],"creditPayment":true,"rmaNumber":"FLOW-RET-1"}"#.utf8))
        let form = try await client.createReturn(orderId: "FLOW-RET-ORDER", request)
        XCTAssertEqual(form.rmaNumber, "FLOW-RET-1")
        let stored = try XCTUnwrap(sandbox.state.order(id: "FLOW-RET-ORDER")?.returnOrderForms)
        XCTAssertEqual(stored.map(\.rmaNumber), ["FLOW-RET-1"])

        let repeatError = await omniumError { _ = try await client.createReturn(orderId: "FLOW-RET-ORDER", request) }
        XCTAssertEqual(repeatError?.isConflict, true, "the rmaNumber makes the return unique")

        let returnId = try XCTUnwrap(form.returnId)
        _ = try await client.updateReturnStatus(orderId: "FLOW-RET-ORDER",
                                                OmniumUpdateStatusPatch(status: "Completed", returnId: returnId))
        XCTAssertEqual(sandbox.state.order(id: "FLOW-RET-ORDER")?.status, "Returned")
        XCTAssertTrue(sandbox.state.statusChanges().contains { $0.returnId == returnId })
    }

    // MARK: - Goods reception

    func testGoodsReceptionIsAppliedOnceUnderItsId() async throws {
        let client = try start()
        let po = try XCTUnwrap(sandbox.state.purchaseOrders(matching: OmniumPurchaseOrderSearchRequest()).all
            .first { ($0.status == "New" || $0.status == "Confirmed") && $0.deliveryId != nil })
        let line = try XCTUnwrap(po.purchaseOrderForm?.lineItems?.first)
        let reception = [OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: 2,
                                                  warehouseCode: po.storeId, goodsReceptionId: "FLOW-GR-1")]
        try await client.processGoodsReception(deliveryId: try XCTUnwrap(po.deliveryId), lines: reception)
        let delivered = sandbox.state.purchaseOrder(id: try XCTUnwrap(po.id))?.purchaseOrderForm?.lineItems?.first?.deliveredQuantity
        XCTAssertEqual(delivered, (line.deliveredQuantity ?? 0) + 2)
        XCTAssertEqual(sandbox.state.goodsReceptions().last?.lines, reception)
        XCTAssertTrue(sandbox.state.processedGoodsReceptionIds().contains("FLOW-GR-1"))

        let duplicate = await omniumError { try await client.processGoodsReception(deliveryId: po.deliveryId!, lines: reception) }
        XCTAssertEqual(duplicate?.kind, .badRequest)
        XCTAssertTrue(duplicate?.body?.contains("FLOW-GR-1") ?? false, duplicate?.description ?? "")
        let after = sandbox.state.purchaseOrder(id: po.id!)?.purchaseOrderForm?.lineItems?.first?.deliveredQuantity
        XCTAssertEqual(after, delivered, "the duplicate applied nothing")
    }

    // MARK: - Inventory

    func testInventoryUpdateManyGoesInChunksOfAThousandAndIsReadBack() async throws {
        let client = try start(scale: SandboxScale(products: 400, stores: 3, orders: 1, purchaseOrders: 1,
                                                   privateCustomers: 1, businessCustomers: 1))
        var items: [OmniumInventoryItem] = []
        var index = 0
        while items.count < 1_500 {
            for var item in sandbox.state.generator.inventory(forProductAt: index) where items.count < 1_500 {
                item.inventory = Decimal(items.count % 97 + 1)
                items.append(item)
            }
            index += 1
        }
        try await client.updateInventory(items)
        XCTAssertEqual(counter.requests(to: "PUT /api/Inventory/UpdateMany"), 2, "1,500 items in two requests (Omnium's limit is 1,000)")
        for item in [items[0], items[999], items[1_000], items[1_499]] {
            let stored = sandbox.state.inventory(sku: item.sku ?? "", warehouseCodes: [item.warehouseCode ?? ""])
            XCTAssertEqual(stored.first?.inventory, item.inventory, "\(item.sku ?? "")@\(item.warehouseCode ?? "")")
        }
        let read = try await client.inventory(sku: items[1_499].sku ?? "", warehouseIds: [items[1_499].warehouseCode ?? ""])
        XCTAssertEqual(read.first?.inventory, items[1_499].inventory, "and read back through the API")
    }

    // MARK: - Customers

    func testCustomersCreateUpdateAndBulkUpsert() async throws {
        let client = try start()
        let customer = try OmniumJSON.decode(OmniumPrivateCustomer.self, from: Data(
            #"{"customerId":"FLOW-C1","firstName":"Åse","lastName":"Ølstad","email":"ase@example.no"}"#.utf8))
        _ = try await client.createPrivateCustomer(customer)
        XCTAssertEqual(sandbox.state.privateCustomer(id: "FLOW-C1")?.lastName, "Ølstad")
        var changed = customer
        changed.email = "ase.olstad@example.no"
        _ = try await client.updatePrivateCustomer(changed)
        XCTAssertEqual(sandbox.state.privateCustomer(id: "FLOW-C1")?.email, "ase.olstad@example.no")

        let bulk = (0 ..< 150).map { number -> OmniumPrivateCustomer in
            var copy = customer
            copy.customerId = "FLOW-BULK-\(number)"
            copy.firstName = "Bjørn \(number)"
            return copy
        }
        try await client.addOrUpdatePrivateCustomers(bulk, exportCustomers: false)
        XCTAssertEqual(counter.requests(to: "PUT /api/PrivateCustomers/AddOrUpdateMany"), 2, "150 customers in chunks of at most 100")
        XCTAssertEqual(sandbox.state.privateCustomer(id: "FLOW-BULK-149")?.firstName, "Bjørn 149")

        let company = try OmniumJSON.decode(OmniumBusinessCustomer.self, from: Data(
            #"{"customerId":"FLOW-B1","name":"Fjellsport AS"}"#.utf8))
        _ = try await client.createBusinessCustomer(company)
        try await client.addOrUpdateBusinessCustomers([company, try OmniumJSON.decode(OmniumBusinessCustomer.self, from: Data(
            #"{"customerId":"FLOW-B2","name":"Havbris Sjømat AS"}"#.utf8))])
        XCTAssertEqual(sandbox.state.businessCustomer(id: "FLOW-B2")?.name, "Havbris Sjømat AS")
        let read = try await client.businessCustomer(id: "FLOW-B1")
        XCTAssertEqual(read.name, "Fjellsport AS")
    }

    // MARK: - Invoices

    func testInvoiceAndItsFileAreStoredAndReadBack() async throws {
        let client = try start()
        let invoice = try OmniumJSON.decode(OmniumInvoice.self, from: Data(
            #"{"id":"FLOW-INV-1","orderId":"FLOW-POS-1","amount":199.50}"#.utf8))
        _ = try await client.updateInvoice(invoice)
        XCTAssertEqual(sandbox.state.invoice(id: "FLOW-INV-1")?.amount, Decimal(string: "199.50"))

        let pdf = Data("%PDF-1.4 kvittering æøå".utf8)
        let withFile = try await client.addFileToInvoice(invoiceId: "FLOW-INV-1", fileName: "kvittering.pdf", data: pdf)
        XCTAssertEqual(withFile.assets?.map(\.fileName), ["kvittering.pdf"])
        XCTAssertEqual(sandbox.state.invoiceFile(id: "FLOW-INV-1")?.bytes, pdf)
        XCTAssertEqual(sandbox.state.invoiceFile(id: "FLOW-INV-1")?.fileName, "kvittering.pdf")

        let download = try await client.sendForResponse(.get("/api/Invoices/GetAsPdf/FLOW-INV-1"))
        XCTAssertEqual(download.body, pdf)
        let reread = try await client.invoice(id: "FLOW-INV-1")
        XCTAssertEqual(reread.assets?.count, 1)
    }
}
