import FlowStore
import Foundation
import Omnium
import XCTest
@testable import FlowMapping

/// Cost-price records (`priceType` CostPrice) in the price index: cost only, never a selling price.
final class CataloguePriceTypeTests: XCTestCase {
    private func day(_ n: Int) -> Date { CatalogueFixtures.day(n) }
    private let d = CatalogueFixtures.decimal

    private var prices: [OmniumPrice] {
        [
            OmniumPrice(code: "sko-42", marketId: "NOR", currencyCode: "NOK", unitPrice: d("1299.00"), validFrom: day(-200)),
            // Same start, lower amount, tax-excluded: as a selling price it would win the period.
            OmniumPrice(code: "sko-42", marketId: "NOR", currencyCode: "NOK", unitPrice: d("519.60"), cost: d("519.60"),
                        validFrom: day(-200), isTaxExcluded: true, taxRate: 25, priceType: "CostPrice"),
        ]
    }

    func testCostPriceRecordIsNotASellingPrice() {
        let result = PriceMapping.map(prices, settings: CatalogueFixtures.settings, businessDate: day(0))
        XCTAssertEqual(result.issues, [])
        XCTAssertEqual(result.prices, [FlowPrice(priceListUid: "main", productUid: "sko-42", price: 129900,
                                                 validFrom: day(-200))])
        XCTAssertEqual(result.skipped["cost price (no cost price list)"], 1)
    }

    func testCostPriceRecordGoesToTheCostListWhenOneIsConfigured() {
        var settings = CatalogueFixtures.settings
        settings.costPriceListUid = "cost"
        var records = prices
        records[1].cost = nil   // the amount is in unitPrice only
        let result = PriceMapping.map(records, settings: settings, businessDate: day(0))
        XCTAssertEqual(result.prices.filter { $0.priceListUid == "main" }.map(\.price), [129900])
        XCTAssertEqual(result.prices.filter { $0.priceListUid == "cost" }.map(\.price), [51960])
    }
}
