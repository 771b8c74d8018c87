import Foundation
import HTTPServer
@testable import OmniumSandbox
import XCTest

final class RouterTests: XCTestCase {
    private func table(_ patterns: [(HTTPMethod, String)]) throws -> RouteTable {
        var router = Router()
        for (method, pattern) in patterns {
            router.add(method, pattern, permission: nil) { _, _ in .text(pattern) }
        }
        return try router.build()
    }

    private func matched(_ table: RouteTable, _ method: HTTPMethod, _ target: String) throws -> (String, [String: String])? {
        guard case .found(let route, let parameters) = table.match(try HTTPRequest(method: method, target: target)) else {
            return nil
        }
        return (route.pattern.description, parameters)
    }

    func testMatchesCaseInsensitivelyAndDecodesParameters() throws {
        let routes = try table([(.GET, "/api/Orders/{orderId}"), (.GET, "/api/Inventory/{sku}")])
        let order = try XCTUnwrap(try matched(routes, .GET, "/API/orders/FLOW-700"))
        XCTAssertEqual(order.0, "/api/Orders/{orderId}")
        XCTAssertEqual(order.1, ["orderId": "FLOW-700"])
        XCTAssertEqual(try matched(routes, .GET, "/api/Inventory/SKU%2F1%20A")?.1, ["sku": "SKU/1 A"])
        XCTAssertNil(try matched(routes, .GET, "/api/Orders"))
    }

    func testLiteralSegmentsOutrankParameters() throws {
        let routes = try table([
            (.GET, "/api/Products/{productId}"), (.GET, "/api/Products/Scroll/{scrollId}"),
            (.GET, "/api/Deliveries/{deliveryId}"), (.GET, "/api/Deliveries/{deliveryId}/PurchaseOrderLines"),
            (.POST, "/api/Orders/{orderId}/UpdateStatus"), (.POST, "/api/Orders/UpdateMany"),
        ])
        XCTAssertEqual(try matched(routes, .GET, "/api/products/scroll/abc")?.1, ["scrollId": "abc"])
        XCTAssertEqual(try matched(routes, .GET, "/api/Products/shirt_no")?.1, ["productId": "shirt_no"])
        XCTAssertEqual(try matched(routes, .GET, "/api/Deliveries/D1/PurchaseOrderLines")?.0,
                       "/api/Deliveries/{deliveryId}/PurchaseOrderLines")
        XCTAssertEqual(try matched(routes, .POST, "/api/Orders/UpdateMany")?.0, "/api/Orders/UpdateMany")
    }

    func testReportsOtherMethodsOfAKnownPath() throws {
        let routes = try table([(.POST, "/api/Orders/Search")])
        guard case .methodNotAllowed(let allowed) = routes.match(try HTTPRequest(method: .GET, target: "/api/Orders/Search")) else {
            return XCTFail("expected 405")
        }
        XCTAssertEqual(allowed, [.POST])
    }

    func testRefusesClashingRoutes() {
        XCTAssertThrowsError(try table([(.GET, "/api/Orders/{orderId}"), (.GET, "/API/orders/{id}")])) { error in
            XCTAssertTrue(String(describing: error).contains("clashes"), "\(error)")
        }
        XCTAssertNoThrow(try table([(.GET, "/api/Orders/{orderId}"), (.POST, "/api/Orders/{orderId}")]))
    }

    func testSandboxRouteTableBuildsAndAnswers404And405() throws {
        let harness = try SandboxTestHarness()
        let token = try harness.token()
        let missing = harness.send(.GET, "/api/Nothing", token: token)
        XCTAssertEqual(missing.status, .notFound)
        XCTAssertEqual(missing.text, "\"Not Found\"")
        let wrongMethod = harness.send(.DELETE, "/api/Prices/Search", token: token)
        XCTAssertEqual(wrongMethod.status, .methodNotAllowed)
        XCTAssertEqual(wrongMethod.headers["Allow"], "POST")
    }
}
