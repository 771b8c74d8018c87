import Foundation
import XCTest
@testable import Omnium

/// Every shape `OmniumDateFormat` reads, and the texts it refuses, against dates made by Foundation's
/// Gregorian calendar (an independent computation of the same instant).
final class OmniumDateFormatTests: XCTestCase {
    private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0,
                     ticks: Int = 0, offsetMinutes: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let whole = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute,
                                                       second: second))!
        return Date(timeIntervalSinceReferenceDate: whole.timeIntervalSinceReferenceDate - Double(offsetMinutes * 60)
                    + Double(ticks) / 10_000_000)
    }

    func testShapesOmniumSends() {
        let cases: [(String, Date)] = [
            ("2022-12-04T07:28:50.1521376Z", utc(2022, 12, 4, 7, 28, 50, ticks: 1_521_376)),
            ("2020-06-03T08:55:31", utc(2020, 6, 3, 8, 55, 31)),
            // .NET's DateTime.MinValue (proleptic Gregorian; Foundation's calendar is Julian before 1582).
            ("0001-01-01T00:00:00", Date(timeIntervalSince1970: -62_135_596_800)),
            ("2024-02-29", utc(2024, 2, 29)),
            ("2024-02-29t23:59z", utc(2024, 2, 29, 23, 59)),
            ("2024-03-01 12:00:00.5", utc(2024, 3, 1, 12, 0, 0, ticks: 5_000_000)),
            ("2024-03-01T12:00:00,25Z", utc(2024, 3, 1, 12, 0, 0, ticks: 2_500_000)),
            ("2024-03-01T12:00:00.123456789Z", utc(2024, 3, 1, 12, 0, 0, ticks: 1_234_567)),
            ("2024-03-01T12:00:00+01:30", utc(2024, 3, 1, 12, 0, 0, offsetMinutes: 90)),
            ("2024-03-01T12:00:00-0200", utc(2024, 3, 1, 12, 0, 0, offsetMinutes: -120)),
            ("2024-03-01T12:00:00+05", utc(2024, 3, 1, 12, 0, 0, offsetMinutes: 300)),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(OmniumDateFormat.date(from: text), expected, text)
        }
    }

    func testTextsThatAreNotDatesAreRefused() {
        for text in ["", "2024", "2024-13-01", "2024-02-30", "2023-02-29", "2024-00-10", "2024-01-00", "24-01-01",
                     "2024-01-01T", "2024-01-01T24:00", "2024-01-01T12:60", "2024-01-01T12:00:60", "2024-01-01T12:00:00.",
                     "2024-01-01T12:00:00Z ", "2024-01-01T12:00:00+19:00", "2024-01-01T12:00:00+01:60",
                     "2024-01-01T12:00:00+1", "2024-01-01T12:00:00X", "2024-01-01x", "2024-01-01T1:00"] {
            XCTAssertNil(OmniumDateFormat.date(from: text), "'\(text)' is not a date")
        }
    }

    /// Dates on Omnium's 100 ns grid (what it sends) read back from their written text.
    func testWrittenTextReadsBackToTheSameDate() {
        var ticks: Int64 = 1
        for seconds in stride(from: -63_113_904_000 as Int64, through: 3_124_137_600, by: 7_777_777) {
            ticks = (ticks * 7_919 + 13) % 10_000_000
            let date = Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(ticks) / 10_000_000)
            XCTAssertEqual(OmniumDateFormat.date(from: OmniumDateFormat.string(from: date)), date, "\(seconds) s \(ticks) ticks")
        }
    }
}
