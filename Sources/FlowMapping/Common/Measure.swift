import Foundation

/// Omnium physical measures to Flow's integer units: weight in grams, dimensions in millimetres.
///
/// Omnium gives `weight` in kilograms and colli `height`/`width`/`length` in a unit the docs do
/// not name (the sandbox uses centimetres), so the length unit is configurable.
///
/// Spec: flow-integration.md §3.1 "Physical", §15; omnium-contract.md §6 (colli).
public enum Measure {
    /// A length unit Omnium data may be expressed in.
    public enum LengthUnit: String, Sendable, Codable, CaseIterable {
        case millimetre = "mm"
        case centimetre = "cm"
        case metre = "m"

        var millimetres: Decimal {
            switch self {
            case .millimetre: return 1
            case .centimetre: return 10
            case .metre: return 1000
            }
        }
    }

    /// Kilograms to whole grams, rounded half away from zero (`0.2505` kg → `251` g).
    public static func grams(kg: Decimal) -> Int64 {
        DecimalRounding.wholeNumber(kg * 1000)
    }

    /// A length to whole millimetres, rounded half away from zero; centimetres unless told
    /// otherwise (`12.35` cm → `124` mm).
    public static func millimetres(_ value: Decimal, unit: LengthUnit = .centimetre) -> Int64 {
        DecimalRounding.wholeNumber(value * unit.millimetres)
    }
}

/// Omnium quantities (`Decimal`) to Flow quantities in hundredths of a unit (`Int64`), the
/// convention Flow uses for purchase-order quantities, applied to stock so fractional units
/// (kg, metres) survive. Spec: flow-integration.md §9.1 ("×100"), §15.
public enum Quantity {
    /// `quantity × 100`, rounded half away from zero (`12.5` → `1250`).
    public static func hundredths(_ quantity: Decimal) -> Int64 {
        DecimalRounding.wholeNumber(quantity * 100)
    }
}
