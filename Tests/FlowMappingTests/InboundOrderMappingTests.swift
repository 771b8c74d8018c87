import Foundation
import XCTest
@testable import FlowMapping
import FlowStore
import Omnium

final class InboundOrderMappingTests: XCTestCase {
    private let stores = KnownFlowStores(storeUids: ["oslo", "bergen"], storeUidByWarehouseUid: [FlowUID.sanitize("bergen lager")!: "bergen"])
    private let settings = InboundOrderSettings(clickCollectOrderHandlingUid: "cc-handling",
                                                onlineOrderHandlingUid: "online-handling", clickCollectExpiryDays: 2)

    // MARK: - Fixtures

    private func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    private func line(_ id: String, quantity: Decimal = 2, price: String = "500.00", discount: Decimal = 0) -> OmniumOrderLine {
        OmniumOrderLine(lineItemId: id, code: "SKU-\(id)", productId: "P \(id)", displayName: "Genser \(id)",
                        quantity: quantity, placedPrice: Decimal(string: price), taxRate: 25, discounted: discount)
    }

    private func order(_ type: String, lines: [OmniumOrderLine], pickup: String? = nil, storeId: String = "oslo",
                       status: String = "New") -> OmniumOrder {
        OmniumOrder(id: "WEB-1001", orderNumber: "1001", orderType: type, status: status, marketId: "NOR",
                    storeId: storeId, billingCurrency: "NOK", customerId: "kari@example.no",
                    orderForm: OmniumOrderForm(lineItems: lines,
                                               shipments: [OmniumShipment(shipmentId: "S1", warehouseCode: "oslo",
                                                                          pickUpWarehouseCode: pickup)],
                                               taxTotal: Decimal(string: "180.00"), total: Decimal(string: "900.00"),
                                               discountAmount: 100),
                    modified: utc("2026-05-13T08:00:00Z"))
    }

    private func map(_ order: OmniumOrder, now: Date = Date(timeIntervalSince1970: 1_800_000_000),
                     settings: InboundOrderSettings? = nil) throws -> InboundOrderDraft? {
        try InboundOrderMapping.map(order, settings: settings ?? self.settings, stores: stores, calendar: NorwegianBusinessCalendar(timeZone: TimeZone(identifier: "Europe/Oslo")!), now: now)
    }

    // MARK: - Types

    func testOrderTypesCompareCaseInsensitively() {
        XCTAssertEqual(InboundOrderMapping.orderType("ClickAndCollect"), .clickAndCollect)
        XCTAssertEqual(InboundOrderMapping.orderType("ClickAndcollect"), .clickAndCollect)
        XCTAssertEqual(InboundOrderMapping.orderType("Online"), .onlineOrder)
        XCTAssertEqual(InboundOrderMapping.orderType("OnlineOrder"), .onlineOrder)
        XCTAssertEqual(InboundOrderMapping.orderType("onlineorder"), .onlineOrder)
        XCTAssertNil(InboundOrderMapping.orderType("Pos"))
    }

    func testPosOrderIsNotInboundAndNotAnIssue() throws {
        XCTAssertNil(try map(order("Pos", lines: [line("1")])))
    }

    func testMissingOrderTypeIsAnIssue() {
        var o = order("Online", lines: [line("1")])
        o.orderType = nil
        XCTAssertThrowsError(try map(o)) { XCTAssertEqual(($0 as? MappingIssue)?.reason, "orderType is missing") }
    }

    // MARK: - Click & Collect

    func testClickAndCollectIsParkedAtThePickupStoreWithHandlingTask() throws {
        let draft = try XCTUnwrap(map(order("ClickAndcollect", lines: [line("1"), line("2", discount: 100)], pickup: "bergen lager")))
        let flow = draft.snapshot.order
        XCTAssertEqual(flow.orderUid, "WEB-1001")
        XCTAssertEqual(flow.orderNumber, "1001")
        XCTAssertEqual(flow.externalOrderNumber, "WEB-1001")
        XCTAssertEqual(flow.type, .clickAndCollect)
        XCTAssertEqual(flow.orderState, .parked)
        XCTAssertEqual(flow.storeUid, "bergen")        // pickup warehouse → its store, not the selling store
        XCTAssertEqual(flow.customerUid, FlowUID.sanitize("kari@example.no"))
        XCTAssertEqual(flow.currency, "NOK")
        XCTAssertEqual(flow.orderTotal, 90_000)
        XCTAssertEqual(flow.vatTotal, 18_000)
        XCTAssertEqual(flow.discountTotal, 10_000)
        XCTAssertEqual(flow.omniumStatus, "New")
        XCTAssertEqual(draft.snapshot.orderhandlings, [FlowOrderHandling(orderUid: "WEB-1001", orderHandlingUid: "cc-handling")])

        let items = draft.snapshot.items
        XCTAssertEqual(items.map(\.externalId), ["1", "2"])
        XCTAssertEqual(items[1].quantity, 200)
        XCTAssertEqual(items[1].itemPrice, 50_000)
        XCTAssertEqual(items[1].itemDiscountAmount, 10_000)
        XCTAssertEqual(items[1].vatRate, 25)
        XCTAssertEqual(items[1].productUid, FlowUID.sanitize("P 2"))
        XCTAssertEqual(items[1].sku, "SKU-2")
        XCTAssertEqual(items[1].name, "Genser 2")
        XCTAssertEqual(items[1].deliveredQuantity, 0)
    }

    func testPickupDeadlineCrossesAscensionDayAndWeekend() throws {
        // Wednesday 13 May 2026 10:00 Oslo; Thu 14 is Ascension Day, Fri 15 counts, weekend, Mon 18 counts.
        let draft = try XCTUnwrap(map(order("ClickAndCollect", lines: [line("1")], pickup: "oslo"),
                                      now: utc("2026-05-13T08:00:00Z")))
        XCTAssertEqual(draft.snapshot.order.validUntil, utc("2026-05-18T21:59:59Z"))
        XCTAssertFalse(draft.isValidUntilFromOmnium)
    }

    func testPickupDeadlineOverEaster2027() throws {
        // Wednesday 24 March 2027: Maundy Thursday, Good Friday, weekend, Easter Monday; Tue 30 and Wed 31 count.
        let draft = try XCTUnwrap(map(order("ClickAndCollect", lines: [line("1")], pickup: "oslo"),
                                      now: utc("2027-03-24T15:00:00Z")))
        XCTAssertEqual(draft.snapshot.order.validUntil, utc("2027-03-31T21:59:59Z"))
    }

    func testOmniumPickupDeadlineWins() throws {
        var o = order("ClickAndCollect", lines: [line("1")], pickup: "oslo")
        o.customerPickupDeadline = utc("2026-05-20T16:00:00Z")
        let draft = try XCTUnwrap(map(o))
        XCTAssertEqual(draft.snapshot.order.validUntil, utc("2026-05-20T16:00:00Z"))
        XCTAssertTrue(draft.isValidUntilFromOmnium)
    }

    func testNoDeadlineWithoutExpiryDaysAndNoHandlingWithoutUid() throws {
        let draft = try XCTUnwrap(map(order("ClickAndCollect", lines: [line("1")], pickup: "oslo"),
                                      settings: InboundOrderSettings()))
        XCTAssertNil(draft.snapshot.order.validUntil)
        XCTAssertEqual(draft.snapshot.orderhandlings, [])
    }

    func testClickAndCollectForUnknownPickupStoreIsAnIssue() {
        XCTAssertThrowsError(try map(order("ClickAndCollect", lines: [line("1")], pickup: "tromso"))) { error in
            let issue = error as? MappingIssue
            XCTAssertEqual(issue?.entity, .order)
            XCTAssertEqual(issue?.recordKey, "WEB-1001")
            XCTAssertEqual(issue?.reason,
                           "unknown store: pickup store 'tromso' (shipment pickUpWarehouseCode) is not a Flow store")
        }
    }

    // MARK: - Online

    func testOnlineOrderIsConfirmedWithItsHandlingTaskAndNoDeadline() throws {
        let draft = try XCTUnwrap(map(order("Online", lines: [line("1")])))
        XCTAssertEqual(draft.snapshot.order.type, .onlineOrder)
        XCTAssertEqual(draft.snapshot.order.orderState, .confirmed)
        XCTAssertEqual(draft.snapshot.order.storeUid, "oslo")
        XCTAssertNil(draft.snapshot.order.validUntil)
        XCTAssertEqual(draft.snapshot.orderhandlings.map(\.orderHandlingUid), ["online-handling"])
    }

    func testOnlineOrderFromWebshopFallsBackToTheSendingStore() throws {
        let draft = try XCTUnwrap(map(order("Online", lines: [line("1")], storeId: "epic_webshop_no")))
        XCTAssertEqual(draft.snapshot.order.storeUid, "oslo")
    }

    func testOnlineOrderForUnknownStoreIsAnIssue() {
        var o = order("Online", lines: [line("1")], storeId: "epic_webshop_no")
        o.orderForm?.shipments = [OmniumShipment(shipmentId: "S1", warehouseCode: "tromso")]
        XCTAssertThrowsError(try map(o)) { error in
            XCTAssertEqual((error as? MappingIssue)?.reason,
                           "unknown store: store 'epic_webshop_no' (storeId) is not a Flow store, nor is any shipment warehouseCode")
        }
    }

    func testOnlineOrderUpdatedAfterFirstSync() throws {
        let first = try XCTUnwrap(map(order("Online", lines: [line("1"), line("2"), line("3")])))
        let created = InboundOrderMerge.merge(existing: nil, incoming: first)
        XCTAssertEqual(created.outcome, .created)

        // In Omnium: line 2 quantity changed, line 3 removed, line 4 added.
        var changed = order("Online", lines: [line("1"), line("2", quantity: 3), line("4")], status: "InProgress")
        changed.orderForm?.total = Decimal(string: "2500.00")
        let update = try XCTUnwrap(map(changed, now: Date(timeIntervalSince1970: 1_800_100_000)))
        let result = InboundOrderMerge.merge(existing: created.snapshot, incoming: update)
        XCTAssertEqual(result.outcome, .reopened)
        XCTAssertEqual(result.snapshot.order.orderState, .open)
        XCTAssertEqual(result.snapshot.order.orderTotal, 250_000)
        XCTAssertEqual(result.snapshot.items.map(\.externalId), ["1", "2", "4"])
        XCTAssertEqual(result.snapshot.items[1].quantity, 300)
        XCTAssertEqual(result.itemChanges.map(\.externalId), ["2", "4", "3"])
        guard case .deleted = result.itemChanges[2] else { return XCTFail("line 3 should be deleted") }
        XCTAssertEqual(result.snapshot.orderhandlings.map(\.orderHandlingUid), ["online-handling"])
    }

    // MARK: - Lines and statuses

    func testLineWithoutIdOrSkuIsAnIssue() {
        var noId = line("1")
        noId.lineItemId = nil
        XCTAssertThrowsError(try map(order("Online", lines: [noId]))) {
            XCTAssertEqual(($0 as? MappingIssue)?.reason, "line 1 has no lineItemId")
        }
        var noSku = line("1")
        noSku.code = nil
        noSku.productId = nil
        XCTAssertThrowsError(try map(order("Online", lines: [noSku]))) {
            XCTAssertEqual(($0 as? MappingIssue)?.reason, "line '1' has neither code (SKU) nor productId")
        }
    }

    func testFinalOmniumOrderUnknownToFlowIsSkipped() throws {
        let draft = try XCTUnwrap(map(order("ClickAndCollect", lines: [line("1")], pickup: "oslo", status: "orderCanceled")))
        XCTAssertTrue(draft.isFinalInOmnium)
        let result = InboundOrderMerge.merge(existing: nil, incoming: draft)
        XCTAssertEqual(result.outcome, .skipped)
        XCTAssertFalse(result.needsSave)
    }

    func testTotalsAreSummedWhenOmniumSendsNone() throws {
        var o = order("Online", lines: [line("1", quantity: 2, price: "199.50", discount: Decimal(string: "39.90")!)])
        o.orderForm?.total = nil
        o.orderForm?.taxTotal = nil
        o.orderForm?.discountAmount = nil
        o.orderForm?.shipments = [OmniumShipment(shipmentId: "S1", warehouseCode: "oslo", shippingSubTotal: 49)]
        let flow = try XCTUnwrap(map(o)).snapshot.order
        XCTAssertEqual(flow.orderTotal, 2 * 19_950 - 3_990 + 4_900)
        XCTAssertEqual(flow.discountTotal, 3_990)
        XCTAssertEqual(flow.shippingTotal, 4_900)
    }

    func testDecodesAnOmniumOrderFromJSON() throws {
        let json = """
            {"id":"EPIC0001","orderNumber":"EPIC0001","orderType":"ClickAndcollect","status":"New","marketId":"NOR",
             "storeId":"oslo","billingCurrency":"NOK","customerId":null,"modified":"2026-05-13T08:00:00.1234567Z",
             "orderForm":{"lineItems":[{"lineItemId":"1","code":"SKU1","quantity":1,"placedPrice":199.50,"taxRate":25,
             "discounted":0}],"shipments":[{"shipmentId":"1","warehouseCode":"oslo","pickUpWarehouseCode":"bergen"}],
             "total":199.50,"taxTotal":39.90}}
            """
        let decoded = try OmniumJSON.decoder.decode(OmniumOrder.self, from: Data(json.utf8))
        let draft = try XCTUnwrap(map(decoded, now: utc("2026-05-15T10:00:00Z")))
        XCTAssertEqual(draft.snapshot.order.storeUid, "bergen")
        XCTAssertEqual(draft.snapshot.order.orderTotal, 19_950)
        XCTAssertNil(draft.snapshot.order.customerUid)
        XCTAssertEqual(draft.snapshot.items[0].itemPrice, 19_950)
        // Friday 15 May 2026 + 2 working days: weekend (Sun = 17 May), Mon 18, Tue 19.
        XCTAssertEqual(draft.snapshot.order.validUntil, utc("2026-05-19T21:59:59Z"))
    }
}

final class InboundOrderWebWarehouseTests: XCTestCase {
    func testAnOnlineOrderShippedFromTheStorelessWebWarehouseIsNotInboundButAnUnknownWarehouseIsAnIssue() throws {
        let stores = KnownFlowStores(storeUids: ["oslo"], storelessWarehouseUids: ["nettlager"])
        var order = OmniumOrder(id: "WEB-1", orderType: "Online", status: "New", storeId: "nettbutikk")
        order.orderForm = OmniumOrderForm(
            lineItems: [OmniumOrderLine(lineItemId: "1", code: "SKU-1", quantity: 1, placedPrice: 100)],
            shipments: [OmniumShipment(shipmentId: "1", warehouseCode: "nettlager")])
        let settings = InboundOrderSettings(clickCollectOrderHandlingUid: "cc", onlineOrderHandlingUid: "web",
                                            clickCollectExpiryDays: 3)
        XCTAssertNil(try InboundOrderMapping.map(order, settings: settings, stores: stores, calendar: NorwegianBusinessCalendar(timeZone: TimeZone(identifier: "Europe/Oslo")!), now: Date()))

        order.orderForm?.shipments = [OmniumShipment(shipmentId: "1", warehouseCode: "somewhere")]
        XCTAssertThrowsError(try InboundOrderMapping.map(order, settings: settings, stores: stores, calendar: NorwegianBusinessCalendar(timeZone: TimeZone(identifier: "Europe/Oslo")!), now: Date())) { error in
            XCTAssertTrue((error as? MappingIssue)?.reason.hasPrefix("unknown store") == true, "\(error)")
        }
    }
}
