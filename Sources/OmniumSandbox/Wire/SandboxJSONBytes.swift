import CivilCalendar
import Foundation
import Omnium

/// JSON text written straight into bytes, with the same characters as ``SandboxResponseEncoder``:
/// strings escaped as ``SandboxJSONText`` escapes them, numbers as ``SandboxDecimalText``, dates as
/// `OmniumDateFormat`, `null` for every unset value.
///
/// Why: the catalogue answers (products, prices, stock) are written millions of times per benchmark;
/// building them through `Encodable`, a tree of nodes and `String` appends cost most of the sandbox's
/// CPU (issue 8). ``SandboxRecordJSON`` writes those records with this instead.
struct SandboxJSONBytes {
    var bytes: [UInt8] = []
    /// Set by a writer that met a value it does not write by hand (e.g. kept unknown members); the
    /// caller then writes the record with ``SandboxResponseEncoder`` instead.
    var isUnsupported = false

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func byte(_ byte: UInt8) { bytes.append(byte) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func null() { raw("null") }

    mutating func string(_ text: String?) {
        guard let text else { return null() }
        Self.appendString(text, to: &bytes)
    }

    /// `text` as a JSON string, escaped as ``SandboxJSONText`` escapes it (also for
    /// ``SandboxResponseEncoder``). Every character to escape (`"`, `\`, controls below U+0020) is ASCII, so
    /// the UTF-8 bytes are copied as they are and only those bytes are replaced.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            out.append(UInt8(ascii: "\""))
            var start = 0
            for (position, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<position]))
                start = position + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: #"\t"#.utf8)
                default:
                    // `\u00XX` with lowercase hex, as SandboxJSONText writes it.
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xf)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            out.append(UInt8(ascii: "\""))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func bool(_ value: Bool?) {
        guard let value else { return null() }
        value ? raw("true") : raw("false")
    }

    mutating func decimal(_ value: Decimal?) {
        guard let value else { return null() }
        SandboxDecimalText.append(value, to: &bytes)
    }

    /// An `Int` as `Decimal(value).description` writes it: its plain digits.
    mutating func int(_ value: Int?) {
        guard let value else { return null() }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func date(_ value: Date?) {
        guard let value else { return null() }
        bytes.append(UInt8(ascii: "\""))
        SandboxDateText.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func strings(_ values: [String]?) {
        array(values) { $0.string($1) }
    }

    mutating func array<T>(_ values: [T]?, _ write: (inout SandboxJSONBytes, T) -> Void) {
        guard let values else { return null() }
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, value)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}

/// `OmniumDateFormat.string(from:)`'s text, without building a `String`: whole-second instants (every
/// date the generator makes) are written from the civil date directly; any other instant goes
/// through `OmniumDateFormat`, whose fraction rule (the shortest text that parses back to the same
/// `Date`) stays the one rule.
enum SandboxDateText {
    private static let referenceOffset: Int64 = 978_307_200

    static func append(_ date: Date, to out: inout [UInt8]) {
        let interval = date.timeIntervalSinceReferenceDate
        // Years 1…9999 only (the four-digit field); whole seconds only.
        guard interval.isFinite, interval == interval.rounded(.down),
              interval > -63_000_000_000, interval < 250_000_000_000 else {
            out.append(contentsOf: OmniumDateFormat.string(from: date).utf8)
            return
        }
        let unix = Int64(interval) + referenceOffset
        var days = unix / 86_400
        var second = unix % 86_400
        if second < 0 { second += 86_400; days -= 1 }
        let civil = CivilDays.civil(fromDays: Int(days))
        func put(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(truncatingIfNeeded: rest / divisor) &+ 48)
                rest %= divisor
                divisor /= 10
            }
        }
        put(civil.year, 4); out.append(UInt8(ascii: "-")); put(civil.month, 2); out.append(UInt8(ascii: "-"))
        put(civil.day, 2); out.append(UInt8(ascii: "T"))
        put(Int(second / 3_600), 2); out.append(UInt8(ascii: ":")); put(Int(second % 3_600 / 60), 2)
        out.append(UInt8(ascii: ":")); put(Int(second % 60), 2)
        let fraction: StaticString = ".0000000Z"
        fraction.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
