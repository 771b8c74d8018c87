import Foundation
import Omnium

/// A product's weight (grams) and size (millimetres) from Omnium `weight` (kg) and `colli`.
///
/// Weight: the product's own `weight`; when it has none, the summed weight of its colli (a sofa
/// shipped in three boxes weighs what the three boxes weigh). Dimensions: the first colli's,
/// in `CatalogueMappingSettings.colliLengthUnit`. Zero or negative values count as unset; a value
/// beyond `Measure.largestMeasure` is dropped and reported in `refused` (the product still loads).
///
/// Spec: flow-integration.md §3.1 "Physical", §15.
struct PhysicalMeasures: Equatable {
    var weight: Int64?
    var height: Int64?
    var width: Int64?
    var length: Int64?
    /// Values refused as out of range; their fields are left unset.
    var refused: [ValueOutOfRange] = []

    init(_ product: OmniumProduct, lengthUnit: Measure.LengthUnit) {
        let colli = product.colli ?? []
        if let kg = positive(product.weight) {
            weight = checked { () throws(ValueOutOfRange) in try Measure.grams(kg: kg, field: "weight") }
        } else {
            let weights = colli.compactMap { positive($0.weight) }
            if !weights.isEmpty {
                weight = checked { () throws(ValueOutOfRange) in try Measure.grams(kg: weights.reduce(0, +), field: "colli weight") }
            }
        }
        let first = colli.first
        func millimetres(_ value: Decimal?, _ field: String) -> Int64? {
            positive(value).flatMap { value in
                checked { () throws(ValueOutOfRange) in try Measure.millimetres(value, unit: lengthUnit, field: field) }
            }
        }
        height = millimetres(first?.height, "colli height")
        width = millimetres(first?.width, "colli width")
        length = millimetres(first?.length, "colli length")
    }

    private mutating func checked(_ convert: () throws(ValueOutOfRange) -> Int64) -> Int64? {
        do { return try convert() } catch {
            refused.append(error)
            return nil
        }
    }
}

private func positive(_ value: Decimal?) -> Decimal? {
    guard let value, !value.isNaN, value > 0 else { return nil }
    return value
}
