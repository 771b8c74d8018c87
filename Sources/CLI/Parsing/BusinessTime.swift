import Foundation

// MARK: - BusinessTime

/// Dates and times given on the command line (`watermarks set`, `pos simulate --date`,
/// `receipts regenerate --from/--to`), read one way everywhere.
enum BusinessTime {
    /// A calendar date `yyyy-mm-dd` (midnight in `timeZone`), or an ISO 8601 time with an explicit
    /// offset (`2026-11-01T06:00:00+01:00`, `…Z`); nil for anything else (a time without an offset is
    /// ambiguous and refused).
    static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        if text.count == 10 { return date(text, timeZone: timeZone) }
        let hasOffset = text.hasSuffix("Z") || text.hasSuffix("z")
            || text.dropFirst(19).contains(where: { $0 == "+" || $0 == "-" })
        guard hasOffset else { return nil }
        return try? Date(text, strategy: .iso8601)
    }

    /// A calendar date `yyyy-mm-dd` only, at midnight in `timeZone`.
    static func date(_ text: String, timeZone: TimeZone) -> Date? {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }
}
