import Foundation
import Omnium
@testable import OmniumSandbox
import XCTest

/// Order writes: PosOrders, create, UpdateMany, UpdateStatus, line cancel, returns, validation, events.
final class SandboxOrderWritesTests: XCTestCase {
    private final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    private let clock = Clock()
    private lazy var state = SandboxState(options: SandboxDataOptions(seed: 9, scale: .tiny)) { [clock] in clock.now }

    private var storeId: String { state.generator.primaryStoreIds()[0] }

    private func posOrder(_ id: String? = "FLOW-700") -> OmniumOrder {
        let json = #"{"orderType":"Pos","status":"Completed","marketId":"NOR","storeId":"STORE","billingCurrency":"NOK","customerId":"C-1","orderForm":{"lineItems":[{"lineItemId":"1","code":"SKU1","quantity":2,"placedPrice":500,"taxRate":25}],"shipments":[{"shipmentId":"1","warehouseCode":"STORE"}],"discounts":[{"discountType":"Order","rewardType":"Percentage","discountValue":10}],"payments":[{"id":"P1","paymentMethodName":"Card","transactionType":"Sale","status":"Processed","amount":900}]}}"#
        var order = try! OmniumJSON.decode(OmniumOrder.self, from: Data(json.replacingOccurrences(of: "STORE", with: storeId).utf8))
        order.id = id
        return order
    }

    // MARK: - Create

    func testPosOrderIsStoredWithCalculatedTotalsAndAnEvent() throws {
        let stored = try state.createPosOrder(posOrder())
        XCTAssertEqual(stored.orderNumber, "FLOW-700")
        XCTAssertEqual(stored.orderForm?.total, 900)
        XCTAssertEqual(stored.orderForm?.taxTotal, 180)
        XCTAssertEqual(stored.orderForm?.lineItems?.first?.extendedPriceExclTax, 720)
        XCTAssertEqual(stored.orderForm?.shipments?.first?.status, "AwaitingInventory")
        XCTAssertEqual(stored.created, stored.modified)
        XCTAssertEqual(state.order(id: "FLOW-700"), stored)
        let event = try XCTUnwrap(state.events().last)
        XCTAssertEqual(event.operationId, 110_106)
        XCTAssertEqual(event.category, "Created")
        XCTAssertEqual(event.subClassName, "Pos")
        XCTAssertEqual(event.objectId, "FLOW-700")
        XCTAssertThrowsError(try state.createPosOrder(posOrder())) { XCTAssertEqual(($0 as? SandboxWriteError)?.status, 409) }
    }

    func testPosOrderDefaultsAndGeneratedNumber() throws {
        var order = posOrder(nil)
        order.orderType = nil
        order.status = nil
        order.orderForm?.lineItems?[0].quantity = -1
        let stored = try state.createPosOrder(order)
        XCTAssertTrue(stored.id?.hasPrefix("POS-") == true)
        XCTAssertEqual(stored.orderType, "Pos")
        XCTAssertEqual(stored.status, "Completed")
        XCTAssertEqual(stored.orderForm?.lineItems?.first?.discountedPrice, -500)
        XCTAssertNotNil(stored.completed)
    }

    func testCreateOrderNeedsAnIdAndRefusesDuplicates() throws {
        var order = posOrder(nil)
        XCTAssertThrowsError(try state.createOrder(order)) { XCTAssertEqual(($0 as? SandboxWriteError)?.status, 400) }
        order.id = "X-1"
        _ = try state.createOrder(order)
        XCTAssertThrowsError(try state.createOrder(order)) { XCTAssertEqual(($0 as? SandboxWriteError)?.status, 409) }
    }

    func testValidationRefusesWithoutApplying() {
        var cases: [(String, (inout OmniumOrder) -> Void)] = []
        cases.append(("market", { $0.marketId = "XXX" }))
        cases.append(("store", { $0.storeId = "nowhere" }))
        cases.append(("type", { $0.orderType = "Teleport" }))
        cases.append(("status", { $0.status = "ReadyForPickup" }))
        cases.append(("line id", { $0.orderForm?.lineItems?[0].lineItemId = nil }))
        cases.append(("duplicate line", { let line = $0.orderForm!.lineItems![0]; $0.orderForm?.lineItems?.append(line) }))
        cases.append(("shipment id", { $0.orderForm?.shipments?[0].shipmentId = "" }))
        cases.append(("warehouse", { $0.orderForm?.shipments?[0].warehouseCode = "nowhere" }))
        let before = state.events().count
        for (name, change) in cases {
            var order = posOrder("BAD-\(name)")
            change(&order)
            XCTAssertThrowsError(try state.createPosOrder(order), name) { XCTAssertEqual(($0 as? SandboxWriteError)?.status, 400, name) }
            XCTAssertNil(state.order(id: "BAD-\(name)"), name)
        }
        XCTAssertEqual(state.events().count, before)
    }

    // MARK: - UpdateMany

    func testUpdateManyUpsertsKeepsCreatedAndReturnsAndSkipsUnchanged() throws {
        let created = try state.createPosOrder(posOrder())
        _ = try state.createReturn(orderId: "FLOW-700", request: OmniumReturnRequestModel(
            returns: [OmniumLineItemReturn(lineItemId: "1", returnQuantity: 1)], rmaNumber: "RMA-1"))
        clock.now += 60
        var changed = posOrder()
        changed.customerName = "Åse Ølstad"
        var fresh = posOrder("FLOW-701")
        fresh.created = Date(timeIntervalSince1970: 1_700_000_000)
        let stored = try state.upsertOrders([changed, fresh])
        XCTAssertEqual(stored[0].created, created.created)
        XCTAssertEqual(stored[0].returnOrderForms?.first?.rmaNumber, "RMA-1")
        XCTAssertEqual(stored[0].customerName, "Åse Ølstad")
        XCTAssertGreaterThan(stored[0].modified!, created.modified!)
        XCTAssertEqual(stored[1].created, Date(timeIntervalSince1970: 1_700_000_000))
        let events = state.events().suffix(2).map { $0.category ?? "" }
        XCTAssertEqual(events, ["Workflow", "Created"], "status went back to Completed from PartiallyReturned")
        // the same again: nothing changes
        clock.now += 60
        let eventsBefore = state.events().count
        let again = try state.upsertOrders([stored[0], stored[1]])
        XCTAssertEqual(again[0].modified, stored[0].modified)
        XCTAssertEqual(state.events().count, eventsBefore)
        XCTAssertThrowsError(try state.upsertOrders([posOrder("FLOW-702"), posOrder(nil)]))
        XCTAssertNil(state.order(id: "FLOW-702"), "nothing applied when one order is invalid")
    }

    // MARK: - Status and cancel

    func testUpdateStatus() throws {
        var order = posOrder("CC-1")
        order.orderType = "ClickAndCollect"
        order.status = "New"
        _ = try state.createOrder(order)
        let result = try state.updateOrderStatus(orderId: "CC-1", patch: OmniumUpdateStatusPatch(status: "readyforpickup"))
        XCTAssertEqual(result.isAborted, false)
        XCTAssertEqual(result.orderActionExecutionResults, [])
        XCTAssertEqual(result.order?.status, "ReadyForPickup")
        XCTAssertNotNil(result.order?.readyForPickup)
        let event = try XCTUnwrap(state.events().last)
        XCTAssertEqual(event.operationId, 111_102)
        XCTAssertEqual(event.previousStatus, "New")
        XCTAssertEqual(state.statusChanges().last?.status, "ReadyForPickup")
        let count = state.events().count
        _ = try state.updateOrderStatus(orderId: "CC-1", patch: OmniumUpdateStatusPatch(status: "ReadyForPickup"))
        XCTAssertEqual(state.events().count, count, "same status again changes nothing")
        XCTAssertThrowsError(try state.updateOrderStatus(orderId: "CC-1", patch: OmniumUpdateStatusPatch(status: "Ship"))) {
            XCTAssertEqual(($0 as? SandboxWriteError)?.status, 400)
        }
        XCTAssertThrowsError(try state.updateOrderStatus(orderId: "nope", patch: OmniumUpdateStatusPatch(status: "New"))) {
            XCTAssertEqual($0 as? SandboxWriteError, .notFound("Order was not found"))
        }
    }

    func testCancelLine() throws {
        var order = posOrder("ON-1")
        order.orderType = "Online"
        order.status = "New"
        order.orderForm?.lineItems?[0].deliveredQuantity = 1
        _ = try state.createOrder(order)
        let canceled = try state.cancelOrderLine(orderId: "ON-1", lineItemId: "1")
        XCTAssertEqual(canceled.orderForm?.lineItems?[0].canceledQuantity, 1)
        XCTAssertNotNil(canceled.orderForm?.lineItems?[0].canceledDate)
        XCTAssertEqual(canceled.status, "New")
        XCTAssertEqual(canceled.orderForm?.total, 450)
        clock.now += 5
        XCTAssertEqual(try state.cancelOrderLine(orderId: "ON-1", lineItemId: "1").modified, canceled.modified, "repeat is a no-op")
        XCTAssertThrowsError(try state.cancelOrderLine(orderId: "ON-1", lineItemId: "9")) { XCTAssertEqual(($0 as? SandboxWriteError)?.status, 404) }
    }

    // MARK: - Returns

    func testReturnsAdvanceTheOrderAndRefuseTooMuch() throws {
        _ = try state.createPosOrder(posOrder())
        let form = try state.createReturn(orderId: "FLOW-700", request: OmniumReturnRequestModel(
            returns: [OmniumLineItemReturn(lineItemId: "1", returnQuantity: 1, returnReason: "Feil størrelse")],
            creditPayment: true, rmaNumber: "FLOW-R-1"))
        XCTAssertEqual(form.status, "New")
        XCTAssertEqual(form.rmaNumber, "FLOW-R-1")
        XCTAssertEqual(form.creditAmount, 450)
        XCTAssertEqual(form.payments?.first?.transactionType, "Credit")
        XCTAssertEqual(state.order(id: "FLOW-700")?.status, "PartiallyReturned")
        XCTAssertEqual(state.events().last?.operationId, 318_100)
        XCTAssertThrowsError(try state.createReturn(orderId: "FLOW-700", request: OmniumReturnRequestModel(
            returns: [OmniumLineItemReturn(lineItemId: "1", returnQuantity: 1)], rmaNumber: "FLOW-R-1"))) {
            XCTAssertEqual(($0 as? SandboxWriteError)?.status, 409)
        }
        XCTAssertThrowsError(try state.createReturn(orderId: "FLOW-700", request: OmniumReturnRequestModel(
            returns: [OmniumLineItemReturn(lineItemId: "1", returnQuantity: 2)]))) {
            XCTAssertEqual(($0 as? SandboxWriteError)?.status, 400)
        }
        let second = try state.createReturn(orderId: "FLOW-700", request: OmniumReturnRequestModel(
            returns: [OmniumLineItemReturn(lineItemId: "1", returnQuantity: 1)]))
        XCTAssertNotNil(second.rmaNumber)
        XCTAssertEqual(state.order(id: "FLOW-700")?.status, "Returned")
        XCTAssertEqual(state.order(id: "FLOW-700")?.orderForm?.lineItems?[0].returnQuantity, 2)
        let result = try state.updateReturnStatus(orderId: "FLOW-700", patch: OmniumUpdateStatusPatch(status: "Completed", returnId: form.returnId))
        XCTAssertEqual(result.order?.returnOrderForms?.first?.status, "Completed")
        XCTAssertThrowsError(try state.updateReturnStatus(orderId: "FLOW-700", patch: OmniumUpdateStatusPatch(status: "Completed", returnId: "x"))) {
            XCTAssertEqual(($0 as? SandboxWriteError)?.status, 404)
        }
    }
}
