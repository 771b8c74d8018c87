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

    func testWithheldAndDroppedFieldsAreSeparateIssuesWithStableIds() throws {
        let store = try makeControlStore(self)
        let dropped1 = try store.quarantine(entity: "product", recordKey: "P-1", kind: .fieldDropped, field: "barcode 1",
                                           stage: "s", runID: "r1", reason: "barcode '1' is invalid", sourcePayload: "{}")
        let dropped2 = try store.quarantine(entity: "product", recordKey: "P-1", kind: .fieldDropped, field: "barcode 2",
                                           stage: "s", runID: "r1", reason: "barcode '2' is invalid")
        let withheld = try store.quarantine(entity: "product", recordKey: "P-2", stage: "s", runID: "r1", reason: "no name")
        XCTAssertEqual(Set([dropped1.id, dropped2.id, withheld.id]).count, 3)
        XCTAssertEqual(try store.openQuarantineCount(kind: .withheld), 1)
        XCTAssertEqual(try store.openQuarantineCount(kind: .fieldDropped), 2)
        XCTAssertNil(try store.quarantined(entity: "product", recordKey: "P-1"), "no withheld row for a loaded record")

        // The same issue next run is the same row (same id, one more attempt).
        let again = try store.quarantine(entity: "product", recordKey: "P-1", kind: .fieldDropped, field: "barcode 1",
                                         stage: "s", runID: "r2", reason: "barcode '1' is invalid", sourcePayload: "{}")
        XCTAssertEqual(again.id, dropped1.id)
        XCTAssertEqual(again.attempts, 2)

        // Resolving the record's withheld row leaves its dropped fields; settling the fields keeps those
        // still dropped.
        XCTAssertFalse(try store.resolveQuarantine(entity: "product", recordKey: "P-1"))
        XCTAssertEqual(try store.resolveDroppedFields(entity: "product", recordKey: "P-1", except: ["barcode 2"]), 1)
        XCTAssertNotNil(try store.quarantineIssue(id: dropped1.id)?.resolvedAt)
        XCTAssertNil(try store.quarantineIssue(id: dropped2.id)?.resolvedAt)
        XCTAssertEqual(try store.openQuarantine().map(\.field), ["barcode 2", ""])
        XCTAssertNil(try store.quarantineIssue(id: 999))
    }
}
