import Foundation
@testable import FlowMapping

/// Shared fixtures for the catalogue mapping tests.
enum CatalogueFixtures {
    static let settings = CatalogueMappingSettings(defaultVatCodeUid: "vat25", defaultProductGroupUid: "default",
                                                   mainPricesListUid: "main", currency: "NOK")

    /// 2026-06-15T00:00:00Z plus `days`.
    static func day(_ days: Int) -> Date {
        Date(timeIntervalSince1970: 1_781_481_600 + Double(days) * 86_400)
    }

    static func decimal(_ text: String) -> Decimal { Decimal(string: text)! }
}
