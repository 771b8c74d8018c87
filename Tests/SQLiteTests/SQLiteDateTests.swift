import Foundation
import SQLite
import XCTest

final class SQLiteDateTests: XCTestCase {
    func testFormatsUTCWithMilliseconds() {
        XCTAssertEqual(SQLiteDate.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(SQLiteDate.format(Date(timeIntervalSince1970: 1_795_708_071.123)), "2026-11-26T15:47:51.123Z")
        XCTAssertEqual(SQLiteDate.format(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29T00:00:00.000Z")
        XCTAssertEqual(SQLiteDate.format(Date(timeIntervalSince1970: -0.001)), "1969-12-31T23:59:59.999Z")
    }

    func testTruncatesBelowMilliseconds() {
        XCTAssertEqual(SQLiteDate.format(Date(timeIntervalSince1970: 10.9999)), "1970-01-01T00:00:10.999Z")
    }

    func testParsesWhatItFormatsAndSQLiteTimestamps() {
        for seconds in [0.0, 1_795_708_071.123, 951_782_400.5, -86_400.25, 4_102_444_799.999] {
            let date = Date(timeIntervalSince1970: seconds)
            let text = SQLiteDate.format(date)
            XCTAssertEqual(SQLiteDate.parse(text).map(SQLiteDate.format), text)
        }
        XCTAssertEqual(SQLiteDate.parse("2026-11-26 15:47:51"), Date(timeIntervalSince1970: 1_795_708_071))
        XCTAssertEqual(SQLiteDate.parse("2026-11-26T15:47:51.1234567Z").map(SQLiteDate.format),
                       "2026-11-26T15:47:51.123Z")
    }

    func testTruncatedIsWhatReadsBack() {
        let date = Date(timeIntervalSince1970: 1_795_708_071.123_456)
        XCTAssertEqual(SQLiteDate.format(SQLiteDate.truncated(date)), "2026-11-26T15:47:51.123Z")
        XCTAssertEqual(SQLiteDate.parse(SQLiteDate.format(date)), SQLiteDate.truncated(date))
    }

    func testRejectsMalformedText() {
        for text in ["", "2026-11-26", "2026-13-01T00:00:00Z", "2026-11-26T15:47:51.Z", "2026-11-26T15:47:51+01:00",
                     "26-11-2026 15:47:51"] {
            XCTAssertNil(SQLiteDate.parse(text), text)
        }
    }
}
