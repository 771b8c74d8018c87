import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// `SandboxOrderReader` reads an order body exactly as the decoder does: the same order (the same answer bytes),
/// or it declines and the decoder gives its own answer or error, whatever the members, spellings, types and nulls.
final class SandboxOrderReaderTests: XCTestCase {
    /// What omniflow's POS push sends (`OutboundOrderMapping.posOrderJSON`), with every member the reader knows.
    private let posOrder = #"""
    {"billingCurrency":"NOK","created":"2026-12-03T09:15:00.0000000Z","customerId":"C-1","customerName":"Kari",
     "customerNumber":"77","customerEmail":"k@example.no","customerPhone":"+4799","customerType":"B2C",
     "customerReference":"ref","id":"POS-1","marketId":"NOR","orderOrigin":"Flow","salesChannel":"Store",
     "salesPersonId":"E1","salesPersonName":"Ola",
     "orderForm":{"lineItems":[{"code":"SKU-1","cost":80.5,"discounted":10.00,"displayName":"Genser æøå","ean":"703",
       "lineItemId":"1","placedPrice":199.90,"productId":"P-1","quantity":2,"taxRate":25,"unit":"pcs"},
       {"code":"SKU-2","discounted":0,"displayName":"Kaffe","lineItemId":"2","placedPrice":49.9,"quantity":-1.5,"taxRate":15}],
      "payments":[{"amount":389.80,"created":"2026-12-03T09:15:00Z","id":"POS-1-1","paidDate":"2026-12-03T09:16:00.0000000Z",
        "paymentMethodName":"Card","paymentType":"Card","shipmentId":"1","status":"Processed","storeId":"oslo",
        "transactionId":"**** 4242","transactionType":"Sale"}],
      "shipments":[{"pickUpWarehouseCode":"oslo","shipmentId":"1","shippingMethodId":"pickup","shippingMethodName":"Pickup",
        "status":"Shipped","warehouseCode":"oslo"}]},
     "orderNumber":"POS-1","orderType":"Pos",
     "properties":[{"key":"flowCashRegister","value":"oslo-1"},{"key":"k","keyGroup":"g","value":"v","valueType":"String"}],
     "status":"Completed","storeId":"oslo"}
    """#

    func testThePosPushBodyIsReadHereAndEqualsTheDecoder() throws {
        let value = try SandboxRequestDecoder.value(of: Data(posOrder.utf8))
        let read = try XCTUnwrap(SandboxOrderReader.order(value))
        let decoded = try SandboxRequestDecoder.decode(OmniumOrder.self, from: value)
        XCTAssertEqual(read, decoded)
        XCTAssertEqual(try SandboxResponseEncoder.encode(read), try SandboxResponseEncoder.encode(decoded))
        XCTAssertEqual(read.orderForm?.lineItems?.count, 2)
        XCTAssertNil(read.additionalMembers)
    }

    /// Every member of the body changed in turn (null, other JSON types, other spelling, left out, an unknown
    /// member beside it, other date texts), and bodies that are no order at all.
    func testEveryVariationGivesTheDecodersOrderOrError() throws {
        let base = try SandboxRequestDecoder.value(of: Data(posOrder.utf8))
        var bodies: [String] = ["", "  ", "[]", "null", "{}", #"{"id":"A""#, #"{"id":"A"} x"#, #"{"id":"A","ID":"B"}"#,
                                #"{"id":"A","id":"B"}"#, #"{"orderForm":{"lineItems":[null]}}"#,
                                #"{"orderForm":{"lineItems":[1]}}"#, #"{"properties":{}}"#]
        let replacements: [OmniumJSONValue] = [.null, .bool(true), .number(7), .string(""), .string("x"),
                                               .string("2026-12-03T10:00:00"), .array([]), .object([:])]
        for path in Self.memberPaths(in: base) {
            for replacement in replacements {
                bodies.append(Self.text(Self.replacing(path, in: base) { _ in replacement }))
            }
            bodies.append(Self.text(Self.replacing(path, in: base) { _ in nil }))
            bodies.append(Self.text(Self.renaming(path, in: base, to: path.last!.uppercased())))
            bodies.append(Self.text(Self.renaming(path, in: base, to: path.last! + "Extra")))
        }
        var readHere = 0
        for body in bodies {
            let request = try HTTPRequest(method: .PUT, target: "/api/Orders/PosOrders", body: Data(body.utf8))
            let expected = Result { try request.omniumBody(OmniumOrder.self) }
            let actual = Result { try request.omniumOrderBody() }
            switch (expected, actual) {
            case (.success(let want), .success(let got)):
                XCTAssertEqual(got, want, body)
                XCTAssertEqual(try SandboxResponseEncoder.encode(got), try SandboxResponseEncoder.encode(want), body)
            case (.failure(let want), .failure(let got)): XCTAssertEqual("\(got)", "\(want)", body)
            default: XCTFail("\(body): decoder \(expected), reader \(actual)")
            }
            if let value = try? SandboxRequestDecoder.value(of: Data(body.utf8)), SandboxOrderReader.order(value) != nil {
                readHere += 1
            }
        }
        // Both kinds were exercised: bodies read here and bodies left to the decoder.
        XCTAssertGreaterThan(readHere, 50)
        XCTAssertLessThan(readHere, bodies.count - 50)
    }

    func testTheRouteAnswersFromTheReaderAsFromTheDecoder() throws {
        let harness = try SandboxTestHarness()
        let state = harness.services.state
        let store = try XCTUnwrap(state.stores().first { $0.isWarehouse == true }?.id)
        let market = try XCTUnwrap(state.markets().first?.marketId)
        let body = posOrder.replacingOccurrences(of: "\"oslo\"", with: "\"\(store)\"")
            .replacingOccurrences(of: "\"NOR\"", with: "\"\(market)\"")
        XCTAssertEqual(try harness.authorized(.PUT, "/api/Orders/PosOrders", body: body).status.code, 200)
        let stored = try XCTUnwrap(state.order(id: "POS-1"))
        XCTAssertEqual(stored.orderForm?.lineItems?.map(\.code), ["SKU-1", "SKU-2"])
        XCTAssertEqual(stored.storeId, store)
        XCTAssertEqual(try harness.authorized(.PUT, "/api/Orders/PosOrders", body: body).status.code, 409)
        // Left to the decoder: a second spelling of a member (the decoder takes the exact one).
        let twoSpellings = body.replacingOccurrences(of: #""id":"POS-1""#, with: #""id":"POS-2","iD":"POS-3""#)
        XCTAssertEqual(try harness.authorized(.PUT, "/api/Orders/PosOrders", body: twoSpellings).status.code, 200)
        XCTAssertNotNil(state.order(id: "POS-2"))
        let badDate = body.replacingOccurrences(of: #""id":"POS-1""#, with: #""id":"POS-4""#)
            .replacingOccurrences(of: #""created":"2026-12-03T09:15:00.0000000Z""#, with: #""created":"soon""#)
        XCTAssertEqual(try harness.authorized(.PUT, "/api/Orders/PosOrders", body: badDate).status.code, 400)
        XCTAssertNil(state.order(id: "POS-4"))
    }

    // MARK: - Variations

    /// The path of every object member in `value`, depth first (array items by index).
    private static func memberPaths(in value: OmniumJSONValue, prefix: [String] = []) -> [[String]] {
        switch value {
        case .object(let members):
            return members.keys.sorted().flatMap { key in [prefix + [key]] + memberPaths(in: members[key]!, prefix: prefix + [key]) }
        case .array(let items):
            return items.indices.flatMap { memberPaths(in: items[$0], prefix: prefix + ["#\($0)"]) }
        default:
            return []
        }
    }

    /// `value` with the member at `path` replaced by `change`'s result (nil removes it).
    private static func replacing(_ path: [String], in value: OmniumJSONValue,
                                  _ change: (OmniumJSONValue) -> OmniumJSONValue?) -> OmniumJSONValue {
        guard let head = path.first else { return change(value) ?? .null }
        switch value {
        case .object(var members):
            if path.count == 1 {
                members[head] = members[head].flatMap(change)
            } else if let child = members[head] {
                members[head] = replacing(Array(path.dropFirst()), in: child, change)
            }
            return .object(members)
        case .array(var items):
            if let index = Int(head.dropFirst()), items.indices.contains(index) {
                items[index] = replacing(Array(path.dropFirst()), in: items[index], change)
            }
            return .array(items)
        default:
            return value
        }
    }

    /// `value` with the member at `path` given the name `name` (kept under both when `name` is new beside it).
    private static func renaming(_ path: [String], in value: OmniumJSONValue, to name: String) -> OmniumJSONValue {
        let parent = Array(path.dropLast())
        let rename: (OmniumJSONValue) -> OmniumJSONValue = { object in
            guard case .object(var members) = object, let member = members[path.last!] else { return object }
            if !name.hasSuffix("Extra") { members.removeValue(forKey: path.last!) }
            members[name] = member
            return .object(members)
        }
        return parent.isEmpty ? rename(value) : replacing(parent, in: value, rename)
    }

    private static func text(_ value: OmniumJSONValue) -> String {
        var out = ""
        SandboxJSONText.write(value, to: &out)
        return out
    }
}
