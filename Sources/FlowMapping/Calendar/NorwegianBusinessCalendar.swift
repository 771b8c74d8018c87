import Foundation

// MARK: - NorwegianBusinessCalendar

/// Working days in Norway: Monday to Friday except public holidays, counted in the business time zone
/// (`OMNIFLOW_BUSINESS_TIME_ZONE`, Europe/Oslo by default), which the caller passes.
///
/// Used for the Click & Collect pickup deadline, which Flow computes "in working days from the
/// current date" (spec: flow-integration.md §7.1, §15; the holiday calendar itself is not
/// documented, see `NorwegianPublicHolidays`).
///
/// Rules (chosen like a store would read "collect within N working days"; docs/mapping-orders.md):
/// - The business date is the calendar day of "now" in the business time zone. That day never counts, whatever
///   the time of day and whether or not it is itself a working day: an order placed on Friday at
///   09:00 or at 23:00, or on Saturday, with N = 2 gets Tuesday (when Monday and Tuesday are working days).
/// - The deadline is the **end** of the Nth working day, 23:59:59 local time, so the customer gets N
///   full working days and a store closing early still sees the whole day as valid.
/// - N = 0 means "today": the business date if it is a working day, else the next working day.
///   Negative N is treated as 0 (configuration validation rejects it earlier).
public struct NorwegianBusinessCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    // MARK: - Days

    /// Not a Saturday, a Sunday or a Norwegian public holiday.
    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        !day.isWeekend && !NorwegianPublicHolidays.isHoliday(day)
    }

    /// The calendar day `date` falls on in this calendar's time zone.
    public func day(of date: Date) -> CalendarDay {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The Nth working day strictly after `day` (N = 0: `day` itself if working, else the next one).
    public func workingDay(_ n: Int, after day: CalendarDay) -> CalendarDay {
        var current = day
        if n <= 0 {
            while !isWorkingDay(current) { current = current.adding(days: 1) }
            return current
        }
        var counted = 0
        while counted < n {
            current = current.adding(days: 1)
            if isWorkingDay(current) { counted += 1 }
        }
        return current
    }

    /// 23:59:59 local time on `day`, as an instant.
    public func endOfDay(_ day: CalendarDay) -> Date {
        let parts = DateComponents(year: day.year, month: day.month, day: day.day,
                                   hour: 23, minute: 59, second: 59)
        guard let date = calendar.date(from: parts) else {
            preconditionFailure("no instant for \(day) 23:59:59 in \(timeZone.identifier)")
        }
        return date
    }

    // MARK: - Deadlines

    /// The end (23:59:59 local) of the Nth working day after the business date of `date`.
    public func addWorkingDays(_ n: Int, to date: Date) -> Date {
        endOfDay(workingDay(n, after: day(of: date)))
    }
}
