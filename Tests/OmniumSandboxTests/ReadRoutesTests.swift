import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

final class ReadRoutesTests: XCTestCase {
    private var harness: SandboxTestHarness!
    private var token = ""

    override func setUpWithError() throws {
        harness = try SandboxTestHarness()
        token = try harness.token()
    }

    private func get(_ target: String) -> HTTPResponse { harness.send(.GET, target, token: token) }
    private func post(_ target: String, _ body: String = "{}") -> HTTPResponse {
        harness.send(.POST, target, body: body, token: token)
    }

    func testStores() throws {
        let all = try get("/api/Stores").decoded(OmniumSearchResult<OmniumStore>.self)
        XCTAssertEqual(all.totalHits, harness.services.state.stores().count)
        XCTAssertTrue(all.result.contains { $0.isWarehouse == true })
        let visible = try get("/api/Stores?filterPublicVisible=true").decoded(OmniumSearchResult<OmniumStore>.self)
        XCTAssertTrue(visible.result.allSatisfy { $0.isPublicVisible == true })
        let id = try XCTUnwrap(all.result.first?.id)
        XCTAssertEqual(try get("/api/stores/\(id)").decoded(OmniumStore.self).id, id)
        let missing = get("/api/Stores/nowhere")
        XCTAssertEqual(missing.status, .notFound)
        XCTAssertEqual(missing.text, "\"Store was not found\"")
    }

    func testProducts() throws {
        let page = try post("/api/Products/SearchProducts", #"{"take": 3, "isFacetsDisabled": true}"#)
            .decoded(OmniumSearchResult<OmniumProduct>.self)
        XCTAssertEqual(page.result.count, 3)
        XCTAssertEqual(page.totalHits, harness.services.state.productCount)
        let product = try XCTUnwrap(page.result.first)
        XCTAssertEqual(try get("/api/Products/\(product.id ?? "")").decoded(OmniumProduct.self).id, product.id)
        if let sku = product.variants?.first?.skuId ?? product.skuId {
            XCTAssertEqual(get("/api/Products/\(sku)").status, .ok)
        }
        XCTAssertEqual(get("/api/Products/none").text, "\"Product was not found\"")
        let scroll = try post("/api/Products/Scroll").decoded(OmniumSearchResult<OmniumProduct>.self)
        XCTAssertEqual(scroll.result.count, scroll.totalHits)
        let end = try get("/api/Products/Scroll/\(try XCTUnwrap(scroll.scrollId))").decoded(OmniumSearchResult<OmniumProduct>.self)
        XCTAssertEqual(end.result.count, 0)
    }

    func testPricesAndInventory() throws {
        XCTAssertEqual(post("/api/Prices/Search").status, .badRequest, "at least one filter")
        XCTAssertEqual(post("/api/Prices/Search", #"{"marketId": "NOR", "scrollSize": 20001}"#).status, .badRequest)
        let prices = try post("/api/Prices/Search", #"{"marketId": "NOR", "scrollSize": 2}"#)
            .decoded(OmniumSearchResult<OmniumPrice>.self)
        XCTAssertEqual(prices.result.count, min(2, prices.totalHits))
        if prices.totalHits > 2 {
            let next = try get("/api/Prices/Scroll/\(try XCTUnwrap(prices.scrollId))").decoded(OmniumSearchResult<OmniumPrice>.self)
            XCTAssertFalse(next.result.isEmpty)
        }
        let stock = try post("/api/Inventory/Search", #"{"isInStock": true}"#).decoded(OmniumSearchResult<OmniumInventoryItem>.self)
        let item = try XCTUnwrap(stock.result.first)
        let sku = try XCTUnwrap(item.sku)
        let bySku = try get("/api/Inventory/\(sku)").decoded([OmniumInventoryItem].self)
        XCTAssertTrue(bySku.contains { $0.warehouseCode == item.warehouseCode })
        let filtered = try get("/api/Inventory/\(sku)?warehouseIds=\(item.warehouseCode ?? "")&warehouseIds=none")
            .decoded([OmniumInventoryItem].self)
        XCTAssertEqual(filtered.map(\.warehouseCode), [item.warehouseCode])
    }

    func testInventoryLastModifiedIsInclusive() throws {
        let all = try post("/api/Inventory/Search", #"{"isInStock": true}"#).decoded(OmniumSearchResult<OmniumInventoryItem>.self)
        let stamps = all.result.compactMap(\.modified).sorted()
        let pivot = try XCTUnwrap(stamps.dropFirst(stamps.count / 2).first)
        let body = #"{"isInStock": true, "LastModified": "\#(OmniumDateFormat.string(from: pivot))"}"#
        let changed = try post("/api/Inventory/Search", body).decoded(OmniumSearchResult<OmniumInventoryItem>.self)
        XCTAssertEqual(changed.totalHits, stamps.filter { $0 >= pivot }.count)
        XCTAssertTrue(changed.result.contains { $0.modified == pivot })
    }

    func testPurchaseOrdersAndDeliveries() throws {
        let page = try post("/api/PurchaseOrders/Search", #"{"take": 100}"#).decoded(OmniumSearchResult<OmniumPurchaseOrder>.self)
        XCTAssertGreaterThan(page.totalHits, 0)
        let po = try XCTUnwrap(page.result.first { $0.deliveryId != nil })
        XCTAssertEqual(try get("/api/PurchaseOrders/\(po.id ?? "")").decoded(OmniumPurchaseOrder.self).id, po.id)
        let deliveryId = try XCTUnwrap(po.deliveryId)
        XCTAssertEqual(try get("/api/Deliveries/\(deliveryId)").decoded(OmniumDelivery.self).id, deliveryId)
        let lines = try get("/api/Deliveries/\(deliveryId)/PurchaseOrderLines").decoded([OmniumPurchaseOrderLine].self)
        XCTAssertFalse(lines.isEmpty)
        XCTAssertEqual(get("/api/Deliveries/none/PurchaseOrderLines").status, .notFound)
        let scroll = try post("/api/PurchaseOrders/Scroll").decoded(OmniumSearchResult<OmniumPurchaseOrder>.self)
        XCTAssertEqual(scroll.totalHits, page.totalHits)
    }

    func testOrdersCustomersAndInvoices() throws {
        let orders = try post("/api/Orders/Search", #"{"take": 1}"#).decoded(OmniumSearchResult<OmniumOrder>.self)
        let order = try XCTUnwrap(orders.result.first)
        XCTAssertEqual(try get("/api/Orders/\(order.id ?? "")").decoded(OmniumOrder.self).id, order.id)
        XCTAssertEqual(get("/api/Orders/none").text, "\"Order was not found\"")
        for resource in ["PrivateCustomers", "BusinessCustomers"] {
            let page = try post("/api/\(resource)/Search", #"{"take": 2, "sortOrder": "CreatedAscending"}"#)
                .decoded(OmniumSearchResult<OmniumPrivateCustomer>.self)
            let customer = try XCTUnwrap(page.result.first)
            XCTAssertEqual(try get("/api/\(resource)/\(customer.customerId)").decoded(OmniumPrivateCustomer.self).customerId,
                           customer.customerId)
            XCTAssertEqual(get("/api/\(resource)/none").text, "\"Customer was not found\"")
        }
        XCTAssertEqual(get("/api/Invoices/none").text, "\"Invoice was not found\"")
    }
}
