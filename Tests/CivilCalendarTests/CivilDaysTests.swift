import CivilCalendar
import Foundation
import XCTest

final class CivilDaysTests: XCTestCase {
    func testKnownDaysAndTheRoundTripOverFourCenturies() {
        XCTAssertEqual(CivilDays.days(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilDays.days(year: 2000, month: 3, day: 1), 11_017)
        XCTAssertEqual(CivilDays.days(year: 1969, month: 12, day: 31), -1)
        XCTAssertEqual(CivilDays.days(year: 1, month: 1, day: 1), -719_162)
        XCTAssertTrue(CivilDays.civil(fromDays: 20_790) == (2026, 12, 3))
        // Every day of a 400-year cycle, leap days included, against Foundation's Gregorian calendar in UTC.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for day in stride(from: CivilDays.days(year: 1900, month: 1, day: 1), to: CivilDays.days(year: 2300, month: 1, day: 1),
                          by: 1) {
            let civil = CivilDays.civil(fromDays: day)
            XCTAssertEqual(CivilDays.days(year: civil.year, month: civil.month, day: civil.day), day)
            if day % 97 == 0 {
                let parts = calendar.dateComponents([.year, .month, .day],
                                                    from: Date(timeIntervalSince1970: Double(day) * 86_400))
                XCTAssertTrue((parts.year, parts.month, parts.day) == (civil.year, civil.month, civil.day), "\(day)")
            }
        }
        XCTAssertEqual(CivilDays.daysIn(month: 2, year: 1900), 28)
        XCTAssertEqual(CivilDays.daysIn(month: 2, year: 2000), 29)
        XCTAssertEqual(CivilDays.daysIn(month: 2, year: 2024), 29)
    }
}
