import Foundation
import SQLite
import Staging
import XCTest

final class OmniflowClockTests: XCTestCase {
    func testFixedClockMovesOnlyWhenTold() {
        let clock = FixedClock(testEpoch)
        XCTAssertEqual(clock.now, testEpoch)
        clock.advance(by: 90)
        XCTAssertEqual(clock.now, testEpoch.addingTimeInterval(90))
        clock.now = testEpoch
        XCTAssertEqual(clock.now, testEpoch)
    }

    func testSystemClockIsTheWallClock() {
        let before = Date()
        let now = SystemClock().now
        // Truncated to milliseconds, so at most 1 ms before `before`.
        XCTAssertGreaterThan(now, before.addingTimeInterval(-0.001))
        XCTAssertLessThan(now.timeIntervalSince(before), 3600)
        XCTAssertEqual(SQLiteDate.truncated(now), now)
    }
}

extension OmniflowClockTests {
    func testSystemClockTimesReadBackEqualFromTheDatabase() throws {
        let store = try ControlStore(root: makeTemporaryDirectory(self).appendingPathComponent("staging"))
        let run = try store.createRun(arguments: "run")
        XCTAssertEqual(try store.run(id: run.id), run)
    }
}
