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

        /// One of this unit in millimetres, as a power of ten.
        var millimetresPowerOfTen: Int {
            switch self {
            case .millimetre: return 0
            case .centimetre: return 1
            case .metre: return 3
            }
        }
    }

    /// The largest weight (kg) or length omniflow accepts: a million, in any unit. Anything
    /// larger is a data error, refused rather than clamped.
    public static let largestMeasure: Decimal = 1_000_000

    /// Kilograms to whole grams, rounded half away from zero (`0.2505` kg → `251` g).
    public static func grams(kg: Decimal, field: String = "weight") throws(ValueOutOfRange) -> Int64 {
        try DecimalRounding.wholeNumber(kg, timesTenToThe: 3, field: field, largest: largestMeasure)
    }

    /// A length to whole millimetres, rounded half away from zero; centimetres unless told
    /// otherwise (`12.35` cm → `124` mm).
    public static func millimetres(_ value: Decimal, unit: LengthUnit = .centimetre,
                                   field: String = "length") throws(ValueOutOfRange) -> Int64 {
        try DecimalRounding.wholeNumber(value, timesTenToThe: unit.millimetresPowerOfTen, field: field, largest: largestMeasure)
    }
}
