import CivilCalendar
import Foundation

/// Omnium's date-time text, parsed and written by hand.
///
/// Why not `ISO8601DateFormatter`: Omnium mixes shapes in one payload (`"2022-12-04T07:28:50.1521376Z"`,
/// `"2020-06-03T08:55:31"`, `"0001-01-01T00:00:00"`), needs 7 fractional digits, and the sandbox writes
/// millions of dates; a formatter handles neither all shapes nor the speed. Offset-less text is UTC
/// (Sandbox choice). Written text is always `yyyy-MM-ddTHH:mm:ss.fffffffZ`, and the fraction is
/// chosen so that the text parses back to the very same `Date` (a `Date` is a `Double`, so the
/// 100 ns digit alone would not always survive the round trip).
///
/// Spec: omnium-contract.md §1 "Dates", omnium-api.md §2.4.
public enum OmniumDateFormat {
    /// Seconds from 1970-01-01 to 2001-01-01 (Foundation's reference date).
    private static let referenceOffset: Int64 = 978_307_200
    private static let ticksPerSecond: Int64 = 10_000_000

    // MARK: - Parsing

    /// Parses `yyyy-MM-dd[THH:mm[:ss[.f…]]][Z|±HH[:mm]]`; nil when the text is not such a date.
    /// More than 7 fractional digits are cut to 7.
    public static func date(from text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// ``date(from:)`` over UTF-8 bytes (the fast record readers, `OmniumWireObject`).
    public static func date(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        parse(bytes)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var c = DateCursor(bytes: bytes)
        guard let year = c.digits(4), c.take(45), let month = c.digits(2), c.take(45), let day = c.digits(2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var hour = 0, minute = 0, second = 0
        var ticks: Int64 = 0
        var offsetSeconds = 0
        if c.take(84) || c.take(116) || c.take(32) { // T, t, space
            guard let h = c.digits(2), c.take(58), let m = c.digits(2), h <= 23, m <= 59 else { return nil }
            hour = h; minute = m
            if c.take(58) {
                guard let s = c.digits(2), s <= 59 else { return nil }
                second = s
                if c.take(46) || c.take(44) { // . or ,
                    var count = 0
                    while let digit = c.digit() {
                        if count < 7 { ticks = ticks * 10 + Int64(digit) }
                        count += 1
                    }
                    guard count > 0 else { return nil }
                    for _ in min(count, 7)..<7 { ticks *= 10 }
                }
            }
            let utc = c.take(90) || c.take(122) // Z, z
            if !utc, let sign = c.take(43) ? 1 : c.take(45) ? -1 : nil { // + or -
                guard let oh = c.digits(2), oh <= 18 else { return nil }
                var om = 0
                if c.take(58) {
                    guard let m = c.digits(2) else { return nil }
                    om = m
                } else if !c.atEnd {
                    guard let m = c.digits(2) else { return nil }
                    om = m
                }
                guard om <= 59 else { return nil }
                offsetSeconds = sign * (oh * 3_600 + om * 60)
            }
        }
        guard c.atEnd else { return nil }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        let unix = days * 86_400 + Int64(hour * 3_600 + minute * 60 + second - offsetSeconds)
        return makeDate(referenceSeconds: unix - referenceOffset, ticks: ticks)
    }

    /// The one formula from (whole seconds, ticks) to `Date`; the writer checks its text against it.
    private static func makeDate(referenceSeconds: Int64, ticks: Int64) -> Date {
        Date(timeIntervalSinceReferenceDate: Double(referenceSeconds) + Double(ticks) / Double(ticksPerSecond))
    }

    // MARK: - Writing

    /// `yyyy-MM-ddTHH:mm:ss.fffffffZ` in UTC.
    public static func string(from date: Date) -> String {
        let interval = date.timeIntervalSinceReferenceDate
        guard interval.isFinite else { return "0001-01-01T00:00:00.0000000Z" }
        var seconds = Int64(interval.rounded(.down))
        let fraction = interval - Double(seconds)
        var ticks = roundTripTicks(seconds: seconds, fraction: fraction, target: date)
        if ticks >= ticksPerSecond { seconds += 1; ticks -= ticksPerSecond }
        let unix = seconds + referenceOffset
        var days = unix / 86_400
        var secondOfDay = unix % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        let (year, month, day) = civilFromDays(Int(days))
        var out = [UInt8]()
        out.reserveCapacity(28)
        func put(_ value: Int, _ width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var v = value
            for k in stride(from: width - 1, through: 0, by: -1) { digits[k] = UInt8(48 + v % 10); v /= 10 }
            out.append(contentsOf: digits)
        }
        put(year, 4); out.append(45); put(month, 2); out.append(45); put(day, 2); out.append(84)
        put(Int(secondOfDay / 3_600), 2); out.append(58); put(Int(secondOfDay % 3_600 / 60), 2); out.append(58)
        put(Int(secondOfDay % 60), 2); out.append(46); put(Int(ticks), 7); out.append(90)
        return String(decoding: out, as: UTF8.self)
    }

    /// The shortest fraction (0…7 digits, written padded to 7) whose text parses back to `target`.
    private static func roundTripTicks(seconds: Int64, fraction: Double, target: Date) -> Int64 {
        let exact = fraction * Double(ticksPerSecond)
        var unit: Int64 = ticksPerSecond
        while unit >= 10 {
            let candidate = Int64((exact / Double(unit)).rounded()) * unit
            if makeDate(referenceSeconds: seconds, ticks: candidate) == target { return candidate }
            unit /= 10
        }
        let nearest = Int64(exact.rounded())
        for candidate in [nearest, nearest - 1, nearest + 1]
        where makeDate(referenceSeconds: seconds, ticks: candidate) == target { return candidate }
        return max(0, nearest)
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, as .NET): `CivilDays`, the one algorithm

    private static func daysIn(month: Int, year: Int) -> Int { CivilDays.daysIn(month: month, year: year) }

    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        CivilDays.days(year: year, month: month, day: day)
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let civil = CivilDays.civil(fromDays: days)
        return (civil.year, civil.month, civil.day)
    }
}

extension OmniumDateFormat {
    /// The instant its own text decodes to: stamping with this makes write → read → write exact.
    public static func normalized(_ date: Date) -> Date {
        OmniumDateFormat.date(from: string(from: date)) ?? date
    }
}

/// A read position in a date's UTF-8 bytes.
///
/// Why a struct and not nested functions over a captured `var i`: the captured variable is boxed, and every
/// access to it took Swift's dynamic exclusivity check, about 40 % of parsing a date, which the fast
/// record readers do for every `created` and `modified` of a catalogue.
private struct DateCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    var atEnd: Bool { index == bytes.count }

    /// The next `count` bytes as a decimal number; nil (position undefined) unless all are digits.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for _ in 0..<count {
            let byte = bytes[index]
            guard byte >= 48 && byte <= 57 else { return nil }
            value = value * 10 + Int(byte - 48)
            index += 1
        }
        return value
    }

    /// The next byte's digit value, moving past it; nil (not moving) when it is not a digit.
    mutating func digit() -> Int? {
        guard index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 else { return nil }
        defer { index += 1 }
        return Int(bytes[index] - 48)
    }

    /// Moves past `byte` when it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
