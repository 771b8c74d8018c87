import Foundation
import SQLite
import XCTest
@testable import FlowStore

final class CataloguePricesStockTableTests: XCTestCase {
    private func day(_ n: Int) -> Date { Date(timeIntervalSince1970: 1_781_481_600 + Double(n) * 86_400) }
    private let key = FlowPriceKey(priceListUid: "main", productUid: "sko")

    private func periods() -> [FlowPrice] {
        [FlowPrice(priceListUid: "main", productUid: "sko", price: 99_950, isCampaign: true, originalPrice: 129_900,
                   validFrom: day(-3), validTo: day(4)),
         FlowPrice(priceListUid: "main", productUid: "sko", price: 129_900, validFrom: day(4), validTo: day(30)),
         FlowPrice(priceListUid: "main", productUid: "sko", price: 139_900, validFrom: day(30))]
    }

    func testPriceListsUpsert() throws {
        let db = try makeCatalogueTestDatabase(self)
        let lists = [FlowPriceList(priceListUid: "main", name: "Main prices", currency: "NOK"),
                     FlowPriceList(priceListUid: "oslo_prices", name: "oslo prices", currency: "NOK", storeUid: "oslo")]
        XCTAssertEqual(try PricesTable.upsert(lists, in: db), UpsertCounts(inserted: 2))
        XCTAssertEqual(try PricesTable.upsert(lists, in: db), UpsertCounts(unchanged: 2))
        XCTAssertEqual(try PricesTable.fetchAllPriceLists(in: db), lists)
    }

    func testPricesReplaceByKey() throws {
        let db = try makeCatalogueTestDatabase(self)
        XCTAssertEqual(try PricesTable.replace(periods(), forKeys: [key], in: db), UpsertCounts(inserted: 3))
        XCTAssertEqual(try PricesTable.fetchPrices(priceListUid: "main", productUid: "sko", in: db), periods())
        XCTAssertEqual(try PricesTable.fetchPrice(priceListUid: "main", productUid: "sko", at: day(0), in: db)?.price, 99_950)
        XCTAssertEqual(try PricesTable.fetchPrice(priceListUid: "main", productUid: "sko", at: day(4), in: db)?.price, 129_900)

        try countRowUpdates(on: "prices", in: db)
        XCTAssertEqual(try PricesTable.replace(periods(), forKeys: [key], in: db), UpsertCounts(unchanged: 3))
        XCTAssertEqual(try rowUpdates(on: "prices", in: db), 0)

        // The campaign ended, the new base price was moved: one period gone, one changed, one kept.
        var next = Array(periods().dropFirst())
        next[0].validFrom = day(4)
        next[0].validTo = day(31)
        next[1].validFrom = day(31)
        next[1].price = 149_900
        XCTAssertEqual(try PricesTable.replace(next, forKeys: [key], in: db),
                       UpsertCounts(inserted: 1, updated: 1, deleted: 2))
        XCTAssertEqual(try PricesTable.fetchPrices(priceListUid: "main", productUid: "sko", in: db), next)
    }

    func testKeyWithoutPricesLosesItsPeriodsAndOtherKeysStay() throws {
        let db = try makeCatalogueTestDatabase(self)
        let other = FlowPrice(priceListUid: "main", productUid: "hatt", price: 100)
        _ = try PricesTable.replace(periods() + [other], forKeys: [], in: db)
        XCTAssertEqual(try PricesTable.replace([], forKeys: [key], in: db), UpsertCounts(deleted: 3))
        XCTAssertEqual(try PricesTable.count(in: db), 1)
        XCTAssertEqual(try PricesTable.fetchPrices(priceListUid: "main", productUid: "hatt", in: db), [other])
    }

    func testStockUpsertCountsAndAvailable() throws {
        let db = try makeCatalogueTestDatabase(self)
        let levels = [FlowStock(warehouseUid: "oslo", productUid: "a", quantity: 1200, reserved: 200),
                      FlowStock(warehouseUid: "oslo", productUid: "b", quantity: 0)]
        XCTAssertEqual(try StockTable.upsert(levels, in: db), UpsertCounts(inserted: 2))
        try countRowUpdates(on: "stock", in: db)
        XCTAssertEqual(try StockTable.upsert(levels, in: db), UpsertCounts(unchanged: 2))
        XCTAssertEqual(try rowUpdates(on: "stock", in: db), 0)
        let sold = [FlowStock(warehouseUid: "oslo", productUid: "a", quantity: 1100, reserved: 200), levels[1]]
        XCTAssertEqual(try StockTable.upsert(sold, in: db), UpsertCounts(updated: 1, unchanged: 1))
        XCTAssertEqual(try StockTable.fetch(warehouseUid: "oslo", productUid: "a", in: db)?.available, 900)
        XCTAssertEqual(try StockTable.fetchAll(warehouseUid: "oslo", in: db), sold)
    }

    func testBatchRollsBackAsOneWhenTheCallerTransactionFails() throws {
        let db = try makeCatalogueTestDatabase(self)
        struct Boom: Error {}
        XCTAssertThrowsError(try db.inTransaction {
            _ = try StockTable.upsert([FlowStock(warehouseUid: "oslo", productUid: "a", quantity: 1)], in: db)
            throw Boom()
        })
        XCTAssertNil(try StockTable.fetch(warehouseUid: "oslo", productUid: "a", in: db))
    }
}
