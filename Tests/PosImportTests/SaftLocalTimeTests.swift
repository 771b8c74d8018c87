import Foundation
@testable import PosImport
import XCTest

/// SaftLocalTime's integer arithmetic gives what a Gregorian `Calendar` in the zone gives, also around
/// daylight-saving switches (times that do not exist or exist twice) and for odd or invalid text.
final class SaftLocalTimeTests: XCTestCase {
    func testEveryHourOfTwoYearsAndOddTextMatchCalendar() throws {
        for name in ["Europe/Oslo", "UTC", "America/St_Johns"] {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            let reader = SaftLocalTime(zone: zone)
            var day = Date(timeIntervalSince1970: 1_703_980_800)   // 2023-12-31 UTC
            for _ in 0..<(2 * 366) {
                let text = SaftLocalTimeTests.dayText(day)
                for time in ["00:00:00", "01:59:59", "02:00:00", "02:30:00", "02:59:59", "03:00:00", "03:30", "23:59:59"] {
                    XCTAssertEqual(reader.date(text, time), SaftLocalTime.calendarDate(text, time, zone), "\(name) \(text) \(time)")
                }
                XCTAssertEqual(reader.date(text, nil), SaftLocalTime.calendarDate(text, nil, zone), "\(name) \(text)")
                day += 86_400
            }
            for (day, time) in [("2026-02-29", "10:00:00"), ("2024-02-29", "10:00:00"), ("2026-13-01", "10:00:00"),
                                ("2026-12-03", "24:00:00"), ("2026-12-03", "10:60:00"), ("2026-12-03", "10:00:60"),
                                ("2026-12-3", "10:00:00"), ("2026-12-03", "9:00"), ("2026-12-03", ""), ("", "10:00:00"),
                                ("1800-01-01", "10:00:00"), ("1500-03-01", "12:00:00"), ("2026-12-03", "10:00:00.5"),
                                ("2026-12-03T", "10:00:00"), ("+2026-12-03", "10:00:00"), ("2026-12-03", "10:00:00:00")] {
                XCTAssertEqual(reader.date(day, time), SaftLocalTime.calendarDate(day, time, zone), "\(name) \(day) \(time)")
            }
        }
    }

    static func dayText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
