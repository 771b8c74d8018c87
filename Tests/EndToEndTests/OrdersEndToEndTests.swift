import FlowMapping
import FlowStore
import Foundation
import Omnium
import OmniumSandbox
import Pipeline
import Staging
import XCTest

/// Issue 4's inbound orders: Click & Collect and Online orders from the sandbox through the real client
/// into the Flow store, with the business date pinned by a `FixedClock`.
final class OrdersEndToEndTests: XCTestCase {
    /// The stores stages (the orders need Flow's stores) and the order stages.
    static let stages = ["extract.stores", "transform.stores", "load.stores", "extract.orders",
                         "extract.order_customers", "transform.order_customers", "transform.orders", "load.orders"]

    /// Wednesday 5 May 2027, 10:00 Oslo; Thursday 6 May is Ascension Day.
    let clock = FixedClock(OrdersEndToEndTests.osloTime("2027-05-05 10:00:00"))

    static func osloTime(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Oslo")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: text)!
    }

    @discardableResult
    func run(_ fixture: EndToEndFixture, file: StaticString = #filePath, line: UInt = #line) async throws -> RunResult {
        let result = try await fixture.run(RunRequest(selection: StageSelection(only: Self.stages)), clock: clock)
        XCTAssertTrue(result.succeeded, "\(result.manifest.stages.map { "\($0.name): \($0.error ?? $0.status.rawValue)" })",
                      file: file, line: line)
        return result
    }

    /// A primary sandbox store that the stores stages made a Flow store.
    func flowStore(_ fixture: EndToEndFixture) throws -> String {
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        let uids = try flow.read { try StoresTable.storeUids(in: $0) }
        return try XCTUnwrap(fixture.sandbox.state.stores().first {
            $0.isPrimaryStore == true && $0.isWarehouse == true && uids.contains(FlowUID.sanitize($0.id) ?? "")
        }?.id)
    }

    static func order(_ id: String, type: String, store: String, pickup: String? = nil,
                      lines: [OmniumOrderLine]) -> OmniumOrder {
        OmniumOrder(id: id, orderType: type, status: "New", marketId: "NOR", storeId: store, billingCurrency: "NOK",
                    orderForm: OmniumOrderForm(lineItems: lines, shipments: [
                        OmniumShipment(shipmentId: "\(id)-s", warehouseCode: store, pickUpWarehouseCode: pickup),
                    ]))
    }

    static func line(_ id: String, _ sku: String, quantity: Decimal) -> OmniumOrderLine {
        OmniumOrderLine(lineItemId: id, code: sku, displayName: "Vare \(sku)", quantity: quantity,
                        placedPrice: Decimal(string: "149.90"), taxRate: 25)
    }

    func snapshot(_ fixture: EndToEndFixture, _ uid: String) throws -> FlowOrderSnapshot? {
        try FlowDatabase(path: fixture.configuration.flowStorePath).read { try OrdersTable.fetchSnapshot(orderUid: uid, in: $0) }
    }

    // MARK: - Tests

    func testClickAndCollectDeadlineSkipsAHolidayAndAWeekendAndAnUpdatedOnlineOrderIsReopened() async throws {
        let fixture = try EndToEndFixture()
        fixture.configuration.clickCollectExpiryDays = 2
        try await run(fixture)
        let store = try flowStore(fixture)
        let omnium = try fixture.environment(clock: clock).omnium
        try await omnium.updateOrders([
            Self.order("E2E-CC-1", type: "ClickAndCollect", store: store, pickup: store, lines: [Self.line("1", "SKU-A", quantity: 2)]),
            Self.order("E2E-WEB-1", type: "Online", store: store, lines: [Self.line("1", "SKU-B", quantity: 1)]),
        ], runWorkflow: false)
        try await run(fixture)

        let cc = try XCTUnwrap(snapshot(fixture, "E2E-CC-1"))
        XCTAssertEqual(cc.order.orderState, .parked)
        XCTAssertEqual(cc.order.storeUid, FlowUID.sanitize(store))
        XCTAssertEqual(cc.orderhandlings.map(\.orderHandlingUid), ["click_and_collect"])
        // Ascension Day (Thu 6 May) does not count; Fri 7 May is the first working day, the weekend is
        // skipped, Monday 10 May the second: the deadline is the end of that Monday in Oslo.
        XCTAssertEqual(cc.order.validUntil, Self.osloTime("2027-05-10 23:59:59"))
        XCTAssertEqual(cc.items.map(\.quantity), [200])
        XCTAssertEqual(cc.items.map(\.itemPrice), [14990])
        let web = try XCTUnwrap(snapshot(fixture, "E2E-WEB-1"))
        XCTAssertEqual(web.order.orderState, .confirmed)
        XCTAssertEqual(web.orderhandlings.map(\.orderHandlingUid), ["online_order"])

        // Staff would work on it; then the customer changes the order in Omnium.
        try await omnium.updateOrders([
            Self.order("E2E-WEB-1", type: "Online", store: store,
                       lines: [Self.line("1", "SKU-B", quantity: 3), Self.line("2", "SKU-C", quantity: 1)]),
        ], runWorkflow: false)
        clock.advance(by: 600)
        let update = try await run(fixture)
        let reopened = try XCTUnwrap(snapshot(fixture, "E2E-WEB-1"))
        XCTAssertEqual(reopened.order.orderState, .open)
        XCTAssertEqual(reopened.items.map(\.externalId), ["1", "2"])
        XCTAssertEqual(reopened.items.map(\.quantity), [300, 100])
        XCTAssertEqual(try snapshot(fixture, "E2E-CC-1")?.order.validUntil, Self.osloTime("2027-05-10 23:59:59"),
                       "the deadline set at creation stays")
        XCTAssertEqual(update.manifest.entry(named: "load.orders")?.outcome?.notes.first?.contains("reopened 1"), true)

        // Nothing changed since: the next run writes nothing to the Flow store.
        let quiet = try await run(fixture)
        XCTAssertEqual(quiet.manifest.entry(named: "load.orders")?.outcome?.rowsWritten, 0)
    }

    func testAnOrderForAnUnknownStoreIsQuarantinedWithOnePendingSyncAndAnInboxOrderLoads() async throws {
        let fixture = try EndToEndFixture()
        try await run(fixture)
        let store = try flowStore(fixture)
        let omnium = try fixture.environment(clock: clock).omnium
        try await omnium.updateOrders([
            Self.order("E2E-CC-X", type: "ClickAndCollect", store: store, pickup: "ukjent-butikk",
                       lines: [Self.line("1", "SKU-A", quantity: 1)]),
        ], runWorkflow: false)
        // An order the delta will not return (older than the watermark), named by two events.
        let past = fixture.sandbox.state.now().addingTimeInterval(-86_400)
        fixture.sandbox.state.write { storage, _ in
            var order = Self.order("E2E-EVT-1", type: "Online", store: store, lines: [Self.line("1", "SKU-D", quantity: 1)])
            order.modified = past
            storage.orders["E2E-EVT-1"] = order
        }
        let control = try fixture.environment(clock: clock).control
        for (id, status) in [("evt-1", "New"), ("evt-2", "InProgress")] {
            try control.insertInboxEvent(InboxEvent(id: id, objectId: "E2E-EVT-1", className: "Order",
                                                    subClassName: "Online", category: "Workflow", status: status,
                                                    receivedAt: clock.now, payload: "{}"))
        }
        let first = try await run(fixture)

        XCTAssertNil(try snapshot(fixture, "E2E-CC-X"))
        let quarantined = try XCTUnwrap(control.quarantined(entity: "order", recordKey: "E2E-CC-X"))
        XCTAssertEqual(quarantined.reason,
                       "unknown store: pickup store 'ukjent-butikk' (shipment pickUpWarehouseCode) is not a Flow store")
        XCTAssertGreaterThanOrEqual(first.manifest.entry(named: "transform.orders")?.outcome?.quarantined ?? 0, 1)
        XCTAssertEqual(try snapshot(fixture, "E2E-EVT-1")?.order.orderState, .confirmed, "loaded from the inbox")
        XCTAssertTrue(try XCTUnwrap(control.inboxEvent(id: "evt-1")).isProcessed)
        XCTAssertTrue(try XCTUnwrap(control.inboxEvent(id: "evt-2")).isProcessed)

        // Another event for the quarantined order and a later run: still one pending sync for it.
        try control.insertInboxEvent(InboxEvent(id: "evt-3", objectId: "E2E-CC-X", className: "Order",
                                                subClassName: "ClickAndCollect", receivedAt: clock.now, payload: "{}"))
        clock.advance(by: 3600)
        try await run(fixture)
        let jobs = try control.syncJobs(queue: SyncJob.Queue.externalOrderSync)
        XCTAssertEqual(jobs.filter { $0.objectKey == "E2E-CC-X" }.map(\.state), [.pending], "one job, retried with backoff")
        XCTAssertEqual(jobs.first { $0.objectKey == "E2E-CC-X" }?.attempts, 1)
        XCTAssertEqual(jobs.filter { $0.objectKey == "E2E-EVT-1" }.map(\.state), [.done])
        XCTAssertFalse(try XCTUnwrap(control.inboxEvent(id: "evt-3")).isProcessed, "waits until the order loads")
    }
}
