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

    /// The 24-byte fast path against `Calendar`'s UTC fields and round trips, for whole milliseconds in
    /// 1700…2199 (later, a `Date`'s Double no longer holds a millisecond to within a microsecond, which
    /// `format` allows for); years past 9999 keep the general layout.
    func testFormatAgreesWithCalendarAcrossTheYears() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let milliseconds = Int64.random(in: -8_520_336_000_000...7_258_118_399_999, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = SQLiteDate.format(date)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", c.year!, c.month!, c.day!, c.hour!,
                                  c.minute!, c.second!, Int(((milliseconds % 1000) + 1000) % 1000))
            XCTAssertEqual(text, expected, "\(milliseconds)")
            XCTAssertEqual(SQLiteDate.parse(text).map(SQLiteDate.format), text)
        }
        XCTAssertEqual(SQLiteDate.format(Date(timeIntervalSince1970: 253_402_300_800)), "10000-01-01T00:00:00.000Z")
    }
}
