import FlowStore
import Foundation
import Omnium
import XCTest
@testable import FlowMapping

final class CataloguePriceMappingTests: XCTestCase {
    private func day(_ n: Int) -> Date { CatalogueFixtures.day(n) }
    private let d = CatalogueFixtures.decimal

    func testOverlappingValidityAndCampaignInMainList() {
        let prices = [
            OmniumPrice(code: "sko-42", marketId: "NOR", currencyCode: "NOK", unitPrice: d("1299.00"),
                        validFrom: day(-200)),
            OmniumPrice(code: "sko-42", marketId: "NOR", currencyCode: "NOK", unitPrice: d("999.50"),
                        originalUnitPrice: d("1299.00"), validFrom: day(-3), validUntil: day(4)),
            OmniumPrice(code: "sko-42", marketId: "NOR", currencyCode: "NOK", unitPrice: d("1399"),
                        validFrom: day(30)),
        ]
        let result = PriceMapping.map(prices, settings: CatalogueFixtures.settings, businessDate: day(0))
        XCTAssertEqual(result.issues, [])
        XCTAssertEqual(result.priceLists, [FlowPriceList(priceListUid: "main", name: "Main prices", currency: "NOK")])
        XCTAssertEqual(result.replacedKeys, [FlowPriceKey(priceListUid: "main", productUid: "sko-42")])
        XCTAssertEqual(result.prices, [
            FlowPrice(priceListUid: "main", productUid: "sko-42", price: 99950, isCampaign: true,
                      originalPrice: 129900, validFrom: day(-3), validTo: day(4)),
            FlowPrice(priceListUid: "main", productUid: "sko-42", price: 129900, validFrom: day(4), validTo: day(30)),
            FlowPrice(priceListUid: "main", productUid: "sko-42", price: 139900, validFrom: day(30)),
        ])
    }

    func testFiltersSkipAndQuarantine() {
        var settings = CatalogueFixtures.settings
        settings.marketIds = ["NOR"]
        let prices = [
            OmniumPrice(code: "a", marketId: "NOR", unitPrice: 10),
            OmniumPrice(code: "a", marketId: "SWE", unitPrice: 9),
            OmniumPrice(code: "a", unitPrice: 5, customerId: "c1"),
            OmniumPrice(code: "a", unitPrice: 6, customerGroup: "vip"),
            OmniumPrice(code: "a", unitPrice: 7, minQuantity: 10),
            OmniumPrice(code: "a", storeId: "oslo", unitPrice: 8),
            OmniumPrice(code: "b", currencyCode: "EUR", unitPrice: 1),
            OmniumPrice(code: "c", unitPrice: -1),
            OmniumPrice(code: "d", unitPrice: 1, isTaxExcluded: true),
            OmniumPrice(code: "e"),
            OmniumPrice(unitPrice: 1),
            OmniumPrice(code: "f", unitPrice: 1, validFrom: day(2), validUntil: day(1)),
        ]
        let result = PriceMapping.map(prices, settings: settings, businessDate: day(0))
        XCTAssertEqual(result.prices.map(\.price), [1000])
        XCTAssertEqual(result.skipped, ["other market": 1, "customer price": 2, "quantity-break price": 1,
                                        "store price (StorePriceListsInFlow off)": 1])
        XCTAssertEqual(result.issues.map(\.recordKey), ["b", "c", "d", "e", "?", "f"])
        XCTAssertTrue(result.issues.allSatisfy { $0.entity == .price && $0.outcome == .recordQuarantined })
    }

    func testWithEveryMarketSelectedAForeignCurrencyMarketIsSkippedAndCountedNotQuarantined() {
        let settings = CatalogueFixtures.settings  // no market ids: every market
        let prices = [
            OmniumPrice(code: "a", marketId: "NOR", currencyCode: "NOK", unitPrice: 10),
            OmniumPrice(code: "a", marketId: "SWE", currencyCode: "SEK", unitPrice: 11),
            OmniumPrice(code: "b", marketId: "SWE", currencyCode: "sek", unitPrice: 12),
            OmniumPrice(code: "c", currencyCode: "EUR", unitPrice: 1),
        ]
        let result = PriceMapping.map(prices, settings: settings, businessDate: day(0))
        XCTAssertEqual(result.prices.map(\.price), [1000])
        XCTAssertEqual(result.skipped, ["other market SWE in SEK (set OMNIFLOW_MARKET_IDS to choose markets)": 2])
        XCTAssertEqual(result.issues.map(\.recordKey), ["c"], "a foreign price of no market is still an error")
    }

    func testStorePriceListsAndTaxExcludedConversion() {
        var settings = CatalogueFixtures.settings
        settings.storePriceListsInFlow = true
        let prices = [
            OmniumPrice(code: "a", unitPrice: 100),
            OmniumPrice(code: "a", storeId: "Oslo Sentrum", unitPrice: 80, isTaxExcluded: true, taxRate: 25),
        ]
        let result = PriceMapping.map(prices, settings: settings, businessDate: day(0))
        let oslo = FlowUID.sanitize("Oslo Sentrum")!
        XCTAssertEqual(result.priceLists.map(\.priceListUid), [oslo + "_prices", "main"])
        XCTAssertEqual(result.priceLists.first?.storeUid, oslo)
        XCTAssertEqual(result.prices.map(\.price), [10000, 10000])
        XCTAssertEqual(result.prices.map(\.priceListUid), [oslo + "_prices", "main"])
    }

    func testCostPricesGoToTheCostList() {
        var settings = CatalogueFixtures.settings
        settings.costPriceListUid = "cost"
        let prices = [OmniumPrice(code: "a", unitPrice: 100, cost: d("41.255"), validFrom: day(-1)),
                      OmniumPrice(code: "b", cost: 12)]
        let result = PriceMapping.map(prices, settings: settings, businessDate: day(0))
        XCTAssertEqual(result.replacedKeys.map(\.priceListUid), ["cost", "cost", "main"])
        XCTAssertEqual(result.prices.filter { $0.priceListUid == "cost" }.map(\.price), [4126, 1200])
        XCTAssertFalse(result.prices.contains { $0.priceListUid == "cost" && $0.isCampaign })
    }

    func testExpiredPricesStillReplaceTheirKey() {
        let result = PriceMapping.map([OmniumPrice(code: "a", unitPrice: 1, validFrom: day(-9), validUntil: day(-1))],
                                      settings: CatalogueFixtures.settings, businessDate: day(0))
        XCTAssertEqual(result.prices, [])
        XCTAssertEqual(result.replacedKeys, [FlowPriceKey(priceListUid: "main", productUid: "a")])
    }

    func testOmniumUnsetDateMeansNoDate() {
        let unset = Date(timeIntervalSince1970: -62_135_596_800)   // 0001-01-01T00:00:00Z
        let result = PriceMapping.map([OmniumPrice(code: "a", unitPrice: 1, validFrom: unset, validUntil: unset)],
                                      settings: CatalogueFixtures.settings, businessDate: day(0))
        XCTAssertEqual(result.prices, [FlowPrice(priceListUid: "main", productUid: "a", price: 100)])
    }

    func testInputOrderDoesNotChangeTheResult() {
        let prices = [
            OmniumPrice(code: "a", unitPrice: 100, validFrom: day(-50)),
            OmniumPrice(code: "a", unitPrice: 90, validFrom: day(-5), validUntil: day(5), modified: day(-6)),
            OmniumPrice(code: "a", unitPrice: 95, validFrom: day(-5), validUntil: day(7), modified: day(-7)),
            OmniumPrice(code: "b", unitPrice: 10),
            OmniumPrice(code: "a", unitPrice: 120, validFrom: day(40)),
        ]
        let forward = PriceMapping.map(prices, settings: CatalogueFixtures.settings, businessDate: day(0))
        let backward = PriceMapping.map(prices.reversed(), settings: CatalogueFixtures.settings, businessDate: day(0))
        XCTAssertEqual(forward, backward)
        XCTAssertEqual(forward.prices.map(\.price), [9000, 9500, 10000, 12000, 1000])
    }
}
