import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// Webhook delivery to a loopback receiver: body, headers, retries and when they stop.
final class WebhookDispatcherTests: XCTestCase {
    /// A receiver answering with scripted statuses and recording what it got.
    private final class Receiver: @unchecked Sendable {
        private let lock = NSLock()
        private var statuses: [Int]
        private(set) var requests: [HTTPRequest] = []
        init(statuses: [Int]) { self.statuses = statuses }

        func respond(_ request: HTTPRequest) -> HTTPResponse {
            lock.lock()
            defer { lock.unlock() }
            requests.append(request)
            let status = statuses.isEmpty ? 200 : statuses.removeFirst()
            return HTTPResponse(status: HTTPStatus(code: status))
        }

        var received: [HTTPRequest] { lock.lock(); defer { lock.unlock() }; return requests }
    }

    private final class Sleeps: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [TimeInterval] = []
        func record(_ value: TimeInterval) { lock.lock(); values.append(value); lock.unlock() }
        var all: [TimeInterval] { lock.lock(); defer { lock.unlock() }; return values }
    }

    private func withReceiver(_ statuses: [Int], _ body: (URL, Receiver) throws -> Void) throws {
        let receiver = Receiver(statuses: statuses)
        let server = HTTPServer(responder: ClosureResponder { receiver.respond($0) })
        let port = try server.start()
        defer { server.stop() }
        try body(URL(string: "http://127.0.0.1:\(port)/hooks/omnium")!, receiver)
    }

    private let event = OmniumEvent(id: "evt-1", operationId: 110_106, timestamp: Date(timeIntervalSince1970: 1_800_000_000),
                                    message: "Order created", className: "Order", subClassName: "ClickAndCollect",
                                    objectId: "OM-1", objectNumber: "OM-1", category: "Created", market: "NOR",
                                    storeId: "oslo-storo", status: "New")

    func testDeliversTheEventWithConfiguredHeaders() throws {
        try withReceiver([200]) { url, receiver in
            let dispatcher = WebhookDispatcher(configuration: WebhookConfiguration(url: url, headers: ["X-Api-Key": "k"]), sleep: { _ in })
            dispatcher.dispatch([event])
            XCTAssertTrue(dispatcher.waitUntilIdle(timeout: 30))
            let request = try XCTUnwrap(receiver.received.first)
            XCTAssertEqual(request.method, .POST)
            XCTAssertEqual(request.path, "/hooks/omnium")
            XCTAssertEqual(request.headers["X-Api-Key"], "k")
            XCTAssertEqual(try OmniumJSON.decode(OmniumEvent.self, from: request.body), event)
            XCTAssertEqual(dispatcher.attempts().map(\.statusCode), [200])
        }
    }

    func testRetriesAfterOneFiveAndFifteenSecondsThenGivesUp() throws {
        try withReceiver([500, 503, 502, 500, 200]) { url, receiver in
            let sleeps = Sleeps()
            let dispatcher = WebhookDispatcher(configuration: WebhookConfiguration(url: url), sleep: { sleeps.record($0) })
            dispatcher.dispatch([event])
            XCTAssertTrue(dispatcher.waitUntilIdle(timeout: 30))
            XCTAssertEqual(receiver.received.count, 4, "first try + 3 retries")
            XCTAssertEqual(sleeps.all, [1, 5, 15])
            XCTAssertEqual(dispatcher.attempts().map(\.attempt), [1, 2, 3, 4])
        }
    }

    func testNoRetryAfter400404429() throws {
        for status in [400, 404, 429] {
            try withReceiver([status, 200]) { url, receiver in
                let dispatcher = WebhookDispatcher(configuration: WebhookConfiguration(url: url), sleep: { _ in })
                dispatcher.dispatch([event])
                XCTAssertTrue(dispatcher.waitUntilIdle(timeout: 30))
                XCTAssertEqual(receiver.received.count, 1, "status \(status)")
            }
        }
    }

    func testRetryAfterAFailureThatRecovers() throws {
        try withReceiver([500, 200]) { url, receiver in
            let dispatcher = WebhookDispatcher(configuration: WebhookConfiguration(url: url), sleep: { _ in })
            dispatcher.dispatch([event])
            XCTAssertTrue(dispatcher.waitUntilIdle(timeout: 30))
            XCTAssertEqual(dispatcher.attempts().map(\.statusCode), [500, 200])
        }
    }

    func testDuplicateInjectionDeliversTwice() throws {
        try withReceiver([]) { url, receiver in
            let dispatcher = WebhookDispatcher(configuration: WebhookConfiguration(url: url, duplicateEvery: 2), sleep: { _ in })
            dispatcher.dispatch([event, event])
            XCTAssertTrue(dispatcher.waitUntilIdle(timeout: 30))
            XCTAssertEqual(receiver.received.count, 3, "every second event is sent twice")
        }
    }

    func testUnreachableReceiverIsRetriedAndRecorded() throws {
        let closed = HTTPServer(responder: ClosureResponder { _ in HTTPResponse(status: .ok) })
        let port = try closed.start()
        closed.stop()
        let dispatcher = WebhookDispatcher(configuration: WebhookConfiguration(url: URL(string: "http://127.0.0.1:\(port)/none")!, timeout: 2),
                                           sleep: { _ in })
        dispatcher.dispatch([event])
        XCTAssertTrue(dispatcher.waitUntilIdle(timeout: 60))
        XCTAssertEqual(dispatcher.attempts().count, 4)
        XCTAssertTrue(dispatcher.attempts().allSatisfy { $0.statusCode == nil && $0.error != nil })
    }

    func testWritesThroughTheSandboxReachTheReceiver() throws {
        try withReceiver([]) { url, receiver in
            let harness = try SandboxTestHarness { $0.webhook = WebhookConfiguration(url: url, headers: ["X-Api-Key": "k"]) }
            let token = try harness.token()
            let store = harness.services.state.generator.primaryStoreIds()[0]
            let order = #"{"id":"CC-9","orderType":"ClickAndCollect","status":"New","marketId":"NOR","storeId":"\#(store)","orderForm":{"lineItems":[{"lineItemId":"1","code":"A","quantity":1,"placedPrice":100}]}}"#
            XCTAssertEqual(harness.send(.POST, "/api/Orders", body: order, token: token).status, .ok)
            XCTAssertEqual(harness.send(.POST, "/api/Orders/CC-9/UpdateStatus", body: #"{"status":"ReadyForPickup"}"#, token: token).status, .ok)
            XCTAssertTrue(harness.services.webhooks!.waitUntilIdle(timeout: 30))
            let events = try receiver.received.map { try OmniumJSON.decode(OmniumEvent.self, from: $0.body) }
                .sorted { ($0.operationId ?? 0) < ($1.operationId ?? 0) }
            XCTAssertEqual(events.map(\.category), ["Created", "Workflow"])
            XCTAssertEqual(events.map(\.operationId), [110_106, 111_102])
            XCTAssertEqual(events[1].previousStatus, "New")
            XCTAssertEqual(events[1].status, "ReadyForPickup")
            XCTAssertEqual(events[1].subClassName, "ClickAndCollect")
            XCTAssertEqual(Set(events.compactMap(\.id)).count, 2)
        }
    }
}
