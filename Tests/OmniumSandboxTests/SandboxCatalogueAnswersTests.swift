import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// The catalogue routes' answers (products, prices, stock; pages and scroll batches), put together
/// from hand-written record bytes, against ``SandboxResponseEncoder`` writing the same
/// `OmniumSearchResult` — byte for byte — and changes made by mutations and writes showing in the
/// very next answer.
final class SandboxCatalogueAnswersTests: XCTestCase {
    private func harness(recordCacheBytes: Int = SandboxRecordCache.defaultBudget) throws -> SandboxTestHarness {
        try SandboxTestHarness { configuration in
            configuration.recordCacheBytes = recordCacheBytes
            configuration.rateLimits = .disabled
            configuration.scale = SandboxScale(products: 40, stores: 4, orders: 2, purchaseOrders: 2,
                                                           privateCustomers: 1, businessCustomers: 1)
            configuration.scroll = SandboxScrollSettings(batchSize: 7, idleTimeout: .seconds(300))
        }
    }

    private var state: SandboxState!

    func testProductPagesAndScrollsEqualTheGenericEncoder() throws {
        let harness = try harness()
        state = harness.services.state
        let token = try harness.token()
        let body = #"{"take": 6, "page": 2}"#
        let request = try OmniumJSON.decoder.decode(OmniumProductSearchRequest.self, from: Data(body.utf8))
        let page = harness.send(.POST, "/api/Products/SearchProducts", body: body, token: token)
        let matches = try state.products(matching: request)
        try assertBody(page, OmniumSearchResult(totalHits: matches.count, result: matches.elements(in: 12..<18), facets: []))

        try assertScroll(harness, token: token, start: (.POST, "/api/Products/Scroll", "{}"), resource: "Products",
                         expected: try state.products(matching: OmniumProductSearchRequest()))
    }

    func testPriceAndStockScrollsEqualTheGenericEncoder() throws {
        try priceAndStockScrolls(try harness())
        // A second time: every generated record now comes from the record cache.
        let warm = try harness()
        try priceAndStockScrolls(warm)
        let hits = warm.services.state.recordCache.statistics.hits
        try priceAndStockScrolls(warm)
        XCTAssertGreaterThan(warm.services.state.recordCache.statistics.hits, hits)
        // And with no cache at all.
        try priceAndStockScrolls(try harness(recordCacheBytes: 0))
    }

    func testProductAnswersFromTheCacheAndWithoutOne() throws {
        for budget in [SandboxRecordCache.defaultBudget, 0, 20_000] {
            let harness = try harness(recordCacheBytes: budget)
            state = harness.services.state
            let token = try harness.token()
            for _ in 0..<2 {
                try assertScroll(harness, token: token, start: (.POST, "/api/Products/Scroll", "{}"), resource: "Products",
                                 expected: try state.products(matching: OmniumProductSearchRequest()))
            }
            let cached = state.recordCache.statistics
            XCTAssertLessThanOrEqual(cached.bytes, budget)
            if budget == 0 { XCTAssertEqual(cached.hits, 0) } else { XCTAssertGreaterThan(cached.hits, 0) }
        }
    }

    private func priceAndStockScrolls(_ harness: SandboxTestHarness) throws {
        state = harness.services.state
        let token = try harness.token()
        let prices = #"{"marketId": "NOR", "scrollSize": 9}"#
        let priceRequest = try OmniumJSON.decoder.decode(OmniumPriceSearchRequest.self, from: Data(prices.utf8))
        try assertScroll(harness, token: token, start: (.POST, "/api/Prices/Search", prices), resource: "Prices",
                         expected: try state.prices(matching: priceRequest), batch: 9)

        let stock = #"{"warehouseCodes": ["nettlager", "sentrallager"]}"#
        let stockRequest = try OmniumJSON.decoder.decode(OmniumInventorySearchRequest.self, from: Data(stock.utf8))
        try assertScroll(harness, token: token, start: (.POST, "/api/Inventory/Search", stock), resource: "Inventory",
                         expected: try state.inventory(matching: stockRequest))
    }

    func testMutationsAndWritesShowInTheNextAnswer() throws {
        let harness = try harness()
        state = harness.services.state
        let token = try harness.token()
        let productBody = #"{"take": 100}"#
        let stockBody = #"{"warehouseCodes": ["nettlager"]}"#
        let before = harness.send(.POST, "/api/Products/SearchProducts", body: productBody, token: token).text
        let stockBefore = harness.send(.POST, "/api/Inventory/Search", body: stockBody, token: token).text

        let priceBody = #"{"marketId": "NOR", "scrollSize": 1000}"#
        let pricesBefore = harness.send(.POST, "/api/Prices/Search", body: priceBody, token: token).text
        let changed = SandboxMutations.apply(to: state, fraction: 0.25)
        let pricesAfter = harness.send(.POST, "/api/Prices/Search", body: priceBody, token: token)
        XCTAssertNotEqual(pricesAfter.text, pricesBefore)
        let priceRequest = try OmniumJSON.decoder.decode(OmniumPriceSearchRequest.self, from: Data(priceBody.utf8))
        let prices = try state.prices(matching: priceRequest)
        XCTAssertLessThanOrEqual(prices.count, 1_000)
        try assertBody(pricesAfter, OmniumSearchResult(totalHits: prices.count, result: prices.all))
        let after = harness.send(.POST, "/api/Products/SearchProducts", body: productBody, token: token)
        XCTAssertNotEqual(after.text, before)
        let request = try OmniumJSON.decoder.decode(OmniumProductSearchRequest.self, from: Data(productBody.utf8))
        let matches = try state.products(matching: request)
        try assertBody(after, OmniumSearchResult(totalHits: matches.count, result: matches.all, facets: []))
        let names = try after.decoded(OmniumSearchResult<OmniumProduct>.self).result.compactMap(\.name)
        XCTAssertEqual(names.filter { $0.hasSuffix("(1. utgave)") }.count, changed.productIndices.count)

        // A stock write through the API, then the next search.
        let item = try XCTUnwrap(try harness.send(.POST, "/api/Inventory/Search", body: stockBody, token: token)
            .decoded(OmniumSearchResult<OmniumInventoryItem>.self).result.first)
        let write = harness.send(.PUT, "/api/Inventory/UpdateMany", body: """
            [{"sku": "\(item.sku ?? "")", "warehouseCode": "nettlager", "inventory": 987654}]
            """, token: token)
        XCTAssertEqual(write.status, .ok, write.text)
        let stockAfter = harness.send(.POST, "/api/Inventory/Search", body: stockBody, token: token)
        XCTAssertNotEqual(stockAfter.text, stockBefore)
        XCTAssertTrue(stockAfter.text.contains(#""inventory":987654"#))
        let stockRequest = try OmniumJSON.decoder.decode(OmniumInventorySearchRequest.self, from: Data(stockBody.utf8))
        let stock = try state.inventory(matching: stockRequest)
        try assertBody(stockAfter, OmniumSearchResult(totalHits: stock.count, result: stock.elements(in: 0..<7),
                                                      scrollId: try stockAfter.decoded(OmniumSearchResult<OmniumInventoryItem>.self).scrollId))
    }

    // MARK: - Helpers

    /// Starts a scroll and reads it to its end, each answer compared with the encoder's bytes.
    private func assertScroll<Element: Codable & Sendable>(
        _ harness: SandboxTestHarness, token: String, start: (HTTPMethod, String, String), resource: String,
        expected: SandboxResultSet<Element>, batch: Int = 7, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertGreaterThan(expected.count, batch, "more than one batch", file: file, line: line)
        let first = harness.send(start.0, start.1, body: start.2, token: token)
        let scrollId = try XCTUnwrap(try first.decoded(OmniumSearchResult<Element>.self).scrollId, file: file, line: line)
        try assertBody(first, OmniumSearchResult(totalHits: expected.count, result: expected.elements(in: 0..<batch),
                                                 scrollId: scrollId), file: file, line: line)
        var position = batch
        while true {
            let next = harness.send(.GET, "/api/\(resource)/Scroll/\(scrollId)", token: token)
            let items = expected.elements(in: position..<(position + batch))
            try assertBody(next, OmniumSearchResult(totalHits: expected.count, result: items,
                                                    scrollId: items.isEmpty ? nil : scrollId), file: file, line: line)
            if items.isEmpty { break }
            position += batch
        }
    }

    private func assertBody<Element: Codable & Sendable>(_ response: HTTPResponse, _ expected: OmniumSearchResult<Element>,
                                                         file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(response.status, .ok, response.text, file: file, line: line)
        let bytes = String(decoding: try SandboxResponseEncoder.encode(expected), as: UTF8.self)
        if response.text != bytes {
            XCTFail("answer differs from the encoder's bytes:\n  \(response.text.prefix(600))\nencoder:\n  \(bytes.prefix(600))",
                    file: file, line: line)
        }
    }
}
