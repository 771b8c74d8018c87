import Foundation

// MARK: - NorwegianFormat

/// Numbers, money and times as Norwegian receipts print them: `1 234,50`, `-49,90`, `1,5`, `25 %`,
/// `03.12.2026 14:05`. Integer arithmetic only: øre never pass through `Double`.
public enum NorwegianFormat {
    /// Øre as kroner with two decimals and a space between thousands: 123450 → `1 234,50`.
    public static func money(_ ore: Int64) -> String {
        let negative = ore < 0
        let magnitude = ore.magnitude
        let kroner = grouped(magnitude / 100)
        let cents = magnitude % 100
        return (negative ? "-" : "") + kroner + "," + (cents < 10 ? "0" : "") + String(cents)
    }

    /// A quantity ×100 without needless decimals: 100 → `1`, 150 → `1,5`, -200 → `-2`.
    public static func quantity(_ hundredths: Int64) -> String {
        let negative = hundredths < 0
        let magnitude = hundredths.magnitude
        var text = grouped(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += "," + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
        }
        return (negative ? "-" : "") + text
    }

    /// Basis points as a percentage: 2500 → `25 %`, 1250 → `12,5 %`.
    public static func percent(_ basisPoints: Int) -> String {
        quantity(Int64(basisPoints)) + " %"
    }

    /// `dd.MM.yyyy HH:mm` in `timeZone`.
    public static func dateTime(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : String(v) }
        return "\(two(c.day)).\(two(c.month)).\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
    }

    /// `dd.MM.yyyy` in `timeZone`.
    public static func date(_ date: Date, timeZone: TimeZone) -> String {
        String(dateTime(date, timeZone: timeZone).prefix(10))
    }

    static func grouped(_ value: UInt64) -> String {
        if value < 1000 { return String(value) }
        let digits = Array(String(value).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { bytes.append(UInt8(ascii: " ")) }
            bytes.append(digit)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
