import Foundation
import Staging
import XCTest

final class QuarantineRecordTests: XCTestCase {
    func testRepeatedQuarantineCountsAttemptsAndKeepsFirstSeen() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let first = try store.quarantine(entity: "product", recordKey: "P-1", stage: "transform.products", runID: "r1",
                                         reason: "missing name", sourcePayload: #"{"id":"P-1"}"#)
        XCTAssertEqual(first.attempts, 1)
        XCTAssertTrue(first.isOpen)
        clock.advance(by: 86_400)
        let second = try store.quarantine(entity: "product", recordKey: "P-1", stage: "transform.products", runID: "r2",
                                          reason: "missing name and price")
        XCTAssertEqual(second.attempts, 2)
        XCTAssertEqual(second.firstSeen, testEpoch)
        XCTAssertEqual(second.lastSeen, testEpoch.addingTimeInterval(86_400))
        XCTAssertEqual(second.runID, "r2")
        XCTAssertEqual(second.reason, "missing name and price")
        XCTAssertNil(second.sourcePayload)
    }

    func testResolveListAndCount() throws {
        let store = try makeControlStore(self)
        try store.quarantine(entity: "product", recordKey: "P-1", stage: "s", runID: "r1", reason: "x")
        try store.quarantine(entity: "product", recordKey: "P-2", stage: "s", runID: "r1", reason: "y")
        try store.quarantine(entity: "order", recordKey: "O-1", stage: "s", runID: "r2", reason: "z")
        XCTAssertEqual(try store.openQuarantineCount(), 3)
        XCTAssertEqual(try store.openQuarantine(runID: "r1").map(\.recordKey), ["P-1", "P-2"])
        XCTAssertEqual(try store.openQuarantine().map(\.entity), ["order", "product", "product"])

        XCTAssertTrue(try store.resolveQuarantine(entity: "product", recordKey: "P-1"))
        XCTAssertFalse(try store.resolveQuarantine(entity: "product", recordKey: "P-1"))
        XCTAssertFalse(try store.resolveQuarantine(entity: "order", recordKey: "unknown"))
        XCTAssertEqual(try store.openQuarantineCount(runID: "r1"), 1)
        XCTAssertNotNil(try store.quarantined(entity: "product", recordKey: "P-1")?.resolvedAt)

        // Failing again reopens it.
        let reopened = try store.quarantine(entity: "product", recordKey: "P-1", stage: "s", runID: "r3", reason: "x")
        XCTAssertTrue(reopened.isOpen)
        XCTAssertEqual(reopened.attempts, 2)
        XCTAssertEqual(try store.openQuarantineCount(), 3)
    }
}
