import CivilCalendar
import Foundation

// MARK: - SQLiteDate

/// The one date format of omniflow's databases: ISO-8601, UTC, milliseconds, `Z` suffix
/// (`2026-11-26T15:47:51.123Z`).
///
/// Why hand-written: Foundation's formatters are classes that are not `Sendable`, slow, and
/// locale-sensitive; this is plain proleptic-Gregorian arithmetic (`CivilDays`, H. Hinnant's `days_from_civil`),
/// so text sorts in time order and formatting is deterministic. Parsing also accepts SQLite's own
/// `CURRENT_TIMESTAMP` shape (`2026-11-26 15:47:51`) and 1–9 fraction digits.
public enum SQLiteDate {
    /// Formats `date` truncated (towards the past) to whole milliseconds.
    public static func format(_ date: Date) -> String {
        // Date keeps seconds since 2001 as a Double, so x.001 may come back as x.000999999:
        // values within a microsecond of a whole millisecond count as that millisecond.
        let scaled = date.timeIntervalSince1970 * 1000
        let nearest = scaled.rounded()
        let totalMilliseconds = Int64(abs(scaled - nearest) < 0.001 ? nearest : scaled.rounded(.down))
        let (seconds, milliseconds) = floorDivide(totalMilliseconds, 1000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civil(fromDays: days)
        let hour = secondOfDay / 3600, minute = secondOfDay % 3600 / 60, second = secondOfDay % 60
        guard (0...9999).contains(year) else {
            return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(hour, 2) + ":"
                + pad(minute, 2) + ":" + pad(second, 2) + "." + pad(milliseconds, 3) + "Z"
        }
        // The usual years: written straight into the string's 24 bytes (bulk writes format every row's dates).
        return String(unsafeUninitializedCapacity: 24) { bytes in
            func put(_ value: Int64, _ width: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 0); bytes[4] = UInt8(ascii: "-"); put(month, 2, at: 5); bytes[7] = UInt8(ascii: "-")
            put(day, 2, at: 8); bytes[10] = UInt8(ascii: "T"); put(hour, 2, at: 11); bytes[13] = UInt8(ascii: ":")
            put(minute, 2, at: 14); bytes[16] = UInt8(ascii: ":"); put(second, 2, at: 17); bytes[19] = UInt8(ascii: ".")
            put(milliseconds, 3, at: 20); bytes[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// `date` as it reads back after storing: truncated to whole milliseconds.
    public static func truncated(_ date: Date) -> Date {
        parse(format(date)) ?? date
    }

    /// Parses `YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z]` as UTC; `nil` for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2),
              let second = number(bytes, 17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, let digit = digitValue(bytes[index]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
            if index == start { return nil }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "Z") { index += 1 }
        guard index == bytes.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        // Round the fraction to whole milliseconds so format(parse(x)) == x.
        // The Double nearest to the exact seconds since 1970 (one correctly rounded division), so
        // "…51.123Z" reads back equal to `Date(timeIntervalSince1970: 1_795_708_071.123)`.
        let milliseconds = Int64((fraction * 1000).rounded())
        return Date(timeIntervalSince1970: Double(seconds * 1000 + milliseconds) / 1000)
    }

    // MARK: - Calendar arithmetic

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 { quotient -= 1; remainder += divisor }
        return (quotient, remainder)
    }

    /// `CivilDays`, the one civil-date algorithm, in this file's Int64 arithmetic.
    private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let civil = CivilDays.civil(fromDays: Int(days))
        return (Int64(civil.year), Int64(civil.month), Int64(civil.day))
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        Int64(CivilDays.days(year: Int(year), month: Int(month), day: Int(day)))
    }

    // MARK: - Digits

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func digitValue(_ byte: UInt8) -> Int64? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int64(byte - UInt8(ascii: "0")) : nil
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64? {
        var value: Int64 = 0
        for index in start..<(start + count) {
            guard let digit = digitValue(bytes[index]) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
