import Foundation
import Staging
import XCTest

final class RunRecordTests: XCTestCase {
    func testRunIDIsTheUTCStartAndAHexSuffix() {
        XCTAssertEqual(RunRecord.makeID(startedAt: testEpoch, suffix: 0x3f9a), "20261126T154751Z-3f9a")
        XCTAssertEqual(RunRecord.makeID(startedAt: testEpoch.addingTimeInterval(0.999), suffix: 0xa), "20261126T154751Z-000a")
        XCTAssertNotNil(RunRecord.makeID(startedAt: testEpoch).range(of: #"^\d{8}T\d{6}Z-[0-9a-f]{4}$"#,
                                                                      options: .regularExpression))
    }

    func testCreateFinishGetAndList() throws {
        let clock = FixedClock(testEpoch)
        let store = try makeControlStore(self, clock: clock)
        let first = try store.createRun(id: "20261126T154751Z-0001", arguments: "run --resume", host: "pos-1", pid: 42)
        XCTAssertEqual(first.status, .running)
        clock.advance(by: 60)
        let second = try store.createRun(arguments: "run")
        XCTAssertTrue(second.id.hasPrefix("20261126T154851Z-"))
        clock.advance(by: 30)
        XCTAssertTrue(try store.finishRun(id: first.id, status: .succeeded))
        XCTAssertFalse(try store.finishRun(id: "no-such-run", status: .failed))

        let loaded = try XCTUnwrap(store.run(id: first.id))
        XCTAssertEqual(loaded.status, .succeeded)
        XCTAssertEqual(loaded.finishedAt, testEpoch.addingTimeInterval(90))
        XCTAssertEqual(loaded.host, "pos-1")
        XCTAssertEqual(loaded.pid, 42)
        XCTAssertEqual(loaded.arguments, "run --resume")
        XCTAssertEqual(try store.runs().map(\.id), [second.id, first.id])
        XCTAssertEqual(try store.runs(limit: 1).map(\.id), [second.id])
        XCTAssertNil(try store.run(id: "missing"))
    }

    func testDuplicateRunIDIsAConstraintViolation() throws {
        let store = try makeControlStore(self)
        try store.createRun(id: "same", arguments: "")
        XCTAssertThrowsError(try store.createRun(id: "same", arguments: ""))
    }
}
