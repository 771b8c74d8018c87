import CivilCalendar
import Foundation

// MARK: - SaftLocalTime

/// A transaction's `transDate` (`yyyy-MM-dd`) and `transTime` (`HH:mm[:ss]`) in the business time zone
/// as a `Date`, exactly as a Gregorian `Calendar` in that zone reads them.
///
/// Why not a `Calendar` per transaction: building one and resolving `DateComponents` cost more than
/// the rest of the mapping (issue 13's benchmark). The common case is integer arithmetic
/// (``CivilDays``) and the zone's offset, looked up once per day; a day whose offset changes within a
/// day either side (a daylight-saving switch: times that do not exist or exist twice), and any text
/// not in the plain shape, goes through `Calendar` as before, so the result is always the same.
final class SaftLocalTime: @unchecked Sendable {
    let zone: TimeZone
    private let lock = NSLock()
    /// The last day looked up: its day number and the zone's offset on it (nil: near a switch).
    private var cachedDay = Int.min
    private var cachedOffset: Int?

    init(zone: TimeZone) {
        self.zone = zone
    }

    func date(_ day: String, _ time: String?) -> Date? {
        guard let (year, month, dayOfMonth) = Self.digits(day, UInt8(ascii: "-"), (4, 2, 2)),
              let (hour, minute, second) = Self.time(time ?? "00:00:00"),
              // From 1900: before, `Calendar`'s Gregorian turns Julian (1582) and zones use local mean time.
              year >= 1900, (1...12).contains(month), (1...CivilDays.daysIn(month: month, year: year)).contains(dayOfMonth),
              hour < 24, minute < 60, second < 60
        else { return Self.calendarDate(day, time, zone) }
        let days = CivilDays.days(year: year, month: month, day: dayOfMonth)
        guard let offset = offset(onDay: days) else { return Self.calendarDate(day, time, zone) }
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(local - offset))
    }

    /// The zone's offset from UTC in seconds on `days`, or nil when it is not the same from a day before
    /// to a day after, sampled at each midnight UTC (so a local time near a switch is left to `Calendar`).
    private func offset(onDay days: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if days != cachedDay {
            let offsets = (-1...2).map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double((days + $0) * 86_400))) }
            cachedDay = days
            cachedOffset = Set(offsets).count == 1 ? offsets[0] : nil
        }
        return cachedOffset
    }

    /// `HH:mm:ss` or `HH:mm`.
    private static func time(_ text: String) -> (Int, Int, Int)? {
        if text.utf8.count == 5, let (h, m, _) = digits(text + ":00", UInt8(ascii: ":"), (2, 2, 2)) { return (h, m, 0) }
        return digits(text, UInt8(ascii: ":"), (2, 2, 2))
    }

    /// Three ASCII digit groups of exactly `widths`, separated by `separator`. Tuples, not arrays: two
    /// arrays allocated per call were two allocations per transaction.
    private static func digits(_ text: String, _ separator: UInt8, _ widths: (Int, Int, Int)) -> (Int, Int, Int)? {
        var values = (0, 0, 0)
        var group = 0
        var width = 0
        for byte in text.utf8 {
            let limit = group == 0 ? widths.0 : group == 1 ? widths.1 : widths.2
            if byte == separator {
                guard group < 2, width == limit else { return nil }
                group += 1
                width = 0
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10, width < limit else { return nil }
            switch group {
            case 0: values.0 = values.0 * 10 + Int(digit)
            case 1: values.1 = values.1 * 10 + Int(digit)
            default: values.2 = values.2 * 10 + Int(digit)
            }
            width += 1
        }
        guard group == 2, width == widths.2 else { return nil }
        return values
    }

    /// The general reading (any shape `Int` accepts, daylight-saving switches), through `Calendar`.
    static func calendarDate(_ day: String, _ time: String?, _ zone: TimeZone) -> Date? {
        let d = day.split(separator: "-").compactMap { Int($0) }
        let t = (time ?? "00:00:00").split(separator: ":").compactMap { Int($0) }
        guard d.count == 3, t.count >= 2 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: d[0], month: d[1], day: d[2], hour: t[0], minute: t[1], second: t.count > 2 ? t[2] : 0)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
