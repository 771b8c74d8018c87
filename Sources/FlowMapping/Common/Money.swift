import Foundation

/// Omnium money (`Decimal`, major units) to Flow money (`Int64` hundredths: øre, cents).
///
/// This is THE single rounding point for money in omniflow: no other code multiplies
/// amounts by 100 or rounds them. Amounts never pass through `Double`.
///
/// Spec: flow-integration.md §4 ("199.50 NOK becomes 19950"), §15; DESIGN.md "Money".
public enum Money {
    /// `amount × 100`, rounded **half away from zero** to a whole number of hundredths.
    ///
    /// `199.50` → `19950`; `0.125` → `13`; `-0.125` → `-13`; `0.124` → `12`.
    /// Half away from zero (commercial rounding) is what Norwegian retail and most ERPs use;
    /// it keeps a refund the exact mirror of its sale. NaN maps to `0`; results beyond the
    /// `Int64` range saturate (no real amount comes near ±92 quadrillion).
    public static func hundredths(_ amount: Decimal) -> Int64 {
        DecimalRounding.wholeNumber(amount * 100)
    }
}

/// Rounds decimals to whole `Int64` values, half away from zero, without going through
/// `Double`. Shared by `Money`, `Measure` and `Quantity` so every unit conversion in the
/// mapping rounds the same way.
enum DecimalRounding {
    static func wholeNumber(_ value: Decimal) -> Int64 {
        if value.isNaN { return 0 }
        var source = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &source, 0, .plain)   // .plain = half away from zero
        if rounded >= Decimal(Int64.max) { return .max }
        if rounded <= Decimal(Int64.min) { return .min }
        // `Decimal` prints a whole number without exponent or separators; parse it exactly.
        return Int64(rounded.description) ?? 0
    }
}
