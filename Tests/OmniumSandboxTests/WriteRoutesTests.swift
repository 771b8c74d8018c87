import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// The write routes through the whole chain (auth, errors, JSON), no sockets.
final class WriteRoutesTests: XCTestCase {
    private var harness: SandboxTestHarness!
    private var token = ""

    override func setUpWithError() throws {
        harness = try SandboxTestHarness()
        token = try harness.token()
    }

    private func send(_ method: HTTPMethod, _ target: String, _ body: String? = nil, token: String? = nil) -> HTTPResponse {
        harness.send(method, target, body: body, token: token ?? self.token)
    }

    private var storeId: String { harness.services.state.generator.primaryStoreIds()[0] }

    private var posOrder: String {
        #"{"id":"FLOW-700","orderType":"Pos","status":"Completed","marketId":"NOR","storeId":"STORE","billingCurrency":"NOK","customerId":"C-1","orderForm":{"lineItems":[{"lineItemId":"1","code":"SKU1","quantity":1,"placedPrice":199.50,"taxRate":25}],"shipments":[{"shipmentId":"1","warehouseCode":"STORE"}],"payments":[{"id":"P1","paymentMethodName":"Card","transactionType":"Sale","status":"Processed","amount":199.50}]}}"#
            .replacingOccurrences(of: "STORE", with: storeId)
    }

    // MARK: - Orders

    func testPosOrderRoundTripAndConflict() throws {
        let created = send(.PUT, "/api/Orders/PosOrders", posOrder)
        XCTAssertEqual(created.status, .ok, created.text)
        let order = try created.decoded(OmniumOrder.self)
        XCTAssertEqual(order.orderForm?.total, Decimal(string: "199.50"))
        XCTAssertEqual(order.orderForm?.taxTotal, Decimal(string: "39.90"))
        let read = send(.GET, "/api/Orders/FLOW-700")
        XCTAssertEqual(try read.decoded(OmniumOrder.self), order)
        let again = send(.PUT, "/api/orders/posorders", posOrder)
        XCTAssertEqual(again.status, .conflict)
        XCTAssertTrue(again.text.hasPrefix("\""), "error body is a JSON string: \(again.text)")
    }

    func testCreateUpdateManyStatusCancelAndValidation() throws {
        XCTAssertEqual(send(.POST, "/api/Orders", posOrder.replacingOccurrences(of: "FLOW-700", with: "X-1")).status, .ok)
        XCTAssertEqual(send(.POST, "/api/Orders", posOrder.replacingOccurrences(of: "FLOW-700", with: "X-1")).status, .conflict)
        XCTAssertEqual(send(.POST, "/api/Orders", posOrder.replacingOccurrences(of: "\"NOR\"", with: "\"XXX\"")).status, .badRequest)
        XCTAssertEqual(send(.POST, "/api/Orders", "{not json").status, .badRequest)
        let many = "[" + posOrder.replacingOccurrences(of: "FLOW-700", with: "X-1").replacingOccurrences(of: "C-1", with: "C-2") + ","
            + posOrder.replacingOccurrences(of: "FLOW-700", with: "X-2") + "]"
        let updated = send(.POST, "/api/Orders/UpdateMany?runWorkflow=false", many)
        XCTAssertEqual(updated.status, .ok, updated.text)
        XCTAssertTrue(updated.body.isEmpty)
        XCTAssertEqual(harness.services.state.order(id: "X-1")?.customerId, "C-2")
        XCTAssertNotNil(harness.services.state.order(id: "X-2"))
        let status = send(.POST, "/api/Orders/X-1/UpdateStatus", #"{"Status":"Returned"}"#)
        XCTAssertEqual(status.status, .ok, status.text)
        XCTAssertEqual(try status.decoded(OmniumWorkflowResult.self).order?.status, "Returned")
        XCTAssertEqual(send(.POST, "/api/Orders/X-1/UpdateStatus", #"{"status":"Ship"}"#).status, .badRequest)
        XCTAssertEqual(send(.POST, "/api/Orders/X-1/UpdateStatus", #"{"returnId":"r"}"#).status, .badRequest, "status is required")
        let missing = send(.POST, "/api/Orders/nope/UpdateStatus", #"{"status":"New"}"#)
        XCTAssertEqual(missing.status, .notFound)
        XCTAssertEqual(missing.text, #""Order was not found""#)
        let cancel = send(.POST, "/api/Orders/X-2/OrderLines/1/Cancel?sendNotifications=false")
        XCTAssertEqual(try cancel.decoded(OmniumOrder.self).orderForm?.lineItems?.first?.canceledQuantity, 1)
        XCTAssertEqual(send(.POST, "/api/Orders/X-2/OrderLines/9/Cancel").status, .notFound)
    }

    func testReturns() throws {
        XCTAssertEqual(send(.PUT, "/api/Orders/PosOrders", posOrder).status, .ok)
        let body = #"{"returns":[{"lineItemId":"1","returnQuantity":1,"returnReason":"Angrerett"}],"creditPayment":true,"rmaNumber":"FLOW-RET-1"}"#
        let created = send(.POST, "/api/Returns/FLOW-700/Return", body)
        XCTAssertEqual(created.status, .ok, created.text)
        let form = try created.decoded(OmniumReturnOrderForm.self)
        XCTAssertEqual(form.rmaNumber, "FLOW-RET-1")
        XCTAssertEqual(send(.POST, "/api/Returns/FLOW-700/Return", body).status, .conflict)
        let update = send(.POST, "/api/Returns/FLOW-700/UpdateStatus", #"{"status":"Completed","returnId":"\#(form.returnId!)"}"#)
        XCTAssertEqual(update.status, .ok, update.text)
        XCTAssertEqual(harness.services.state.order(id: "FLOW-700")?.status, "Returned")
    }

    // MARK: - Inventory and goods reception

    func testInventoryUpdateMany() throws {
        let sku = harness.services.state.generator.skus(forProductAt: 0)[0]
        let body = #"[{"sku":"\#(sku)","warehouseCode":"\#(storeId)","inventory":42}]"#
        XCTAssertEqual(send(.PUT, "/api/Inventory/UpdateMany?isReservedInventoryOverwritten=false", body).status, .ok)
        XCTAssertEqual(harness.services.state.inventory(sku: sku, warehouseCodes: [storeId]).first?.inventory, 42)
        let bad = #"[{"sku":"\#(sku)","warehouseCode":"\#(SandboxDataGenerator.webshopId)","inventory":1}]"#
        XCTAssertEqual(send(.PUT, "/api/Inventory/UpdateMany", bad).status, .badRequest)
        XCTAssertEqual(send(.PUT, "/api/Inventory/UpdateMany?isReservedInventoryOverwritten=maybe", body).status, .badRequest)
    }

    func testGoodsReception() throws {
        let po = try XCTUnwrap(harness.services.state.read { $0.purchaseOrders.all }.first { $0.status == "New" || $0.status == "Confirmed" })
        let line = po.purchaseOrderForm!.lineItems![0]
        let body = #"[{"lineItemId":"\#(line.lineItemId!)","deliveredQuantity":1,"warehouseCode":"\#(po.storeId!)","goodsReceptionId":"FLOW-GR-1"}]"#
        XCTAssertEqual(send(.POST, "/api/Deliveries/\(po.deliveryId!)/ProcessGoodsReception", body).status, .ok)
        let duplicate = send(.POST, "/api/Deliveries/\(po.deliveryId!)/ProcessGoodsReception", body)
        XCTAssertEqual(duplicate.status, .badRequest)
        XCTAssertTrue(duplicate.text.contains("FLOW-GR-1"))
        XCTAssertEqual(send(.POST, "/api/Deliveries/DEL-0/ProcessGoodsReception", body).status, .notFound)
        XCTAssertEqual(send(.POST, "/api/Deliveries/ProcessGoodsReception", body).status, .ok)
        XCTAssertEqual(harness.services.state.purchaseOrder(id: po.id!)?.purchaseOrderForm?.lineItems?[0].deliveredQuantity,
                       (line.deliveredQuantity ?? 0) + 2)
    }

    // MARK: - Customers and invoices

    func testCustomers() throws {
        let customer = #"{"customerId":"FLOW-C1","firstName":"Åse","lastName":"Ølstad","email":"ase@example.no"}"#
        let created = send(.POST, "/api/PrivateCustomers", customer)
        XCTAssertEqual(try created.decoded(OmniumPrivateCustomer.self).fullName, "Åse Ølstad")
        XCTAssertEqual(send(.POST, "/api/PrivateCustomers", customer).status, .conflict)
        XCTAssertEqual(send(.POST, "/api/PrivateCustomers/Update", #"{"customerId":"nobody"}"#).status, .notFound)
        XCTAssertEqual(send(.PUT, "/api/PrivateCustomers/AddOrUpdateMany?exportCustomers=false", "[\(customer)]").status, .ok)
        XCTAssertEqual(send(.PUT, "/api/PrivateCustomers/AddOrUpdateMany", #"[{"firstName":"no id"}]"#).status, .badRequest)
        XCTAssertEqual(send(.PUT, "/api/BusinessCustomers/AddOrUpdateMany", #"[{"customerId":"FLOW-B1","name":"Fjellsport AS"}]"#).status, .ok)
        XCTAssertEqual(send(.GET, "/api/BusinessCustomers/FLOW-B1").status, .ok)
    }

    func testInvoiceWithFile() throws {
        let invoice = send(.PUT, "/api/Invoices/UpdateInvoice", #"{"id":"R-1","orderId":"FLOW-700","amount":199.50}"#)
        XCTAssertEqual(invoice.status, .ok, invoice.text)
        let pdf = Data("%PDF-1.4 test".utf8)
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: "Bearer \(token)")
        headers.add(name: "Content-Type", value: "application/octet-stream")
        let upload = harness.application.respond(to: try HTTPRequest(method: .POST, target: "/api/Invoices/R-1/AddFileToInvoice?fileName=kvittering.pdf",
                                                                       headers: headers, body: pdf))
        XCTAssertEqual(upload.status, .ok, upload.text)
        XCTAssertEqual(try upload.decoded(OmniumInvoice.self).assets?.first?.fileName, "kvittering.pdf")
        let download = send(.GET, "/api/Invoices/GetAsPdf/R-1")
        XCTAssertEqual(download.body, pdf)
        XCTAssertEqual(download.headers["Content-Type"], "application/pdf")
        XCTAssertEqual(send(.POST, "/api/Invoices/R-1/AddFileToInvoice", "x").status, .badRequest, "fileName required")
        XCTAssertEqual(send(.GET, "/api/Invoices/GetAsPdf/nope").status, .notFound)
    }

    func testWritesNeedAdminRights() throws {
        let reader = try harness.token(clientId: "reader", secret: "s1")
        XCTAssertEqual(send(.PUT, "/api/Orders/PosOrders", posOrder, token: reader).status, .forbidden)
        XCTAssertEqual(harness.send(.PUT, "/api/Orders/PosOrders", body: posOrder, token: nil).status, .unauthorized)
    }
}
