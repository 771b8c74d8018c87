import Foundation
import Omnium
@testable import OmniumSandbox
import XCTest

/// `SandboxState`: stamps, queries over the lazy catalogue, read-back.
final class SandboxStateTests: XCTestCase {
    private func makeState(scale: SandboxScale = .small, at time: TimeInterval = 1_800_000_000) -> SandboxState {
        SandboxState(options: SandboxDataOptions(seed: 3, scale: scale), clock: { Date(timeIntervalSince1970: time) })
    }

    func testStampsAreNormalisedAndStrictlyIncreasing() {
        let state = SandboxState(options: SandboxDataOptions(scale: .tiny), clock: { Date(timeIntervalSince1970: 1_800_000_000.123_456_789) })
        let stamps = (0..<5).map { _ in state.write { _, now in now } }
        for (a, b) in zip(stamps, stamps.dropFirst()) { XCTAssertLessThan(a, b) }
        for stamp in stamps { XCTAssertEqual(OmniumDateFormat.normalized(stamp), stamp) }
    }

    func testProductQueriesFilterSortAndPage() throws {
        let state = makeState()
        let all = try state.products(matching: OmniumProductSearchRequest())
        XCTAssertEqual(all.count, SandboxScale.small.products)
        let modified = all.all.compactMap(\.modified)
        XCTAssertEqual(modified, modified.sorted())
        let cut = modified[150]
        let delta = try state.products(matching: OmniumProductSearchRequest(modifiedFrom: cut))
        XCTAssertEqual(delta.count, 50, "modifiedFrom is inclusive")
        XCTAssertEqual(delta.elements(in: 0..<2).map(\.productId), ["100151", "100152"])
        XCTAssertEqual(delta.elements(in: 48..<100).count, 2)
        let swedish = try state.products(matching: OmniumProductSearchRequest(marketId: "swe"))
        XCTAssertTrue(swedish.all.allSatisfy { $0.marketIds?.contains("SWE") == true })
        XCTAssertGreaterThan(swedish.count, 0)
        XCTAssertThrowsError(try state.products(matching: OmniumProductSearchRequest(sortOrder: "Sideways")))
        XCTAssertEqual(state.product(id: "100001-\(state.generator.product(at: 0).variants?.first?.size ?? "")")?.productId ?? "100001", "100001")
    }

    func testPriceAndInventoryQueries() throws {
        let state = makeState()
        XCTAssertThrowsError(try state.prices(matching: OmniumPriceSearchRequest()))
        XCTAssertThrowsError(try state.inventory(matching: OmniumInventorySearchRequest(isInStock: false)))
        let sku = state.generator.skus(forProductAt: 4)[0]
        let prices = try state.prices(matching: OmniumPriceSearchRequest(productCodes: [sku]))
        XCTAssertEqual(prices.all, state.generator.prices(forProductAt: 4).filter { $0.code == sku })
        let nor = try state.prices(matching: OmniumPriceSearchRequest(marketId: "NOR"))
        XCTAssertTrue(nor.all.allSatisfy { $0.marketId == "NOR" })
        let web = try state.inventory(matching: OmniumInventorySearchRequest(isWebWarehouse: true))
        XCTAssertTrue(web.all.allSatisfy { $0.warehouseCode == SandboxDataGenerator.webWarehouseId })
        XCTAssertGreaterThan(web.count, SandboxScale.small.products)
        let inStock = try state.inventory(matching: OmniumInventorySearchRequest(productCodes: [sku], isInStock: true))
        XCTAssertTrue(inStock.all.allSatisfy { $0.inventory! > $0.reservedInventory! })
        XCTAssertEqual(state.inventory(sku: sku).count, state.generator.inventory(forProductAt: 4).filter { $0.sku == sku }.count)
    }

    func testOrderPurchaseOrderAndCustomerQueries() throws {
        let state = makeState()
        let cc = try state.orders(matching: OmniumOrderSearchRequest(orderType: "clickandcollect"))
        XCTAssertTrue(cc.all.allSatisfy { $0.orderType == "ClickAndCollect" })
        let newest = try state.orders(matching: OmniumOrderSearchRequest())
        let created = newest.all.compactMap(\.created)
        XCTAssertEqual(created, created.sorted(by: >), "orders default to CreatedDescending")
        let open = try state.orders(matching: OmniumOrderSearchRequest(selectedStatuses: ["new"]))
        XCTAssertTrue(open.all.allSatisfy { $0.status == "New" })
        let canceled = try state.purchaseOrders(matching: OmniumPurchaseOrderSearchRequest(selectedStatuses: ["OrderCanceled"]))
        XCTAssertGreaterThan(canceled.count, 0)
        XCTAssertNotNil(state.purchaseOrderLines(deliveryId: canceled.all[0].deliveryId!)?.first)
        XCTAssertNil(state.purchaseOrderLines(deliveryId: "nope"))
        let customer = state.generator.privateCustomer(at: 2)
        let found = try state.privateCustomers(matching: OmniumCustomerSearchRequest(email: customer.email?.uppercased()))
        XCTAssertEqual(found.all.map(\.customerId), [customer.customerId])
    }

    func testResultSetSnapshotsTheDataAtQueryTime() throws {
        let state = makeState()
        let before = try state.products(matching: OmniumProductSearchRequest())
        let name = before.elements(in: 0..<1)[0].name
        state.write { storage, now in
            var product = storage.product(at: 0)
            product.name = "Endret"
            product.modified = now
            storage.productOverrides[0] = product
        }
        XCTAssertEqual(before.elements(in: 0..<1)[0].name, name)
        XCTAssertEqual(state.product(id: "100001")?.name, "Endret")
        let after = try state.products(matching: OmniumProductSearchRequest())
        XCTAssertEqual(after.all.last?.productId, "100001", "changed product sorts last by modified")
    }
}
