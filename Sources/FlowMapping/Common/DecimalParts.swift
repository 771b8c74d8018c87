import Foundation

/// A `Decimal`'s sign, mantissa and exponent, read from its storage: what ``DecimalRounding`` needs to
/// round most amounts with integer arithmetic instead of Foundation's 128-bit long division.
///
/// Why from storage: swift-foundation keeps `Decimal`'s fields internal on Linux. Its 20 bytes are the
/// exponent (`Int8`), a byte with the mantissa's length in words in the high nibble and the sign flag
/// below it, two reserved bytes, and eight little-endian `UInt16` mantissa words. The layout is checked
/// once against values whose fields are known (``layoutIsKnown``); when it does not hold, for NaN, and for
/// mantissas wider than 64 bits, there are no parts and the caller goes the `Decimal` way. (The sandbox
/// reads the same layout for its own purpose in `SandboxDecimalText`; the two are kept apart on purpose:
/// the client's rounding must not depend on the stand-in for Omnium.)
public struct DecimalParts: Equatable, Sendable, CustomStringConvertible {
    var isNegative: Bool
    var mantissa: UInt64
    var exponent: Int

    /// The parts of `value`; nil for NaN, a mantissa wider than 64 bits, or an unknown layout.
    public init?(_ value: Decimal) {
        guard Self.layoutIsKnown, let parts = Self.read(value) else { return nil }
        self = parts
    }

    init(isNegative: Bool, mantissa: UInt64, exponent: Int) {
        self.isNegative = isNegative
        self.mantissa = mantissa
        self.exponent = exponent
    }

    private static func read(_ value: Decimal) -> DecimalParts? {
        withUnsafeBytes(of: value) { bytes -> DecimalParts? in
            let exponent = Int(Int8(bitPattern: bytes[0]))
            let length = Int(bytes[1] >> 4)
            let isNegative = bytes[1] & 0b1000 != 0
            if length == 0 { return isNegative ? nil : DecimalParts(isNegative: false, mantissa: 0, exponent: 0) } // NaN
            guard length <= 4 else { return nil }
            var mantissa: UInt64 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt64(bytes[5 + 2 * word]) << 8 | UInt64(bytes[4 + 2 * word])
            }
            return DecimalParts(isNegative: isNegative, mantissa: mantissa, exponent: exponent)
        }
    }

    /// True when `Decimal`'s storage reads as expected: each known value gives its parts back, and its
    /// parts give the value back (`Decimal(sign:exponent:significand:)`).
    static let layoutIsKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let checks: [(String, DecimalParts?)] = [
            ("-123.45", DecimalParts(isNegative: true, mantissa: 12_345, exponent: -2)),
            ("18446744073709551615", DecimalParts(isNegative: false, mantissa: .max, exponent: 0)),
            ("0.000000000000000000000000000001", DecimalParts(isNegative: false, mantissa: 1, exponent: -30)),
            ("340282366920938463463374607431768211455", nil),
            ("0", DecimalParts(isNegative: false, mantissa: 0, exponent: 0)),
        ]
        for (text, expected) in checks {
            guard let value = Decimal(string: text), read(value) == expected else { return false }
        }
        guard read(.nan) == nil else { return false }
        for text in ["1500", "-0.125", "199.50", "7", "-42"] {
            guard let value = Decimal(string: text), let parts = read(value),
                  parts.decimal == value else { return false }
        }
        return true
    }()

    /// Exactly the text `Decimal.description` writes for the value (tests compare the two): the mantissa's
    /// digits with the exponent as a decimal point or trailing zeros, `-` when negative, `0` for zero. Made
    /// with integer arithmetic; `description` divides the 128-bit mantissa digit by digit.
    public var description: String {
        if mantissa == 0 { return "0" }
        let digits = String(mantissa)
        let sign = isNegative ? "-" : ""
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let fraction = -exponent
        if fraction < digits.count {
            let point = digits.index(digits.endIndex, offsetBy: -fraction)
            return sign + digits[..<point] + "." + digits[point...]
        }
        return sign + "0." + String(repeating: "0", count: fraction - digits.count) + digits
    }

    /// The value these parts stand for.
    var decimal: Decimal {
        Decimal(sign: isNegative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
    }
}
