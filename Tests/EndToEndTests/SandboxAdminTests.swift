import Foundation
import Omnium
import OmniumSandbox
import XCTest

/// `omniflow sandbox dump` and `omniflow sandbox mutate` as a separate process against a running sandbox.
final class SandboxAdminTests: XCTestCase {
    /// The credentials `sandbox serve` and `demo` accept (`DemoService.client`).
    private let demoClient = SandboxClient(clientId: "omniflow-demo", clientSecret: "omniflow-demo-secret")

    func testDumpShowsAPosOrderWrittenThroughTheOmniumClient() async throws {
        let fixture = try EndToEndFixture()
        let client = OmniumClient(configuration: OmniumConfiguration(
            baseURL: fixture.sandbox.baseURL, clientId: EndToEndFixture.client.clientId,
            clientSecret: EndToEndFixture.client.clientSecret, requestTimeout: 10))
        let store = try XCTUnwrap(fixture.sandbox.state.generator.primaryStoreIds().first)
        let sku = try XCTUnwrap(fixture.sandbox.state.generator.skus(forProductAt: 0).first)
        let line = OmniumOrderLine(lineItemId: "1", code: sku, quantity: 2, placedPrice: 149, taxRate: 25)
        var order = OmniumOrder(id: "FLOW-E2E-1", orderType: "Pos", status: "Completed", marketId: "NOR", storeId: store)
        order.billingCurrency = "NOK"
        order.orderForm = OmniumOrderForm(lineItems: [line], shipments: [OmniumShipment(shipmentId: "1", warehouseCode: store)])
        _ = try await client.createPosOrder(order)

        let url = fixture.sandbox.baseURL.absoluteString
        let secret = EndToEndFixture.client.clientSecret
        let json = try OmniflowProcess.run(["sandbox", "dump", "--url", url, "--client-id", "e2e", "--json"], secret: secret)
        XCTAssertEqual(json.status, 0, json.stderr)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let dump = try decoder.decode(SandboxDump.self, from: Data(json.stdout.utf8))
        XCTAssertEqual(dump.posOrderIds, ["FLOW-E2E-1"])
        XCTAssertEqual(dump.ordersCreated.first?.orderForm?.lineItems?.first?.code, sku)
        XCTAssertEqual(dump.ordersCreated.first?.orderForm?.total, 298)
        XCTAssertEqual(dump.eventCount, 1, "the create emitted one event")

        let text = try OmniflowProcess.run(["sandbox", "dump", "--url", url, "--client-id", "e2e"], secret: secret)
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("FLOW-E2E-1 (Pos, Completed)"), text.stdout)
        XCTAssertFalse(text.stdout.contains(secret) || text.stderr.contains(secret))

        let refused = try OmniflowProcess.run(["sandbox", "dump", "--url", url], secret: secret)
        XCTAssertEqual(refused.status, 1, "the demo user is not a client of this sandbox: \(refused.stderr)")
        XCTAssertTrue(refused.stderr.contains("/api/token"), refused.stderr)
    }

    func testMutateChangesExactlyFivePercentOfProducts() throws {
        var scale = SandboxScale.tiny
        scale.products = 200
        let sandbox = try SandboxServer.start(configuration: SandboxConfiguration(clients: [demoClient], seed: 3, scale: scale))
        defer { sandbox.stop() }
        let result = try OmniflowProcess.run(
            ["sandbox", "mutate", "--url", sandbox.baseURL.absoluteString, "--fraction", "0.05", "--json"], secret: "unused")
        XCTAssertEqual(result.status, 0, result.stderr)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let report = try decoder.decode(SandboxMutationReport.self, from: Data(result.stdout.utf8))
        XCTAssertEqual(report.productIds.count, 10, "5 % of 200 products")
        XCTAssertEqual(report.priceProductIds.count, 10)
        XCTAssertEqual(report.orderIds.count, Int((Double(scale.orders) * 0.05).rounded()))

        let changed = sandbox.state.read { storage in
            (0..<storage.productCount).filter { storage.productOverrides[$0] != nil }.map { storage.product(at: $0).productId ?? "" }
        }
        XCTAssertEqual(changed, report.productIds, "exactly the reported products changed")
        let stamps = Set(sandbox.state.read { storage in report.productIds.map { storage.productModified(at: storage.generator.productIndex(forId: $0)!) } })
        XCTAssertEqual(stamps.count, 1, "all stamped with one server time")

        let again = try OmniflowProcess.run(["sandbox", "mutate", "--url", sandbox.baseURL.absoluteString, "--fraction", "0.05"],
                                            secret: "unused")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.hasPrefix("Mutation round 2 (fraction 0.05): 10 products, 10 price sets"), again.stdout)
    }
}
