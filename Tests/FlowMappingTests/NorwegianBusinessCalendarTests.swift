import Foundation
import XCTest
@testable import FlowMapping

final class NorwegianBusinessCalendarTests: XCTestCase {
    private let calendar = NorwegianBusinessCalendar(timeZone: TimeZone(identifier: "Europe/Oslo")!)

    // MARK: - Helpers

    /// An instant given as Oslo local wall-clock time.
    private func oslo(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 12, _ minute: Int = 0) -> Date {
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "Europe/Oslo")!
        return gregorian.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    private func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    // MARK: - Easter and holidays

    func testEasterSundayKnownYears() {
        XCTAssertEqual(NorwegianPublicHolidays.easterSunday(in: 2024), CalendarDay(year: 2024, month: 3, day: 31))
        XCTAssertEqual(NorwegianPublicHolidays.easterSunday(in: 2025), CalendarDay(year: 2025, month: 4, day: 20))
        XCTAssertEqual(NorwegianPublicHolidays.easterSunday(in: 2026), CalendarDay(year: 2026, month: 4, day: 5))
        XCTAssertEqual(NorwegianPublicHolidays.easterSunday(in: 2027), CalendarDay(year: 2027, month: 3, day: 28))
        XCTAssertEqual(NorwegianPublicHolidays.easterSunday(in: 2038), CalendarDay(year: 2038, month: 4, day: 25))
        XCTAssertEqual(NorwegianPublicHolidays.easterSunday(in: 2285), CalendarDay(year: 2285, month: 3, day: 22))
    }

    func testHolidays2026() {
        let days = NorwegianPublicHolidays.holidays(in: 2026).map(\.day.description)
        XCTAssertEqual(days, ["2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06",
                              "2026-05-01", "2026-05-14", "2026-05-17", "2026-05-24", "2026-05-25",
                              "2026-12-25", "2026-12-26"])
    }

    func testWhitMonday2027FallsOnConstitutionDay() {
        let may17 = CalendarDay(year: 2027, month: 5, day: 17)
        let names = NorwegianPublicHolidays.holidays(in: 2027).filter { $0.day == may17 }.map(\.name)
        XCTAssertEqual(Set(names), ["Grunnlovsdag", "Andre pinsedag"])
        XCTAssertFalse(calendar.isWorkingDay(may17))
    }

    func testWorkingDayClassification() {
        XCTAssertTrue(calendar.isWorkingDay(CalendarDay(year: 2026, month: 5, day: 13)))   // Wednesday
        XCTAssertFalse(calendar.isWorkingDay(CalendarDay(year: 2026, month: 5, day: 14)))  // Ascension Day
        XCTAssertFalse(calendar.isWorkingDay(CalendarDay(year: 2026, month: 5, day: 16)))  // Saturday
        XCTAssertFalse(calendar.isWorkingDay(CalendarDay(year: 2026, month: 5, day: 17)))  // Sunday + 17 May
        XCTAssertTrue(calendar.isWorkingDay(CalendarDay(year: 2026, month: 12, day: 24)))  // Christmas Eve: not a holiday
    }

    func testCalendarDayArithmeticRoundTrips() {
        let day = CalendarDay(year: 2024, month: 2, day: 28)
        XCTAssertEqual(day.adding(days: 1), CalendarDay(year: 2024, month: 2, day: 29))
        XCTAssertEqual(day.adding(days: 2), CalendarDay(year: 2024, month: 3, day: 1))
        XCTAssertEqual(CalendarDay(year: 1970, month: 1, day: 1).daysSinceEpoch, 0)
        XCTAssertEqual(CalendarDay(year: 1970, month: 1, day: 1).isoWeekday, 4)
        XCTAssertEqual(CalendarDay(year: 2026, month: 11, day: 26).isoWeekday, 4)
        XCTAssertEqual(CalendarDay(daysSinceEpoch: -1), CalendarDay(year: 1969, month: 12, day: 31))
    }

    // MARK: - Deadlines

    func testDeadlineCrossesAscensionDayAndWeekend() {
        // Wednesday 13 May 2026: Thu 14 is Ascension Day, Fri 15 counts, weekend, Mon 18 counts.
        let deadline = calendar.addWorkingDays(2, to: oslo(2026, 5, 13, 10))
        XCTAssertEqual(deadline, utc("2026-05-18T21:59:59Z"))  // 23:59:59 CEST
    }

    func testDeadlineCrossesEaster2026() {
        // Wednesday 1 April 2026: Thu, Fri, Sun, Mon are holidays, Saturday is weekend.
        XCTAssertEqual(calendar.addWorkingDays(1, to: oslo(2026, 4, 1)), utc("2026-04-07T21:59:59Z"))
    }

    func testDeadlineCrossesEaster2027AndDaylightSavingChange() {
        // Wednesday 24 March 2027 (CET); summer time starts Sunday 28 March (Easter Sunday).
        XCTAssertEqual(calendar.addWorkingDays(1, to: oslo(2027, 3, 24)), utc("2027-03-30T21:59:59Z"))
    }

    func testDeadlineAcrossWhitMondayOnSeventeenthMay2027() {
        // Friday 14 May 2027: weekend, Mon 17 May (both holidays), Tue 18 counts.
        XCTAssertEqual(calendar.addWorkingDays(1, to: oslo(2027, 5, 14)), utc("2027-05-18T21:59:59Z"))
    }

    func testStartOnNonWorkingDayDoesNotCount() {
        // Saturday 21 November 2026, N = 1 -> Monday 23 November, end of day CET.
        XCTAssertEqual(calendar.addWorkingDays(1, to: oslo(2026, 11, 21)), utc("2026-11-23T22:59:59Z"))
    }

    func testTimeOfDayDoesNotMatterButTheOsloDateDoes() {
        // 23:30 UTC on Monday is already Tuesday in Oslo.
        let lateMonday = utc("2026-11-23T23:30:00Z")
        XCTAssertEqual(calendar.day(of: lateMonday), CalendarDay(year: 2026, month: 11, day: 24))
        XCTAssertEqual(calendar.addWorkingDays(1, to: lateMonday), utc("2026-11-25T22:59:59Z"))
        XCTAssertEqual(calendar.addWorkingDays(1, to: oslo(2026, 11, 24, 0, 5)),
                       calendar.addWorkingDays(1, to: oslo(2026, 11, 24, 23, 55)))
    }

    func testZeroDaysMeansEndOfTodayOrNextWorkingDay() {
        XCTAssertEqual(calendar.addWorkingDays(0, to: oslo(2026, 11, 24)), utc("2026-11-24T22:59:59Z"))
        XCTAssertEqual(calendar.addWorkingDays(0, to: oslo(2026, 12, 25)), utc("2026-12-28T22:59:59Z"))
        XCTAssertEqual(calendar.addWorkingDays(-3, to: oslo(2026, 11, 24)), utc("2026-11-24T22:59:59Z"))
    }

    func testChristmasAndNewYear() {
        // Wednesday 23 Dec 2026: Thu 24 counts, Fri 25 + Sat 26 + Sun 27, Mon 28, Tue 29, Wed 30, Thu 31,
        // Fri 1 Jan holiday, Mon 4 Jan.
        XCTAssertEqual(calendar.workingDay(6, after: CalendarDay(year: 2026, month: 12, day: 23)),
                       CalendarDay(year: 2027, month: 1, day: 4))
    }
}
