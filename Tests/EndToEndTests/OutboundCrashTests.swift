import FlowMapping
import FlowStore
import Foundation
import Omnium
import OmniumSandbox
import Pipeline
import Staging
import XCTest

/// Issue 11's crash and fault acceptance for the outbound pushes: `omniflow queues work` killed with SIGKILL
/// at many moments, then finished, leaves every object in the sandbox exactly once and equal to the Flow
/// store; the flaky and hostile fault profiles end in the same state as a clean run.
///
/// The default suite kills 6 times; `OMNIFLOW_LONG_TESTS=1 swift test --filter OutboundCrashTests` kills 50 times.
final class OutboundCrashTests: XCTestCase {
    static let inbound = ["extract.stores", "transform.stores", "load.stores", "extract.products", "transform.products",
                          "load.products", "extract.purchase_orders", "transform.purchase_orders", "load.purchase_orders"]
    static let outbound = ["enqueue.pos_changes", "push.pos_orders", "push.goods_receptions", "push.stock", "push.customers"]

    /// Inbound, then a simulated day in two stores, the first one Flow stock master.
    func prepare(_ fixture: EndToEndFixture, clock: any OmniflowClock = SystemClock()) async throws -> String {
        var request = RunRequest(selection: StageSelection(only: Self.inbound))
        var result = try await fixture.run(request, clock: clock)
        for _ in 0..<5 where !result.succeeded {
            request = RunRequest(selection: StageSelection(only: Self.inbound))
            result = try await fixture.run(request, clock: clock)
        }
        XCTAssertTrue(result.succeeded)
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        let stores: [String] = try flow.read { db in
            try db.fetchAll(sql: "SELECT store_uid FROM stores WHERE is_active = 1 ORDER BY store_uid LIMIT 2")
                .map { try $0.decode("store_uid") }
        }
        fixture.configuration.flowStockMaster = [stores[0]: true]
        let day = OrdersEndToEndTests.osloTime("2026-12-03 00:00:00")
        _ = try PosDaySimulator(options: .init(date: day, seed: 5, storeUids: stores,
                                               timeZone: fixture.configuration.businessTimeZone,
                                               flowMasterStores: [stores[0]])).run(flow: flow)
        return stores[0]
    }

    /// What reached the sandbox, as comparable sets; asserts nothing arrived twice.
    func endState(_ fixture: EndToEndFixture, file: StaticString = #filePath, line: UInt = #line) throws -> [String: [String]] {
        let dump = fixture.sandbox.state.dump()
        XCTAssertEqual(dump.posOrderIds.count, Set(dump.posOrderIds).count, "a POS order created twice", file: file, line: line)
        let rmas = dump.returns.compactMap(\.returnForm.rmaNumber)
        XCTAssertEqual(rmas.count, Set(rmas).count, "a return created twice", file: file, line: line)
        XCTAssertEqual(dump.processedGoodsReceptionIds.count, Set(dump.processedGoodsReceptionIds).count,
                       "a goods reception processed twice", file: file, line: line)
        let orders = dump.posOrderIds.sorted().compactMap { fixture.sandbox.state.order(id: $0) }
        return [
            "orders": orders.map { order in
                let lines = (order.orderForm?.lineItems ?? []).map { "\($0.code ?? ""):\($0.quantity ?? 0):\($0.placedPrice ?? 0)" }
                let paid = (order.orderForm?.payments ?? []).map { "\($0.transactionType ?? ""):\($0.amount ?? 0)" }
                return "\(order.id ?? "") \(order.status ?? "") \(lines) \(paid)"
            },
            "returns": dump.returns.map { "\($0.orderId) \($0.returnForm.rmaNumber ?? "")" }.sorted(),
            "receptions": dump.processedGoodsReceptionIds.sorted(),
            "stock": dump.inventory.map { "\($0.warehouseCode ?? "")/\($0.sku ?? "")=\($0.inventory ?? 0)" }.sorted(),
            "private": dump.privateCustomers.map { "\($0.customerId) \($0.email ?? "") \($0.phone ?? "")" }.sorted(),
            "business": dump.businessCustomers.map { "\($0.customerId) \($0.taxId ?? "")" }.sorted(),
        ]
    }

    /// Runs the outbound stages in process until nothing is left to retry, moving the clock past each backoff.
    func drain(_ fixture: EndToEndFixture, clock: FixedClock) async throws {
        for _ in 0..<40 {
            let result = try await fixture.run(RunRequest(selection: StageSelection(only: Self.outbound)), clock: clock)
            let control = try fixture.environment(clock: clock).control
            let open = try SyncJob.Kind.allCases.filter { $0 != .inboundOrder && $0 != .invoicePush }.flatMap { kind in
                try control.syncJobs(queue: kind.queue).filter { $0.kind == kind && ($0.state == .pending || $0.state == .running) }
            }
            if result.succeeded && open.isEmpty { return }
            clock.advance(by: 3 * 3600)
        }
        XCTFail("the outbound queues did not drain")
    }

    func testFlakyAndHostileProfilesEndInTheStateOfACleanRun() async throws {
        let clean = try EndToEndFixture(seed: 21)
        let cleanClock = FixedClock(Date())
        _ = try await prepare(clean, clock: cleanClock)
        try await drain(clean, clock: cleanClock)
        let expected = try endState(clean)
        XCTAssertFalse(expected["orders"]?.isEmpty ?? true)

        for (name, faults) in [("flaky", SandboxFaults(errorRates: [500: 0.10, 429: 0.05], seed: 3)),
                               ("hostile", SandboxFaults(errorRates: [500: 0.10, 429: 0.05], malformedBodyRate: 0.02,
                                                         truncatedBodyRate: 0.01, droppedConnectionRate: 0.01, seed: 4))] {
            let faulty = try EndToEndFixture(seed: 21, faults: faults)
            let clock = FixedClock(Date())
            _ = try await prepare(faulty, clock: clock)
            try await drain(faulty, clock: clock)
            let state = try endState(faulty)
            for key in expected.keys.sorted() {
                XCTAssertEqual(state[key], expected[key], "\(name): \(key)")
            }
        }
    }

    func testKilledPushRunsFinishWithEveryObjectOnceAndEqualToTheFlowStore() async throws {
        let long = ProcessInfo.processInfo.environment["OMNIFLOW_LONG_TESTS"] == "1"
        let fixture = try EndToEndFixture(seed: 21, faults: SandboxFaults(latency: .milliseconds(4)))
        let master = try await prepare(fixture)
        let file = try fixture.writeConfigurationFile()
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        json["OMNIUM_FLOW_STOCK_MASTER"] = [master: true]
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let secret = EndToEndFixture.client.clientSecret

        // Kill moments spread over a push run (a few hundred ms at this latency), from a fixed seed.
        var generator = SeededDelays(seed: 11)
        for _ in 0..<(long ? 50 : 6) {
            let child = OmniflowProcess(["queues", "work", "--config", file.path, "--quiet"], secret: secret)
            try child.start()
            try await Task.sleep(nanoseconds: UInt64(generator.nextDelay() * 1_000_000_000))
            kill(child.process.processIdentifier, SIGKILL)
            _ = child.finish()
        }
        let last = try OmniflowProcess.run(["queues", "work", "--config", file.path, "--quiet"], secret: secret)
        XCTAssertEqual(last.status, 0, last.stderr)

        let state = try endState(fixture)
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        let orders = try flow.read { db in try PosOrdersTable.orderUids(in: db).compactMap { try PosOrdersTable.fetch(orderUid: $0, in: db) } }
        let asOrders = orders.filter { $0.type == .sale || ($0.type == .return && $0.originalOrderUid == nil) }
        XCTAssertEqual(Set(fixture.sandbox.state.dump().posOrderIds), Set(asOrders.map(\.orderUid)))
        let returns = orders.filter { $0.type == .return && $0.originalOrderUid != nil }
        XCTAssertEqual(state["returns"], returns.map { "\($0.originalOrderUid!) \($0.orderUid)" }.sorted())
        for order in orders where order.orderState == .cancelled {
            XCTAssertEqual(fixture.sandbox.state.order(id: order.orderUid)?.status, "OrderCanceled", order.orderUid)
        }
        let control = try fixture.environment().control
        for kind in [SyncJob.Kind.posOrderPush, .stockPush, .customerPush] {
            let jobs = try control.syncJobs(queue: kind.queue).filter { $0.kind == kind }
            XCTAssertFalse(jobs.isEmpty, kind.rawValue)
            XCTAssertTrue(jobs.allSatisfy { $0.state == .done }, "\(kind.rawValue): \(jobs.filter { $0.state != .done }.map { "\($0.objectKey) \($0.state) \($0.lastError ?? "")" })")
        }
    }
}

/// Delays of 0–400 ms from a seed (an LCG), so a failing kill schedule can be replayed.
/// Kill moments from a fixed seed, 0–400 ms apart (a linear congruential generator).
struct SeededDelays {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func nextDelay() -> TimeInterval {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return TimeInterval((state >> 33) % 400) / 1000
    }
}
