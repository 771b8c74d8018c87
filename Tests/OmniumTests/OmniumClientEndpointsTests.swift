import Foundation
import XCTest
@testable import Omnium

/// Each endpoint's method, path, query and body shape, and the chunking of the bulk upserts.
final class OmniumClientEndpointsTests: XCTestCase {
    private func target(_ request: HTTPTransportRequest) -> String {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let query = components?.percentEncodedQuery.map { "?\($0)" } ?? ""
        return "\(request.method) \(components?.percentEncodedPath ?? "")\(query)"
    }

    /// Number of JSON array elements in each request body.
    private func arraySizes(_ transport: ScriptedTransport) throws -> [Int] {
        try transport.apiRequests.map { request in
            let array = try JSONSerialization.jsonObject(with: request.body ?? Data()) as? [Any]
            return try XCTUnwrap(array).count
        }
    }

    // MARK: - Chunking

    func testInventoryUpdateManyIsChunkedByOneThousand() async throws {
        let transport = ScriptedTransport(steps: [.status(200)])
        let client = makeClient(transport)
        let items = (0 ..< 2_500).map { OmniumInventoryItem(sku: "SKU\($0)", warehouseCode: "oslo", inventory: 1) }
        try await client.updateInventory(items)
        XCTAssertEqual(try arraySizes(transport), [1_000, 1_000, 500])
        XCTAssertEqual(Set(transport.apiRequests.map(target)),
                       ["PUT /api/Inventory/UpdateMany?isReservedInventoryOverwritten=false"])
        XCTAssertTrue(transport.apiRequests[2].bodyText.contains(#""sku":"SKU2000""#))
        XCTAssertFalse(transport.apiRequests[2].bodyText.contains(#""sku":"SKU1999""#))
    }

    func testOrdersUpdateManyIsChunkedByOneHundred() async throws {
        let transport = ScriptedTransport(steps: [.status(200)])
        let client = makeClient(transport)
        try await client.updateOrders((0 ..< 250).map { OmniumOrder(id: "FLOW-\($0)") }, runWorkflow: false)
        XCTAssertEqual(try arraySizes(transport), [100, 100, 50])
        XCTAssertEqual(transport.apiRequests.first.map(target), "POST /api/Orders/UpdateMany?runWorkflow=false")
    }

    func testCustomerUpsertsAreChunkedByOneHundred() async throws {
        let transport = ScriptedTransport(steps: [.status(200)])
        let client = makeClient(transport)
        try await client.addOrUpdatePrivateCustomers((0 ..< 201).map { OmniumPrivateCustomer(customerId: "C\($0)") })
        try await client.addOrUpdateBusinessCustomers([OmniumBusinessCustomer(customerId: "B1")],
                                                      enrichContactsFromPrivateCustomers: true)
        XCTAssertEqual(try arraySizes(transport), [100, 100, 1, 1])
        XCTAssertEqual(transport.apiRequests.map(target), [
            "PUT /api/PrivateCustomers/AddOrUpdateMany", "PUT /api/PrivateCustomers/AddOrUpdateMany",
            "PUT /api/PrivateCustomers/AddOrUpdateMany",
            "PUT /api/BusinessCustomers/AddOrUpdateMany?enrichContactsFromPrivateCustomers=true",
        ])
    }

    func testFailingChunkIsNamedAndStopsTheRest() async throws {
        let transport = ScriptedTransport { _, index in
            index == 1 ? .json(#""Unknown warehouse""#, status: 400) : .json("")
        }
        let client = makeClient(transport)
        let items = (0 ..< 2_500).map { OmniumInventoryItem(sku: "SKU\($0)", warehouseCode: "oslo") }
        let error = await assertOmniumError { try await client.updateInventory(items) }
        XCTAssertEqual(error?.kind, .badRequest)
        XCTAssertEqual(error?.detail, "chunk 2 of 3 (items 1000..<2000)")
        XCTAssertEqual(transport.apiRequests.count, 2)
    }

    func testEmptyBatchSendsNothing() async throws {
        let transport = ScriptedTransport(steps: [.status(200)])
        let client = makeClient(transport)
        try await client.updateInventory([])
        XCTAssertEqual(transport.requests.count, 0)
    }

    // MARK: - Reads

    func testStoresListAndGet() async throws {
        let transport = ScriptedTransport { request, _ in
            request.url.path == "/api/Stores"
                ? .json(#"{"totalHits":2,"result":[{"id":"oslo","isWarehouse":true},{"id":"bergen"}],"facets":[]}"#)
                : .json(#"{"id":"oslo","name":"Oslo"}"#)
        }
        let client = makeClient(transport)
        let stores = try await client.stores(filterPublicVisible: false)
        XCTAssertEqual(stores.map(\.id), ["oslo", "bergen"])
        let store = try await client.store(id: "oslo")
        XCTAssertEqual(store.name, "Oslo")
        XCTAssertEqual(transport.apiRequests.map(target),
                       ["GET /api/Stores?filterPublicVisible=false", "GET /api/Stores/oslo"])
    }

    func testListsAreReadBareOrWrapped() async throws {
        let transport = ScriptedTransport { _, _ in .json(#"[{"sku":"A","warehouseCode":"oslo","inventory":1}]"#) }
        let client = makeClient(transport)
        let items = try await client.inventory(sku: "A")
        XCTAssertEqual(items.map(\.warehouseCode), ["oslo"])
    }

    func testInventoryBySkuRepeatsWarehouseIds() async throws {
        let transport = ScriptedTransport { _, _ in
            .json(#"{"totalHits":1,"result":[{"sku":"A/1","warehouseCode":"oslo","inventory":3.5}]}"#)
        }
        let client = makeClient(transport)
        let items = try await client.inventory(sku: "A/1", warehouseIds: ["oslo", "bergen"])
        XCTAssertEqual(items.first?.inventory, Decimal(string: "3.5"))
        XCTAssertEqual(transport.apiRequests.first?.url.absoluteString,
                       "http://127.0.0.1:8080/api/Inventory/A%2F1?warehouseIds=oslo&warehouseIds=bergen")
    }

    func testOrderDeltaScrollSendsModifiedFromAscending() async throws {
        let transport = ScriptedTransport { _, index in
            index == 0 ? .json(#"{"totalHits":1,"result":[{"id":"W-1"}],"scrollId":"x"}"#)
                : .json(#"{"totalHits":1,"result":[],"scrollId":"x"}"#)
        }
        let client = makeClient(transport)
        let mark = Date(timeIntervalSince1970: 1_764_000_000)
        var ids: [String?] = []
        for try await orders in client.scrollOrders(.modified(from: mark, orderType: "ClickAndCollect")) {
            ids += orders.map(\.record?.id)
        }
        XCTAssertEqual(ids, ["W-1"])
        let body = try XCTUnwrap(transport.apiRequests.first?.bodyText)
        XCTAssertTrue(body.contains(#""modifiedFrom":"2025-11-24T16:00:00.0000000Z""#), body)
        XCTAssertTrue(body.contains(#""sortOrder":"ModifiedAscending""#), body)
        XCTAssertTrue(body.contains(#""disableFacets":true"#), body)
        XCTAssertFalse(body.contains("null"), body)
        XCTAssertEqual(transport.apiRequests.map(target), ["POST /api/Orders/Scroll", "GET /api/Orders/Scroll/x"])
    }

    func testPriceAndInventorySearchesContinueOnTheirScrollPaths() async throws {
        let transport = ScriptedTransport { request, _ in
            request.method == "POST"
                ? .json(#"{"totalHits":2,"result":[{"code":"S1","unitPrice":199.50}],"scrollId":"p1"}"#)
                : request.url.path.hasSuffix("/p1")
                ? .json(#"{"totalHits":2,"result":[{"code":"S2","unitPrice":10}],"scrollId":"p2"}"#)
                : .json(#"{"totalHits":2,"result":[]}"#)
        }
        let client = makeClient(transport)
        var prices: [OmniumPrice] = []
        for try await page in client.searchPrices(.modified(from: Date(timeIntervalSince1970: 0), marketId: "NOR")) {
            prices += page.decodedRecords()
        }
        XCTAssertEqual(prices.map(\.unitPrice), [Decimal(string: "199.50"), 10])
        XCTAssertEqual(transport.apiRequests.map(target),
                       ["POST /api/Prices/Search", "GET /api/Prices/Scroll/p1", "GET /api/Prices/Scroll/p2"])
    }

    func testDeliveryReadsAndGoodsReception() async throws {
        let transport = ScriptedTransport { request, _ in
            request.url.path.hasSuffix("PurchaseOrderLines")
                ? .json(#"{"totalHits":1,"result":[{"lineItemId":"L1","quantity":10,"deliveredQuantity":4}]}"#)
                : request.method == "GET" ? .json(#"{"id":"D1","deliveryStatus":"Created"}"#) : .json("")
        }
        let client = makeClient(transport)
        let delivery = try await client.delivery(id: "D1")
        let lines = try await client.deliveryPurchaseOrderLines(deliveryId: "D1")
        try await client.processGoodsReception(deliveryId: "D1", lines: [
            OmniumGoodsReceptionLine(lineItemId: "L1", deliveredQuantity: 6, warehouseCode: "oslo", goodsReceptionId: "GR-1"),
        ])
        XCTAssertEqual(delivery.deliveryStatus, "Created")
        XCTAssertEqual(lines.first?.deliveredQuantity, 4)
        XCTAssertEqual(transport.apiRequests.map(target), [
            "GET /api/Deliveries/D1", "GET /api/Deliveries/D1/PurchaseOrderLines",
            "POST /api/Deliveries/D1/ProcessGoodsReception",
        ])
        XCTAssertTrue(transport.apiRequests[2].bodyText.contains(#""goodsReceptionId":"GR-1""#))
    }

    // MARK: - Writes

    func testPosOrderConflictReadsTheStoredOrder() async throws {
        let transport = ScriptedTransport { request, _ in
            request.method == "PUT" ? .json(#""Order already exists""#, status: 409)
                : .json(#"{"id":"FLOW-700","status":"Completed"}"#)
        }
        let client = makeClient(transport)
        let outcome = try await client.createPosOrderTreatingConflictAsDone(OmniumOrder(id: "FLOW-700"))
        XCTAssertFalse(outcome.wasCreated)
        XCTAssertEqual(outcome.value.status, "Completed")
        XCTAssertEqual(transport.apiRequests.map(target), ["PUT /api/Orders/PosOrders", "GET /api/Orders/FLOW-700"])
    }

    func testPosOrderPushReadsOnlyTheIdAndStatusOfTheCreatedOrAlreadyStoredOrder() async throws {
        let created = #"{"id":"FLOW-701","status":"Completed","orderForm":{"lineItems":[{"lineItemId":"1","quantity":2}]}}"#
        let transport = ScriptedTransport { request, index in
            switch index {
            case 0: return .json(created, status: 201)
            case 1: return .json(#""Order already exists""#, status: 409)
            default: return .json(#"{"id":"FLOW-701","status":"OrderCanceled","totalItems":1}"#)
            }
        }
        let client = makeClient(transport)
        let first = try await client.createPosOrderReadingIdTreatingConflictAsDone(OmniumOrder(id: "FLOW-701"))
        XCTAssertTrue(first.wasCreated)
        XCTAssertEqual(first.value, OmniumCreatedOrder(id: "FLOW-701", status: "Completed"))
        let again = try await client.createPosOrderReadingIdTreatingConflictAsDone(OmniumOrder(id: "FLOW-701"))
        XCTAssertFalse(again.wasCreated)
        XCTAssertEqual(again.value, OmniumCreatedOrder(id: "FLOW-701", status: "OrderCanceled"))
        XCTAssertEqual(transport.apiRequests.map(target),
                       ["PUT /api/Orders/PosOrders", "PUT /api/Orders/PosOrders", "GET /api/Orders/FLOW-701"])
    }

    func testPosOrderWithoutIdIsNeverRepeated() async throws {
        let transport = ScriptedTransport(steps: [.failure(.networkConnectionLost), .status(200, #"{"id":"1001"}"#)])
        let client = makeClient(transport)
        let error = await assertOmniumError { try await client.createPosOrder(OmniumOrder(orderType: "Pos")) }
        XCTAssertEqual(error?.kind, .connection)
        XCTAssertEqual(transport.apiRequests.count, 1)
    }

    func testPosOrderWithIdIsRepeatedAfterALostAnswerAndTheConflictReadsIt() async throws {
        let transport = ScriptedTransport { request, index in
            switch index {
            case 0: throw URLError(.networkConnectionLost)
            case 1: return .json(#""Order FLOW-9 already exists""#, status: 409)
            default: return .json(#"{"id":"FLOW-9"}"#)
            }
        }
        let client = makeClient(transport)
        let outcome = try await client.createPosOrderTreatingConflictAsDone(OmniumOrder(id: "FLOW-9"))
        XCTAssertEqual(outcome.value.id, "FLOW-9")
        XCTAssertFalse(outcome.wasCreated)
        XCTAssertEqual(transport.apiRequests.map(\.method), ["PUT", "PUT", "GET"])
    }

    func testOrderStatusLineCancelAndReturns() async throws {
        let transport = ScriptedTransport { request, _ in
            switch request.url.lastPathComponent {
            case "UpdateStatus": return .json(#"{"isAborted":false,"orderActionExecutionResults":[]}"#)
            case "Return": return .json(#"{"returnId":"R1","rmaNumber":"RMA-1","status":"New"}"#)
            default: return .json(#"{"id":"W 1"}"#)
            }
        }
        let client = makeClient(transport)
        let result = try await client.updateOrderStatus(orderId: "W 1", OmniumUpdateStatusPatch(status: "ReadyForPickup"))
        XCTAssertEqual(result.isAborted, false)
        _ = try await client.cancelOrderLine(orderId: "W 1", lineItemId: "2")
        let form = try await client.createReturn(orderId: "W 1", OmniumReturnRequestModel(storeId: "oslo"))
        XCTAssertEqual(form.rmaNumber, "RMA-1")
        _ = try await client.updateReturnStatus(orderId: "W 1", OmniumUpdateStatusPatch(status: "Completed", returnId: "R1"))
        XCTAssertEqual(transport.apiRequests.map(target), [
            "POST /api/Orders/W%201/UpdateStatus", "POST /api/Orders/W%201/OrderLines/2/Cancel?sendNotifications=false",
            "POST /api/Returns/W%201/Return", "POST /api/Returns/W%201/UpdateStatus",
        ])
        XCTAssertTrue(transport.apiRequests[3].bodyText.contains(#""returnId":"R1""#))
    }

    func testInvoiceUpsertAndFileUpload() async throws {
        let transport = ScriptedTransport { _, _ in .json(#"{"id":"INV-1","url":"/api/Invoices/GetAsPdf/INV-1"}"#) }
        let client = makeClient(transport)
        _ = try await client.updateInvoice(OmniumInvoice(id: "INV-1"))
        let pdf = Data("%PDF-1.4".utf8)
        let invoice = try await client.addFileToInvoice(invoiceId: "INV-1", fileName: "kvittering 1.pdf", data: pdf)
        _ = try await client.invoice(id: "INV-1")
        XCTAssertNotNil(invoice.url)
        XCTAssertEqual(transport.apiRequests.map(target), [
            "PUT /api/Invoices/UpdateInvoice", "POST /api/Invoices/INV-1/AddFileToInvoice?fileName=kvittering%201.pdf",
            "GET /api/Invoices/INV-1",
        ])
        XCTAssertEqual(transport.apiRequests[1].headers["Content-Type"], "application/octet-stream")
        XCTAssertEqual(transport.apiRequests[1].body, pdf)
    }

    func testCustomerCreateUpdateGetAndSearch() async throws {
        let transport = ScriptedTransport { request, _ in
            request.url.path.hasSuffix("Search")
                ? .json(#"{"totalHits":1,"result":[{"customerId":"C1"}],"facets":[]}"#)
                : .json(#"{"customerId":"C1","firstName":"Åse"}"#)
        }
        let client = makeClient(transport)
        _ = try await client.createPrivateCustomer(OmniumPrivateCustomer(customerId: "C1"))
        _ = try await client.updatePrivateCustomer(OmniumPrivateCustomer(customerId: "C1"))
        let customer = try await client.privateCustomer(id: "C1")
        let found = try await client.searchPrivateCustomers(OmniumCustomerSearchRequest(customerId: "C1", take: 10))
        XCTAssertEqual(customer.firstName, "Åse")
        XCTAssertEqual(found.result.map(\.customerId), ["C1"])
        XCTAssertEqual(transport.apiRequests.map(target), [
            "POST /api/PrivateCustomers", "POST /api/PrivateCustomers/Update", "GET /api/PrivateCustomers/C1",
            "POST /api/PrivateCustomers/Search",
        ])
    }
}
