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

    /// A batch's keys are asked for stored periods at once, and a key without any gets its periods inserted
    /// without a look-up (issue 8): tables and counts must be exactly those of the compared way, key by key, for
    /// a first load, a later batch mixing new, changed, vanished and unchanged periods across two price lists,
    /// a key listed with no prices, and hundreds of keys of one list.
    func testABatchWritesExactlyWhatTheComparedWayWritesKeyByKey() throws {
        func prices(_ products: ClosedRange<Int>, list: String, price: Int64, campaignUntil: Int? = nil) -> [FlowPrice] {
            products.flatMap { n -> [FlowPrice] in
                let base = FlowPrice(priceListUid: list, productUid: "p\(n)", price: price + Int64(n), validFrom: day(-10))
                guard let end = campaignUntil, n.isMultiple(of: 3) else { return [base] }
                return [base, FlowPrice(priceListUid: list, productUid: "p\(n)", price: price / 2, isCampaign: true,
                                        originalPrice: price + Int64(n), validFrom: day(0), validTo: day(end))]
            }
        }
        let batches: [(prices: [FlowPrice], keys: [FlowPriceKey])] = [
            (prices(1...700, list: "main", price: 10_000) + prices(1...20, list: "oslo", price: 9_000, campaignUntil: 7), []),
            (prices(100...760, list: "main", price: 11_000, campaignUntil: 5) + prices(1...20, list: "oslo", price: 9_000),
             [FlowPriceKey(priceListUid: "main", productUid: "p1"), FlowPriceKey(priceListUid: "main", productUid: "none")]),
            (prices(650...760, list: "main", price: 11_000, campaignUntil: 5), []),
        ]
        let batched = try makeCatalogueTestDatabase(self), keyByKey = try makeCatalogueTestDatabase(self)
        for (number, batch) in batches.enumerated() {
            let written = try batched.inTransaction { try PricesTable.replace(batch.prices, forKeys: batch.keys, in: batched) }
            let byKey = Dictionary(grouping: batch.prices) { FlowPriceKey(priceListUid: $0.priceListUid, productUid: $0.productUid) }
            let expected = try keyByKey.inTransaction {
                try Set(batch.keys).union(byKey.keys).sorted().reduce(into: UpsertCounts()) { counts, key in
                    counts += try PricesTable.replace(byKey[key] ?? [], key: key, in: keyByKey)
                }
            }
            XCTAssertEqual(written, expected, "batch \(number + 1)")
        }
        let dump = "SELECT price_list_uid, product_uid, valid_from, valid_to, price, is_campaign, original_price, content_hash "
            + "FROM prices ORDER BY 1, 2, 3"
        XCTAssertEqual(try batched.fetchAll(sql: dump), try keyByKey.fetchAll(sql: dump))
        XCTAssertEqual(try PricesTable.fetchPrices(priceListUid: "main", productUid: "p1", in: batched), [])
        XCTAssertEqual(try PricesTable.fetchPrices(priceListUid: "main", productUid: "p660", in: batched).count, 2)
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
