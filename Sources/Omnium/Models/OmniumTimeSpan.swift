import Foundation

/// A .NET `TimeSpan` as Omnium writes it: `"HH:mm:ss"` (`"08:00:00"`, closed day `"00:00:00"`),
/// and from one day up `"d.HH:mm:ss"` (Sandbox choice). An optional fraction `.fffffff` is kept.
///
/// Opening hours and pick limits use it; Flow wants minutes of the day, so the value is kept
/// as whole 100 ns ticks (exact) with accessors for the parts.
///
/// Spec: omnium-contract.md §1 "TimeSpan", omnium-api.md §2.4.
public struct OmniumTimeSpan: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Length in 100 ns ticks, as .NET counts.
    public var ticks: Int64

    public static let ticksPerSecond: Int64 = 10_000_000
    public static let zero = OmniumTimeSpan(ticks: 0)

    // MARK: - Creating

    public init(ticks: Int64) { self.ticks = ticks }

    public init(days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0) {
        let total = Int64(days) * 86_400 + Int64(hours) * 3_600 + Int64(minutes) * 60 + Int64(seconds)
        self.ticks = total * Self.ticksPerSecond
    }

    /// Parses `[-][d.]HH:mm[:ss[.fffffff]]`; nil when the text is not a TimeSpan.
    public init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if rest.first == "-" { negative = true; rest = rest.dropFirst() }
        var days = 0
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var hourText = parts[0]
        if let dot = hourText.firstIndex(of: ".") {
            guard let d = Int(hourText[..<dot]), d >= 0 else { return nil }
            days = d
            hourText = hourText[hourText.index(after: dot)...]
        }
        guard let hours = Int(hourText), (0..<24).contains(hours) || (days == 0 && hours >= 0),
              let minutes = Int(parts[1]), (0..<60).contains(minutes) else { return nil }
        var seconds = 0
        var fractionTicks: Int64 = 0
        if parts.count == 3 {
            let secondParts = parts[2].split(separator: ".", omittingEmptySubsequences: false)
            guard secondParts.count <= 2, let s = Int(secondParts[0]), (0..<60).contains(s) else { return nil }
            seconds = s
            if secondParts.count == 2 {
                let digits = secondParts[1]
                guard !digits.isEmpty, digits.count <= 7, digits.allSatisfy(\.isASCII), let f = Int64(digits)
                else { return nil }
                var scaled = f
                for _ in digits.count..<7 { scaled *= 10 }
                fractionTicks = scaled
            }
        }
        let value = OmniumTimeSpan(days: days, hours: hours, minutes: minutes, seconds: seconds).ticks + fractionTicks
        self.ticks = negative ? -value : value
    }

    // MARK: - Parts

    public var totalSeconds: Int64 { ticks / Self.ticksPerSecond }
    /// Minutes since midnight for a time of day (`"08:30:00"` → 510).
    public var totalMinutes: Int64 { ticks / (60 * Self.ticksPerSecond) }
    public var days: Int { Int(abs(totalSeconds) / 86_400) }
    public var hours: Int { Int(abs(totalSeconds) % 86_400 / 3_600) }
    public var minutes: Int { Int(abs(totalSeconds) % 3_600 / 60) }
    public var seconds: Int { Int(abs(totalSeconds) % 60) }

    // MARK: - Text

    /// `"HH:mm:ss"`, `"d.HH:mm:ss"` from one day up, `.fffffff` only when there is a fraction.
    public var description: String {
        let fraction = abs(ticks) % Self.ticksPerSecond
        var text = ticks < 0 ? "-" : ""
        if days > 0 { text += "\(days)." }
        text += Self.twoDigits(hours) + ":" + Self.twoDigits(minutes) + ":" + Self.twoDigits(seconds)
        if fraction > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: 7 - digits.count) + digits
        }
        return text
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public static func < (lhs: OmniumTimeSpan, rhs: OmniumTimeSpan) -> Bool { lhs.ticks < rhs.ticks }

    // MARK: - Codable

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = OmniumTimeSpan(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a TimeSpan: \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
