import CivilCalendar

// MARK: - CalendarDay

/// A civil date (year, month, day) without time or zone: the unit business calendars count in.
///
/// Why a value of its own: working-day arithmetic must not drift with daylight-saving changes,
/// so it is done on day numbers (proleptic Gregorian, days since 1970-01-01) and turned back into
/// an instant only at the end, in the calendar's time zone.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// - Precondition: `month` in 1...12 and `day` valid for that month (programmer error otherwise).
    public init(year: Int, month: Int, day: Int) {
        precondition((1...12).contains(month), "month \(month) out of range")
        precondition((1...CalendarDay.daysIn(month: month, year: year)).contains(day),
                     "day \(day) out of range for \(year)-\(month)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Builds the day from its number of days since 1970-01-01 (may be negative).
    public init(daysSinceEpoch: Int) {
        let civil = CivilDays.civil(fromDays: daysSinceEpoch)
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    // MARK: - Arithmetic

    /// Days since 1970-01-01 (`CivilDays`, the one civil-date algorithm).
    public var daysSinceEpoch: Int { CivilDays.days(year: year, month: month, day: day) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let offset = ((daysSinceEpoch % 7) + 7) % 7
        return (offset + 3) % 7 + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `yyyy-MM-dd`.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    // MARK: - Month lengths

    static func daysIn(month: Int, year: Int) -> Int { CivilDays.daysIn(month: month, year: year) }
}
