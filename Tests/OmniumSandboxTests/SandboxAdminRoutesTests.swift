import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// `/_sandbox/dump` and `/_sandbox/mutations` through the whole chain (auth, limits, faults), no sockets.
final class SandboxAdminRoutesTests: XCTestCase {
    private func posOrder(id: String, store: String) -> String {
        #"{"id":"ID","orderType":"Pos","status":"Completed","marketId":"NOR","storeId":"STORE","billingCurrency":"NOK","orderForm":{"lineItems":[{"lineItemId":"1","code":"SKU1","quantity":2,"placedPrice":100,"taxRate":25}],"shipments":[{"shipmentId":"1","warehouseCode":"STORE"}],"payments":[{"id":"P1","paymentMethodName":"Card","transactionType":"Sale","status":"Processed","amount":200}]}}"#
            .replacingOccurrences(of: "STORE", with: store).replacingOccurrences(of: "ID", with: id)
    }

    // MARK: - Dump

    func testFreshSandboxDumpsNothingWritten() throws {
        let harness = try SandboxTestHarness()
        let response = try harness.authorized(.GET, "/_sandbox/dump")
        XCTAssertEqual(response.status, .ok, response.text)
        let dump = try response.decoded(SandboxDump.self)
        XCTAssertEqual(dump.seed, 1)
        XCTAssertEqual(dump.scale, .tiny)
        XCTAssertEqual(dump.ordersCreated, [])
        XCTAssertEqual(dump.ordersUpdated, [])
        XCTAssertEqual(dump.inventory, [])
        XCTAssertEqual(dump.privateCustomers, [])
        XCTAssertEqual(dump.invoices, [])
        XCTAssertEqual(dump.eventCount, 0)
    }

    func testDumpReadsBackEveryKindOfWrite() throws {
        let harness = try SandboxTestHarness()
        let token = try harness.token()
        let state = harness.services.state
        let store = state.generator.primaryStoreIds()[0]
        // Through the API: a POS order, a line cancel on it, a status change on a generated order.
        XCTAssertEqual(harness.send(.PUT, "/api/Orders/PosOrders", body: posOrder(id: "FLOW-1", store: store), token: token).status, .ok)
        XCTAssertEqual(harness.send(.POST, "/api/Orders", body: posOrder(id: "FLOW-2", store: store), token: token).status, .ok)
        XCTAssertEqual(harness.send(.POST, "/api/Orders/FLOW-2/OrderLines/1/Cancel", token: token).status, .ok)
        let generated = try XCTUnwrap(state.read { $0.orders.ids.first })
        let before = try XCTUnwrap(state.order(id: generated))
        let next = try XCTUnwrap(state.orderTypes.statuses[before.orderType ?? ""]?.first { $0 != before.status })
        let status = harness.send(.POST, "/api/Orders/\(generated)/UpdateStatus", body: #"{"status":"\#(next)"}"#, token: token)
        XCTAssertEqual(status.status, .ok, status.text)
        // Through the state's write methods (the same code the write routes call).
        let sku = state.generator.skus(forProductAt: 0)[0]
        try state.updateInventory([OmniumInventoryItem(sku: sku, warehouseCode: store, inventory: 42)])
        try state.writePrivateCustomers([OmniumPrivateCustomer(customerId: "FLOW-C1", firstName: "Åse", lastName: "Ølstad")], mode: .upsert)
        try state.writeBusinessCustomers([OmniumBusinessCustomer(customerId: "FLOW-B1", name: "Fjellsport AS")], mode: .upsert)
        let invoice = state.updateInvoice(OmniumInvoice(id: "INV-1", orderId: "FLOW-1"))
        _ = try state.addFileToInvoice(invoiceId: try XCTUnwrap(invoice.id), fileName: "INV-1.pdf", bytes: Data(repeating: 7, count: 123))
        let po = try XCTUnwrap(state.read { $0.purchaseOrders.all }.first { $0.status == "New" || $0.status == "Confirmed" })
        let line = try XCTUnwrap(po.purchaseOrderForm?.lineItems?.first)
        try state.processGoodsReception(deliveryId: po.deliveryId, lines: [
            OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: 1, warehouseCode: po.storeId, goodsReceptionId: "GR-9"),
        ])

        let response = harness.send(.GET, "/_sandbox/dump", token: token)
        XCTAssertEqual(response.status, .ok, response.text)
        let dump = try response.decoded(SandboxDump.self)
        XCTAssertEqual(dump.ordersCreated.compactMap(\.id), ["FLOW-1", "FLOW-2"])
        XCTAssertEqual(dump.posOrderIds, ["FLOW-1", "FLOW-2"])
        XCTAssertEqual(dump.ordersUpdated.map { [$0.id, $0.status] }, [[generated, next]])
        XCTAssertEqual(dump.statusChanges.map(\.orderId), [generated])
        XCTAssertEqual(dump.lineCancels.map { "\($0.orderId)/\($0.lineItemId)=\($0.canceledQuantity)" }, ["FLOW-2/1=2"])
        XCTAssertTrue(dump.inventory.contains { $0.sku == sku && $0.warehouseCode == store && $0.inventory == 42 })
        XCTAssertEqual(dump.goodsReceptions.count, 1)
        XCTAssertEqual(dump.processedGoodsReceptionIds, ["GR-9"])
        XCTAssertEqual(dump.privateCustomers.map(\.customerId), ["FLOW-C1"])
        XCTAssertEqual(dump.businessCustomers.map(\.customerId), ["FLOW-B1"])
        XCTAssertEqual(dump.invoices.compactMap(\.id), ["INV-1"])
        XCTAssertEqual(dump.invoiceFiles, [SandboxDumpInvoiceFile(invoiceId: "INV-1", fileName: "INV-1.pdf", size: 123)])
        XCTAssertEqual(dump.eventCount, state.events().count)
        XCTAssertEqual(dump, state.dump().with(takenAt: dump.takenAt), "the route answers the state's read-back")
    }

    func testReturnsAreListedWithTheirOrder() throws {
        let harness = try SandboxTestHarness()
        let state = harness.services.state
        let store = state.generator.primaryStoreIds()[0]
        XCTAssertEqual(try harness.authorized(.POST, "/api/Orders", body: posOrder(id: "FLOW-3", store: store)).status, .ok)
        _ = try state.createReturn(orderId: "FLOW-3", request: OmniumReturnRequestModel(
            returns: [OmniumLineItemReturn(lineItemId: "1", returnQuantity: 1)], rmaNumber: "RMA-1"))
        let dump = try harness.authorized(.GET, "/_sandbox/dump").decoded(SandboxDump.self)
        XCTAssertEqual(dump.returns.map { "\($0.orderId) \($0.returnForm.rmaNumber ?? "")" }, ["FLOW-3 RMA-1"])
    }

    // MARK: - Auth, limits, faults

    func testAdminRoutesNeedATokenAndApiOwnerOrSandboxAdmin() throws {
        let harness = try SandboxTestHarness {
            $0.clients.append(SandboxClient(clientId: "admin", clientSecret: "s3", roles: [.area(.sandbox, .admin)]))
        }
        XCTAssertEqual(harness.send(.GET, "/_sandbox/dump", token: nil).status, .unauthorized)
        XCTAssertEqual(harness.send(.GET, "/_sandbox/dump", token: try harness.token(clientId: "reader", secret: "s1")).status, .forbidden)
        XCTAssertEqual(harness.send(.POST, "/_sandbox/mutations", token: try harness.token(clientId: "products", secret: "s2")).status,
                       .forbidden)
        XCTAssertEqual(harness.send(.GET, "/_sandbox/dump", token: try harness.token(clientId: "admin", secret: "s3")).status, .ok)
        XCTAssertEqual(SandboxRole(rawValue: "SandboxAdmin"), .area(.sandbox, .admin))
    }

    func testAdminRoutesAreNeitherRateLimitedNorFaulted() throws {
        let harness = try SandboxTestHarness {
            $0.rateLimits = SandboxRateLimits(bucketCapacity: 3, refillAmount: 0)
            $0.faults = SandboxFaults(errorRates: [500: 1.0])
        }
        let token = try harness.token()
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status.code, 500, "the API gets the injected fault")
        for _ in 0..<10 {
            XCTAssertEqual(harness.send(.GET, "/_sandbox/dump", token: token).status, .ok)
        }
        XCTAssertEqual(harness.send(.POST, "/_sandbox/mutations?fraction=0", token: token).status, .ok)
        XCTAssertEqual(harness.send(.GET, "/api/Stores", token: token).status.code, 500, "admin calls took no bucket tokens")
    }

    // MARK: - Mutations

    func testMutationsChangeTheFractionAndReportIds() throws {
        let harness = try SandboxTestHarness()
        let token = try harness.token()
        let first = harness.send(.POST, "/_sandbox/mutations?fraction=0.2", token: token)
        XCTAssertEqual(first.status, .ok, first.text)
        let report = try first.decoded(SandboxMutationReport.self)
        XCTAssertEqual(report.round, 1)
        XCTAssertEqual(report.fraction, 0.2)
        XCTAssertEqual(report.productIds.count, 2, "20 % of 10 products")
        XCTAssertEqual(report.priceProductIds.count, 2)
        XCTAssertEqual(report.orderIds.count, Int((Double(harness.services.state.read { $0.orders.count }) * 0.2).rounded()))
        XCTAssertFalse(report.inventory.isEmpty)
        XCTAssertEqual(report.eventCount, report.orderIds.count)
        let state = harness.services.state
        for id in report.productIds {
            let index = try XCTUnwrap(state.generator.productIndex(forId: id))
            XCTAssertEqual(state.read { $0.product(at: index).modified }, report.stamp)
        }
        let second = try harness.send(.POST, "/_sandbox/mutations?fraction=0.2", token: token).decoded(SandboxMutationReport.self)
        XCTAssertEqual(second.round, 2)
        XCTAssertGreaterThan(second.stamp, report.stamp)
        let dump = try harness.send(.GET, "/_sandbox/dump", token: token).decoded(SandboxDump.self)
        XCTAssertEqual(Set(dump.ordersUpdated.compactMap(\.id)), Set(report.orderIds + second.orderIds))
    }

    func testMutationFractionDefaultsAndValidation() throws {
        let harness = try SandboxTestHarness()
        let token = try harness.token()
        let report = try harness.send(.POST, "/_sandbox/mutations", token: token).decoded(SandboxMutationReport.self)
        XCTAssertEqual(report.fraction, 0.01)
        XCTAssertEqual(report.productIds, [], "1 % of 10 products rounds to none")
        for bad in ["1.5", "-0.1", "abc", "nan"] {
            let response = harness.send(.POST, "/_sandbox/mutations?fraction=\(bad)", token: token)
            XCTAssertEqual(response.status, .badRequest, bad)
            XCTAssertTrue(response.text.contains("fraction"), response.text)
        }
        XCTAssertEqual(harness.send(.GET, "/_sandbox/mutations", token: token).status, .methodNotAllowed)
    }

    // MARK: - Over loopback

    func testDumpAndMutationsOverLoopbackWithTheOmniumClient() async throws {
        let sandbox = try SandboxServer.start(configuration: SandboxConfiguration(scale: .tiny))
        defer { sandbox.stop() }
        let client = OmniumClient(configuration: OmniumConfiguration(
            baseURL: sandbox.baseURL, clientId: "sandbox", clientSecret: "sandbox-secret", requestTimeout: 10))
        let store = sandbox.state.generator.primaryStoreIds()[0]
        let order = try OmniumJSON.decoder.decode(OmniumOrder.self, from: Data(posOrder(id: "LOOP-1", store: store).utf8))
        _ = try await client.createPosOrder(order)
        let dump = try await client.send(.get("/_sandbox/dump"), as: SandboxDump.self)
        XCTAssertEqual(dump.posOrderIds, ["LOOP-1"])
        XCTAssertEqual(dump.ordersCreated.first?.orderForm?.total, 200)
        let mutation = OmniumRequest(method: .post, path: "/_sandbox/mutations", query: [URLQueryItem(name: "fraction", value: "0.5")],
                                     repeatability: .notRepeatable)
        let report = try await client.send(mutation, as: SandboxMutationReport.self)
        XCTAssertEqual(report.productIds.count, 5)
    }

    // MARK: - Configuration

    func testConfigurationCarriesBadEANsIntoTheData() throws {
        var configuration = SandboxConfiguration(scale: .tiny)
        XCTAssertEqual(configuration.dataOptions.badEANCount, 0, "tests keep clean data by default")
        configuration.badEANCount = 2
        configuration.epoch = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(configuration.dataOptions, SandboxDataOptions(seed: 1, scale: .tiny, epoch: Date(timeIntervalSince1970: 1_700_000_000),
                                                                      badEANCount: 2))
        let services = SandboxServices(configuration: configuration)
        XCTAssertEqual(services.state.generator.options.badEANCount, 2)
        configuration.dataOptions = SandboxDataOptions(seed: 9, scale: .small, badEANCount: 4)
        XCTAssertEqual([configuration.seed, UInt64(configuration.badEANCount)], [9, 4])
        XCTAssertEqual(configuration.scale, .small)
    }
}

extension SandboxDump {
    fileprivate func with(takenAt: Date) -> SandboxDump {
        var copy = self
        copy.takenAt = takenAt
        return copy
    }
}
