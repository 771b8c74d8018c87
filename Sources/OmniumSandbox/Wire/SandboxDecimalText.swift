import Foundation

/// A `Decimal` as JSON number text: exactly the characters `Decimal.description` writes, made from
/// the value's mantissa and exponent with integer arithmetic.
///
/// Why: `description` divides the 128-bit mantissa by 10 one digit at a time through Foundation's
/// generic long division and builds a `String`; it was about 40 % of the sandbox's CPU answering a
/// catalogue read (issue 8). The text rule is unchanged: the mantissa's digits as stored (trailing
/// zeros are kept, `15.00` stays `15.00`), the exponent placed as a decimal point or as trailing
/// zeros, `-` for negatives, `0` for zero, `NaN` for NaN.
///
/// How: swift-foundation keeps the fields of `Decimal` internal on Linux, so they are read from its
/// 20-byte storage (exponent `Int8`, a byte with the length in the high nibble and the sign and
/// "compact" flags below it, two reserved bytes, eight little-endian `UInt16` mantissa words). That
/// layout is checked once against known values (`layoutIsKnown`); if a Foundation ever stores it
/// differently, and for mantissas wider than 64 bits, the text comes from `description` as before.
enum SandboxDecimalText {
    /// Appends the text of `value` to `out`.
    static func append(_ value: Decimal, to out: inout [UInt8]) {
        guard layoutIsKnown, let parts = parts(of: value) else {
            out.append(contentsOf: value.description.utf8)
            return
        }
        appendParts(parts, to: &out)
    }

    /// The text of `value` (tests and the `String` writer).
    static func string(_ value: Decimal) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Storage

    /// What the text is made of; nil when the mantissa does not fit 64 bits.
    struct Parts: Equatable {
        var isNaN: Bool
        var isNegative: Bool
        var mantissa: UInt64
        var exponent: Int
    }

    /// The fields of `value` read from its storage; nil for a mantissa wider than four words.
    static func parts(of value: Decimal) -> Parts? {
        withUnsafeBytes(of: value) { bytes -> Parts? in
            let exponent = Int(Int8(bitPattern: bytes[0]))
            let flags = bytes[1]
            let length = Int(flags >> 4)
            let isNegative = flags & 0b1000 != 0
            if length == 0 { return Parts(isNaN: isNegative, isNegative: false, mantissa: 0, exponent: 0) }
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                let low = UInt64(bytes[4 + 2 * word]), high = UInt64(bytes[5 + 2 * word])
                mantissa = mantissa << 16 | high << 8 | low
            }
            return Parts(isNaN: false, isNegative: isNegative, mantissa: mantissa, exponent: exponent)
        }
    }

    /// True when `Decimal`'s storage reads as this type expects: checked once against values whose
    /// fields are known, so a different layout falls back to `description` instead of writing wrong text.
    static let layoutIsKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let checks: [(Decimal, Parts?)] = [
            (Decimal(string: "-123.45")!, Parts(isNaN: false, isNegative: true, mantissa: 12_345, exponent: -2)),
            (Decimal(string: "1500")!, nil),
            (Decimal(string: "18446744073709551615")!,
             Parts(isNaN: false, isNegative: false, mantissa: .max, exponent: 0)),
            (Decimal(string: "0.000000000000000000000000000001")!,
             Parts(isNaN: false, isNegative: false, mantissa: 1, exponent: -30)),
            (Decimal(string: "340282366920938463463374607431768211455")!, nil),
            (Decimal(0), Parts(isNaN: false, isNegative: false, mantissa: 0, exponent: 0)),
            (Decimal.nan, Parts(isNaN: true, isNegative: false, mantissa: 0, exponent: 0)),
        ]
        for (value, expected) in checks {
            let read = parts(of: value)
            if let expected {
                guard read == expected else { return false }
            } else if let read {
                // Only the text has to agree (Foundation may keep 1500 as 15e2 or 1500e0).
                var out: [UInt8] = []
                appendParts(read, to: &out)
                guard String(decoding: out, as: UTF8.self) == value.description else { return false }
            } else if value.description.utf8.count < 20 {
                return false
            }
        }
        return true
    }()

    // MARK: - Text

    private static func appendParts(_ parts: Parts, to out: inout [UInt8]) {
        if parts.isNaN { return out.append(contentsOf: "NaN".utf8) }
        if parts.mantissa == 0 { return out.append(UInt8(ascii: "0")) }
        // The mantissa's digits, least significant first.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = parts.mantissa
            while rest > 0 {
                let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 10)
                buffer[count] = UInt8(truncatingIfNeeded: remainder) &+ 48
                count += 1
                rest = quotient
            }
        }
        if parts.isNegative { out.append(UInt8(ascii: "-")) }
        withUnsafeBytes(of: &digits) { buffer in
            let exponent = parts.exponent
            if exponent >= 0 {
                for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
                for _ in 0..<exponent { out.append(UInt8(ascii: "0")) }
            } else if -exponent < count {
                let point = -exponent // digits after the point
                for k in stride(from: count - 1, through: 0, by: -1) {
                    if k == point - 1 { out.append(UInt8(ascii: ".")) }
                    out.append(buffer[k])
                }
            } else {
                out.append(UInt8(ascii: "0"))
                out.append(UInt8(ascii: "."))
                for _ in 0..<(-exponent - count) { out.append(UInt8(ascii: "0")) }
                for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
            }
        }
    }
}
