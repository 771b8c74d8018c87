import Foundation
import Omnium
import OmniumSandbox
import XCTest

/// The client's write endpoints against the sandbox over loopback: paths, bodies, chunking, and
/// the idempotency rules (409 on create, duplicate goods reception, upserts) of omnium-contract.md.
final class ClientWriteContractTests: XCTestCase {
    private var sandbox: SandboxServer!

    override func tearDown() {
        sandbox?.stop()
        sandbox = nil
        super.tearDown()
    }

    private func start() throws -> OmniumClient {
        let clock = ManualSandboxClock(Date(timeIntervalSince1970: 1_795_000_000))
        sandbox = try SandboxServer.start(configuration: SandboxConfiguration(scale: .tiny, clock: clock))
        let configuration = OmniumConfiguration(baseURL: sandbox.baseURL, clientId: "sandbox",
                                                clientSecret: "sandbox-secret", requestTimeout: 10)
        var environment = OmniumClientEnvironment.live
        environment.sleep = { _ in }
        return OmniumClient(configuration: configuration, environment: environment)
    }

    private func sellingStore() throws -> String {
        try XCTUnwrap(sandbox.state.stores().first { $0.isWarehouse == true && $0.isWebWarehouse != true }?.id
            ?? sandbox.state.stores().first?.id)
    }

    private func posOrder(_ id: String, store: String) -> OmniumOrder {
        OmniumOrder(
            id: id, orderType: "Pos", status: "Completed", marketId: "NOR", storeId: store, billingCurrency: "NOK",
            orderForm: OmniumOrderForm(
                lineItems: [OmniumOrderLine(lineItemId: "1", code: "SKU1", quantity: 2, placedPrice: Decimal(string: "199.50"),
                                            taxRate: 25)],
                shipments: [OmniumShipment(shipmentId: "1", warehouseCode: store)]))
    }

    /// A read-modify-write through `UpdateMany`, which replaces the order, keeps members the client's
    /// model does not name (at the order and on a line) and documented members it never touches.
    func testReadModifyWriteKeepsWhatTheModelDoesNotName() async throws {
        let client = try start()
        let store = try sellingStore()
        var original = posOrder("FLOW-RMW", store: store)
        original.publicOrderNotes = [OmniumComment(id: "n1", detail: "Gave innpakning")]
        original.additionalMembers = ["tenantExtension": .object(["score": .number(42)])]
        original.orderForm?.lineItems?[0].isGift = true
        original.orderForm?.lineItems?[0].additionalMembers = ["engraving": .string("Til Kari")]
        try await client.updateOrders([original], runWorkflow: false)

        var read = try await client.order(id: "FLOW-RMW")
        XCTAssertEqual(read.additionalMembers?["tenantExtension"], .object(["score": .number(42)]))
        read.status = "OrderCanceled"
        try await client.updateOrders([read], runWorkflow: false)

        let after = try await client.order(id: "FLOW-RMW")
        XCTAssertEqual(after.status, "OrderCanceled")
        XCTAssertEqual(after.publicOrderNotes?.first?.detail, "Gave innpakning")
        XCTAssertEqual(after.additionalMembers?["tenantExtension"], .object(["score": .number(42)]))
        XCTAssertEqual(after.orderForm?.lineItems?.first?.isGift, true)
        XCTAssertEqual(after.orderForm?.lineItems?.first?.additionalMembers?["engraving"], .string("Til Kari"))
    }

    // MARK: - Created without an id

    /// A customer created without `customerId` (the vendor's examples) gets one from Omnium; the client
    /// leaves the blank id out and hands back what Omnium returned. `PUT /api/Orders` likewise returns
    /// the generated order number; `ImportMany` adds and a repeat changes nothing.
    func testCreatesWithoutAnIdUseWhatOmniumReturns() async throws {
        let client = try start()
        let created = try await client.createPrivateCustomer(OmniumPrivateCustomer(customerId: "", firstName: "Kari",
                                                                                  lastName: "Nordmann"))
        XCTAssertFalse(created.customerId.isEmpty)
        let readBack = try await client.privateCustomer(id: created.customerId)
        XCTAssertEqual(readBack.fullName, "Kari Nordmann")
        let company = try await client.createBusinessCustomer(OmniumBusinessCustomer(customerId: "", name: "Fjell AS"))
        XCTAssertFalse(company.customerId.isEmpty)
        XCTAssertNotEqual(company.customerId, created.customerId)

        let store = try sellingStore()
        var order = posOrder("", store: store)
        order.id = nil
        order.orderType = "Online"
        order.status = nil
        let numbered = try await client.createOrderWithGeneratedNumber(order)
        let number = try XCTUnwrap(numbered.orderNumber)
        XCTAssertEqual(numbered.id, number)
        let stored = try await client.order(id: number)
        XCTAssertEqual(stored.orderNumber, number)

        let imports = [posOrder("IMP-A", store: store), posOrder("IMP-B", store: store)]
        try await client.importOrders(imports)
        try await client.importOrders(imports)
        let importedB = try await client.order(id: "IMP-B")
        XCTAssertEqual(importedB.status, "Completed")
    }

    // MARK: - Orders

    func testPosOrderCreateIsReadBackAndARepeatIsTreatedAsDone() async throws {
        let client = try start()
        let store = try sellingStore()
        let first = try await client.createPosOrderTreatingConflictAsDone(posOrder("FLOW-700", store: store))
        XCTAssertTrue(first.wasCreated)
        XCTAssertEqual(first.value.orderForm?.lineItems?.first?.placedPrice, Decimal(string: "199.50"))
        let again = try await client.createPosOrderTreatingConflictAsDone(posOrder("FLOW-700", store: store))
        XCTAssertFalse(again.wasCreated)
        XCTAssertEqual(again.value.id, "FLOW-700")
        let stored = try await client.order(id: "FLOW-700")
        XCTAssertEqual(stored.status, "Completed")
    }

    func testUpdateManyUpsertsInChunksAndStatusAndCancelApply() async throws {
        let client = try start()
        let store = try sellingStore()
        let orders = (0 ..< 130).map { posOrder("FLOW-U\($0)", store: store) }
        try await client.updateOrders(orders, runWorkflow: false)
        let last = try await client.order(id: "FLOW-U129")
        XCTAssertEqual(last.storeId, store)

        let cancelled = try await client.cancelOrderLine(orderId: "FLOW-U1", lineItemId: "1")
        XCTAssertEqual(cancelled.orderForm?.lineItems?.first?.canceledQuantity, 2)
        let result = try await client.updateOrderStatus(orderId: "FLOW-U1", OmniumUpdateStatusPatch(status: "OrderCanceled"))
        XCTAssertEqual(result.isAborted, false)
        let reread = try await client.order(id: "FLOW-U1")
        XCTAssertEqual(reread.status, "OrderCanceled")
    }

    func testReturnIsCreatedOnceByRmaNumber() async throws {
        let client = try start()
        let store = try sellingStore()
        _ = try await client.createPosOrder(posOrder("FLOW-R1", store: store))
        let request = OmniumReturnRequestModel(
            returns: [OmniumLineItemReturn(lineItemId: "1", returnQuantity: 1)], storeId: store, rmaNumber: "RET-1")
        let form = try await client.createReturn(orderId: "FLOW-R1", request)
        XCTAssertEqual(form.rmaNumber, "RET-1")
        let repeatError = await writeError { try await client.createReturn(orderId: "FLOW-R1", request) }
        XCTAssertEqual(repeatError?.kind, .conflict)
        let order = try await client.order(id: "FLOW-R1")
        XCTAssertEqual(order.returnOrderForms?.count, 1)
    }

    // MARK: - Inventory, goods reception

    func testInventoryUpdateManyChunksAndReadsBack() async throws {
        let client = try start()
        let warehouse = try XCTUnwrap(sandbox.state.stores().first { $0.isWarehouse == true }?.id)
        let items = (0 ..< 1_500).map {
            OmniumInventoryItem(sku: "FLOW-SKU-\($0)", warehouseCode: warehouse, inventory: Decimal($0 % 7))
        }
        try await client.updateInventory(items)
        let read = try await client.inventory(sku: "FLOW-SKU-1499", warehouseIds: [warehouse])
        XCTAssertEqual(read.first?.inventory, Decimal(1_499 % 7))
        let refused = await writeError {
            try await client.updateInventory([OmniumInventoryItem(sku: "X", warehouseCode: "no-such-warehouse")])
        }
        XCTAssertEqual(refused?.kind, .badRequest)
    }

    func testGoodsReceptionIsAppliedOnceByItsId() async throws {
        let client = try start()
        let order = try XCTUnwrap(
            try sandbox.state.purchaseOrders(matching: OmniumPurchaseOrderSearchRequest()).all.first {
                $0.purchaseOrderForm?.lineItems?.contains { $0.deliveryId != nil } == true
            })
        let line = try XCTUnwrap(order.purchaseOrderForm?.lineItems?.first { $0.deliveryId != nil })
        let deliveryId = try XCTUnwrap(line.deliveryId)
        let before = try await client.deliveryPurchaseOrderLines(deliveryId: deliveryId)
            .first { $0.lineItemId == line.lineItemId }?.deliveredQuantity ?? 0
        let reception = [OmniumGoodsReceptionLine(
            lineItemId: line.lineItemId, deliveredQuantity: 1, warehouseCode: line.warehouseCode ?? order.storeId,
            goodsReceptionId: "FLOW-GR-1")]
        try await client.processGoodsReception(deliveryId: deliveryId, lines: reception)
        let duplicate = await writeError { try await client.processGoodsReception(deliveryId: deliveryId, lines: reception) }
        XCTAssertEqual(duplicate?.kind, .badRequest)
        XCTAssertTrue(duplicate?.body?.contains("FLOW-GR-1") ?? false, duplicate?.description ?? "")
        let after = try await client.deliveryPurchaseOrderLines(deliveryId: deliveryId)
            .first { $0.lineItemId == line.lineItemId }?.deliveredQuantity
        XCTAssertEqual(after, before + 1)
        _ = try await client.delivery(id: deliveryId)
    }

    // MARK: - Customers, invoices

    func testCustomerUpsertsInChunksAndCreateConflict() async throws {
        let client = try start()
        let customers = (0 ..< 120).map { OmniumPrivateCustomer(customerId: "FLOW-C\($0)", firstName: "Åse", lastName: "Ø") }
        try await client.addOrUpdatePrivateCustomers(customers)
        let read = try await client.privateCustomer(id: "FLOW-C119")
        XCTAssertEqual(read.firstName, "Åse")
        let conflict = await writeError { try await client.createPrivateCustomer(OmniumPrivateCustomer(customerId: "FLOW-C1")) }
        XCTAssertEqual(conflict?.isConflict, true)
        try await client.addOrUpdateBusinessCustomers([OmniumBusinessCustomer(customerId: "FLOW-B1", name: "Fjord AS")])
        let business = try await client.businessCustomer(id: "FLOW-B1")
        XCTAssertEqual(business.name, "Fjord AS")
    }

    func testInvoiceThenFile() async throws {
        let client = try start()
        let invoice = try await client.updateInvoice(OmniumInvoice(id: "FLOW-INV-1", orderId: "FLOW-700", amount: 10))
        XCTAssertEqual(invoice.id, "FLOW-INV-1")
        let withFile = try await client.addFileToInvoice(invoiceId: "FLOW-INV-1", fileName: "kvittering 1.pdf",
                                                         data: Data("%PDF-1.4 test".utf8))
        XCTAssertNotNil(withFile.url)
        let reread = try await client.invoice(id: "FLOW-INV-1")
        XCTAssertEqual(reread.assets?.count, 1)
    }

    // MARK: - Helpers

    private func writeError<T>(_ body: () async throws -> T, line: UInt = #line) async -> OmniumError? {
        do {
            _ = try await body()
            XCTFail("expected an OmniumError", line: line)
        } catch let error as OmniumError {
            return error
        } catch {
            XCTFail("expected an OmniumError, got \(error)", line: line)
        }
        return nil
    }
}
