import Foundation

/// Omnium money (`Decimal`, major units) to Flow money (`Int64` hundredths: øre, cents).
///
/// This is THE single rounding point for money in omniflow: no other code multiplies
/// amounts by 100 or rounds them. Amounts never pass through `Double`, and an amount that is
/// not a number or lies outside `±largestAmount` is refused (`ValueOutOfRange`), never clamped:
/// the mapping quarantines its record naming the field and the value.
///
/// Spec: flow-integration.md §4 ("199.50 NOK becomes 19950"), §15; DESIGN.md "Money".
public enum Money {
    /// The largest amount, in major units, omniflow accepts from outside: ten trillion
    /// (10¹³ kroner, 10¹⁵ øre). Far above any real price or order, and low enough that
    /// summing thousands of such amounts in `Int64` hundredths can never overflow.
    public static let largestAmount: Decimal = 10_000_000_000_000

    /// `amount × 100`, rounded **half away from zero** to a whole number of hundredths.
    ///
    /// `199.50` → `19950`; `0.125` → `13`; `-0.125` → `-13`; `0.124` → `12`.
    /// Half away from zero (commercial rounding) is what Norwegian retail and most ERPs use;
    /// it keeps a refund the exact mirror of its sale.
    /// - Parameter field: the source field, named in the error (`placedPrice`, `cost`…).
    public static func hundredths(_ amount: Decimal, field: String) throws(ValueOutOfRange) -> Int64 {
        try DecimalRounding.wholeNumber(amount, timesTenToThe: 2, field: field, largest: largestAmount)
    }
}

/// Omnium quantities (`Decimal`) to Flow quantities in hundredths of a unit (`Int64`), the
/// convention Flow uses for purchase-order quantities, applied to stock so fractional units
/// (kg, metres) survive. Spec: flow-integration.md §9.1 ("×100"), §15.
public enum Quantity {
    /// The largest quantity omniflow accepts from outside: ten trillion units, as for money.
    public static let largestQuantity: Decimal = 10_000_000_000_000

    /// `quantity × 100`, rounded half away from zero (`12.5` → `1250`); refused beyond
    /// `±largestQuantity` or when not a number.
    public static func hundredths(_ quantity: Decimal, field: String) throws(ValueOutOfRange) -> Int64 {
        try DecimalRounding.wholeNumber(quantity, timesTenToThe: 2, field: field, largest: largestQuantity)
    }

    /// As `hundredths`, and refused when negative: the rule for quantities that count something
    /// (ordered, delivered, cancelled, returned); stock levels may be negative and do not use it.
    public static func countedHundredths(_ quantity: Decimal, field: String) throws(ValueOutOfRange) -> Int64 {
        guard quantity.isNaN || quantity >= 0 else {
            throw ValueOutOfRange(field: field, value: quantity, rule: "must not be negative")
        }
        return try hundredths(quantity, field: field)
    }
}

/// A value from outside that omniflow refuses rather than clamps: not a number, too large to be
/// real, or against a documented rule (a negative quantity on a sale line). Its description
/// names the field and the value, e.g. `placedPrice 1e+30 is outside ±10000000000000`.
public struct ValueOutOfRange: Error, Sendable, Hashable, CustomStringConvertible {
    /// The source field (`placedPrice`, `inventory`, `lineItems[3].quantity`…).
    public var field: String
    public var value: Decimal
    /// What the value breaks, e.g. `is outside ±10000000000000`.
    public var rule: String

    public init(field: String, value: Decimal, rule: String) {
        self.field = field
        self.value = value
        self.rule = rule
    }

    public var description: String { "\(field) \(value.isNaN ? "NaN" : "\(value)") \(rule)" }
}

/// Rounds decimals to whole `Int64` values, half away from zero, without going through
/// `Double`. Shared by `Money`, `Measure` and `Quantity` so every unit conversion in the
/// mapping rounds, and refuses, the same way.
enum DecimalRounding {
    /// `value × 10^power` rounded half away from zero, as ``wholeNumber(_:scaledBy:field:largest:)`` with that
    /// scale.
    ///
    /// Why a second path: `Decimal`'s multiply, round and `description` were 5 % of a catalogue load's CPU (a
    /// stock level has two quantities, a product several measures). When the value's parts fit 64 bits
    /// (``DecimalParts``), the result is computed exactly with integers; a value out of range, NaN, or wider
    /// than 64 bits goes the `Decimal` way, which also words the refusal. Tests compare both paths.
    static func wholeNumber(_ value: Decimal, timesTenToThe power: Int, field: String,
                            largest: Decimal) throws(ValueOutOfRange) -> Int64 {
        if let parts = DecimalParts(value), let bound = DecimalParts(largest),
           let largestScaled = wholeNumber(bound, timesTenToThe: power, largestScaled: UInt64(Int64.max)),
           let whole = wholeNumber(parts, timesTenToThe: power, largestScaled: UInt64(largestScaled)) {
            return whole
        }
        return try wholeNumber(value, scaledBy: pow(10, power), field: field, largest: largest)
    }

    /// The integer path of ``wholeNumber(_:timesTenToThe:field:largest:)``: nil when the value
    /// lies beyond `largestScaled` (even by a fraction) or its scaled mantissa does not fit 64 bits.
    static func wholeNumber(_ parts: DecimalParts, timesTenToThe power: Int, largestScaled: UInt64) -> Int64? {
        guard largestScaled <= UInt64(Int64.max) else { return nil }
        let shift = parts.exponent + power   // value × 10^power = mantissa × 10^shift
        var magnitude: UInt64
        if parts.mantissa == 0 {
            magnitude = 0
        } else if shift >= 0 {
            guard shift < powersOfTen.count else { return nil }
            let (product, overflow) = parts.mantissa.multipliedReportingOverflow(by: powersOfTen[shift])
            guard !overflow, product <= largestScaled else { return nil }
            magnitude = product
        } else if -shift < powersOfTen.count {
            let divisor = powersOfTen[-shift]
            let (quotient, remainder) = parts.mantissa.quotientAndRemainder(dividingBy: divisor)
            // Beyond the largest by any fraction is refused, as the Decimal comparison would.
            guard quotient < largestScaled || quotient == largestScaled && remainder == 0 else { return nil }
            magnitude = quotient + (remainder >= divisor - remainder ? 1 : 0)   // half away from zero
        } else {
            magnitude = 0   // the mantissa (< 2^64 < 10^20) over 10^20 or more is below one half
        }
        return parts.isNegative ? -Int64(magnitude) : Int64(magnitude)
    }

    /// 10⁰ … 10¹⁹, every power of ten a `UInt64` holds.
    private static let powersOfTen: [UInt64] = (0...19).map { power in
        (0..<power).reduce(UInt64(1)) { value, _ in value * 10 }
    }

    static func wholeNumber(_ value: Decimal, scaledBy scale: Decimal, field: String,
                            largest: Decimal) throws(ValueOutOfRange) -> Int64 {
        guard !value.isNaN else { throw ValueOutOfRange(field: field, value: value, rule: "is not a number") }
        guard value <= largest, value >= -largest else {
            throw ValueOutOfRange(field: field, value: value, rule: "is outside ±\(largest)")
        }
        var source = value * scale
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, 0, .plain)   // .plain = half away from zero
        // Within the range above, `Decimal` prints a whole number without exponent or separators.
        guard let whole = Int64(rounded.description) else {
            throw ValueOutOfRange(field: field, value: value, rule: "has no whole-number form")
        }
        return whole
    }
}
