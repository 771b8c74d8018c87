import Foundation
import Staging
import XCTest

final class WatermarkTests: XCTestCase {
    func testGetSetAndUpdatedAt() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        XCTAssertNil(try store.watermark(for: "omnium.orders"))
        try store.setWatermark("2026-11-26T15:00:00.0000000Z", for: "omnium.orders")
        clock.advance(by: 600)
        try store.setWatermark("2026-11-26T15:10:00.0000000Z", for: "omnium.orders")
        try store.setWatermark("17", for: "flow.journal")
        let mark = try XCTUnwrap(store.watermark(for: "omnium.orders"))
        XCTAssertEqual(mark.value, "2026-11-26T15:10:00.0000000Z")
        XCTAssertEqual(mark.updatedAt, testEpoch.addingTimeInterval(600))
        XCTAssertEqual(try store.watermarks().map(\.stream), ["flow.journal", "omnium.orders"])
        XCTAssertTrue(try store.removeWatermark(for: "flow.journal"))
        XCTAssertNil(try store.watermark(for: "flow.journal"))
    }

    func testSetInsideTheCallersTransactionRollsBackWithIt() throws {
        let store = try makeControlStore(self)
        try store.setWatermark("old", for: "s")
        struct Abort: Error {}
        XCTAssertThrowsError(try store.write { db in
            try WatermarkTable.set(db, stream: "s", value: "new", at: testEpoch)
            XCTAssertEqual(try WatermarkTable.get(db, stream: "s")?.value, "new")
            throw Abort()
        })
        XCTAssertEqual(try store.watermark(for: "s")?.value, "old")
    }
}
