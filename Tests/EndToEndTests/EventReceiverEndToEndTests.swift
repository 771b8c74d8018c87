import FlowStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Omnium
import OmniumSandbox
import Pipeline
import Staging
import XCTest
@testable import CLI

/// Issue 11's receiver acceptance: an event posted to `omniflow events serve` (twice, as Omnium's
/// at-least-once delivery may) makes the next run load the order it names, though the delta search would
/// not return it.
final class EventReceiverEndToEndTests: XCTestCase {
    func testAnEventForAnOrderTriggersItsSyncInTheNextRun() async throws {
        let fixture = try EndToEndFixture()
        let clock = FixedClock(OrdersEndToEndTests.osloTime("2027-05-05 10:00:00"))
        let first = try await fixture.run(RunRequest(selection: StageSelection(only: OrdersEndToEndTests.stages)), clock: clock)
        XCTAssertTrue(first.succeeded)
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        let store = try XCTUnwrap(try flow.read { try StoresTable.storeUids(in: $0) }.sorted().first)

        // An order older than the delta's watermark: only the event can bring it.
        let past = fixture.sandbox.state.now().addingTimeInterval(-86_400)
        fixture.sandbox.state.write { storage, _ in
            var order = OrdersEndToEndTests.order("E2E-HOOK-1", type: "Online", store: store,
                                                  lines: [OrdersEndToEndTests.line("1", "SKU-H", quantity: 2)])
            order.modified = past
            storage.orders["E2E-HOOK-1"] = order
        }

        let receiver = try EventsService(configuration: fixture.configuration)
            .startReceiver(port: 0, header: "X-Omniflow-Secret", secret: "hook-secret")
        defer { receiver.stop() }
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(receiver.port)/")!)
        request.httpMethod = "POST"
        request.setValue("hook-secret", forHTTPHeaderField: "X-Omniflow-Secret")
        request.httpBody = Data("""
            {"id":"hook-1","operationId":111102,"timestamp":"2027-05-05T07:59:00Z","className":"Order",\
            "subClassName":"Online","objectId":"E2E-HOOK-1","category":"Workflow","status":"New","market":"NOR"}
            """.utf8)
        for _ in 0..<2 {
            let (_, response) = try await URLSession.shared.data(for: request)
            XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
        }

        clock.advance(by: 60)
        let second = try await fixture.run(RunRequest(selection: StageSelection(only: OrdersEndToEndTests.stages)), clock: clock)
        XCTAssertTrue(second.succeeded)
        let loaded = try flow.read { try OrdersTable.fetchSnapshot(orderUid: "E2E-HOOK-1", in: $0) }
        XCTAssertEqual(loaded?.order.orderState, .confirmed, "loaded because of the event")
        let control = try fixture.environment(clock: clock).control
        XCTAssertTrue(try XCTUnwrap(control.inboxEvent(id: "hook-1")).isProcessed)
        XCTAssertEqual(try control.syncJobs(queue: SyncJob.Queue.externalOrderSync)
            .filter { $0.objectKey == "E2E-HOOK-1" }.map(\.state), [.done], "one sync, though the event came twice")
    }
}
