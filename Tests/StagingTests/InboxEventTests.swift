import Foundation
import Staging
import XCTest

final class InboxEventTests: XCTestCase {
    private func event(_ id: String, receivedAt: Date = testEpoch) -> InboxEvent {
        InboxEvent(id: id, operationId: 110_106, objectId: "ORD-\(id)", className: "Order",
                   subClassName: "ClickAndCollect", category: "Created", market: "nor", storeId: "oslo",
                   status: "New", timestamp: testEpoch.addingTimeInterval(-5), receivedAt: receivedAt,
                   payload: #"{"id":"\#(id)","className":"Order"}"#)
    }

    func testDuplicateDeliveryIsIgnored() throws {
        let store = try makeControlStore(self)
        XCTAssertTrue(try store.insertInboxEvent(event("e1")))
        var again = event("e1", receivedAt: testEpoch.addingTimeInterval(15))
        again.status = "Changed"
        XCTAssertFalse(try store.insertInboxEvent(again))
        XCTAssertEqual(try store.pendingInboxEvents(), [event("e1")])
    }

    func testPendingOldestFirstAndMarkProcessed() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        try store.insertInboxEvent(event("b", receivedAt: testEpoch.addingTimeInterval(2)))
        try store.insertInboxEvent(event("a", receivedAt: testEpoch.addingTimeInterval(1)))
        try store.insertInboxEvent(event("c", receivedAt: testEpoch.addingTimeInterval(3)))
        XCTAssertEqual(try store.pendingInboxEvents().map(\.id), ["a", "b", "c"])
        XCTAssertEqual(try store.pendingInboxEvents(limit: 1).map(\.id), ["a"])
        clock.advance(by: 60)
        XCTAssertTrue(try store.markInboxEventProcessed(id: "b"))
        XCTAssertFalse(try store.markInboxEventProcessed(id: "b"))
        XCTAssertEqual(try store.pendingInboxEvents().map(\.id), ["a", "c"])
        XCTAssertEqual(try store.inboxEvent(id: "b")?.processedAt, testEpoch.addingTimeInterval(60))
        // A processed event's id still dedupes a late redelivery.
        XCTAssertFalse(try store.insertInboxEvent(event("b")))
    }

    func testDedupeIDFallsBackToObjectAndStatus() {
        XCTAssertEqual(InboxEvent.dedupeID(id: "e1", objectId: "ORD-1", status: "New"), "e1")
        XCTAssertEqual(InboxEvent.dedupeID(id: nil, objectId: "ORD-1", status: "New"), "ORD-1|New")
        XCTAssertEqual(InboxEvent.dedupeID(id: "", objectId: "ORD-1", status: nil), "ORD-1|")
    }
}
