import Foundation
import Omnium

/// A product's weight (grams) and size (millimetres) from Omnium `weight` (kg) and `colli`.
///
/// Weight: the product's own `weight`; when it has none, the summed weight of its colli (a sofa
/// shipped in three boxes weighs what the three boxes weigh). Dimensions: the first colli's,
/// in `CatalogueMappingSettings.colliLengthUnit`. Zero or negative values count as unset.
///
/// Spec: flow-integration.md §3.1 "Physical", §15.
struct PhysicalMeasures: Equatable {
    var weight: Int64?
    var height: Int64?
    var width: Int64?
    var length: Int64?

    init(_ product: OmniumProduct, lengthUnit: Measure.LengthUnit) {
        let colli = product.colli ?? []
        if let kg = positive(product.weight) {
            weight = Measure.grams(kg: kg)
        } else {
            let weights = colli.compactMap { positive($0.weight) }
            weight = weights.isEmpty ? nil : Measure.grams(kg: weights.reduce(0, +))
        }
        let first = colli.first
        height = positive(first?.height).map { Measure.millimetres($0, unit: lengthUnit) }
        width = positive(first?.width).map { Measure.millimetres($0, unit: lengthUnit) }
        length = positive(first?.length).map { Measure.millimetres($0, unit: lengthUnit) }
    }
}

private func positive(_ value: Decimal?) -> Decimal? {
    guard let value, !value.isNaN, value > 0 else { return nil }
    return value
}
