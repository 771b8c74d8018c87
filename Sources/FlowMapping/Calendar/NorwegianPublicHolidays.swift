// MARK: - NorwegianPublicHolidays

/// Norway's public holidays ("helligdager" and the two statutory flag days that are days off).
///
/// Why computed rather than listed: a nightly batch runs for years, and a table of dates silently
/// runs out. The movable feasts all hang off Easter Sunday, computed with the anonymous Gregorian
/// (Meeus/Jones/Butcher) algorithm. Christmas Eve and New Year's Eve are not public holidays in law,
/// so they stay working days (many stores close early, none close for the whole day by law).
/// Spec: flow-integration.md §7.1 ("working days"), §15 (holiday calendar not documented).
public enum NorwegianPublicHolidays {

    // MARK: - Easter

    /// Easter Sunday of `year` (Gregorian calendar), anonymous Gregorian algorithm.
    public static func easterSunday(in year: Int) -> CalendarDay {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDay(year: year, month: month, day: day)
    }

    // MARK: - Holidays

    /// Every public holiday of `year`, with its Norwegian name, ordered by date.
    public static func holidays(in year: Int) -> [(day: CalendarDay, name: String)] {
        let easter = easterSunday(in: year)
        let list: [(CalendarDay, String)] = [
            (CalendarDay(year: year, month: 1, day: 1), "Første nyttårsdag"),
            (easter.adding(days: -3), "Skjærtorsdag"),
            (easter.adding(days: -2), "Langfredag"),
            (easter, "Første påskedag"),
            (easter.adding(days: 1), "Andre påskedag"),
            (CalendarDay(year: year, month: 5, day: 1), "Arbeidernes dag"),
            (CalendarDay(year: year, month: 5, day: 17), "Grunnlovsdag"),
            (easter.adding(days: 39), "Kristi himmelfartsdag"),
            (easter.adding(days: 49), "Første pinsedag"),
            (easter.adding(days: 50), "Andre pinsedag"),
            (CalendarDay(year: year, month: 12, day: 25), "Første juledag"),
            (CalendarDay(year: year, month: 12, day: 26), "Andre juledag"),
        ]
        return list.sorted { $0.0 < $1.0 }.map { (day: $0.0, name: $0.1) }
    }

    /// Whether `day` is a public holiday (two holidays may share a day, e.g. 17 May 2027 is also Whit Monday).
    public static func isHoliday(_ day: CalendarDay) -> Bool {
        holidays(in: day.year).contains { $0.day == day }
    }
}
