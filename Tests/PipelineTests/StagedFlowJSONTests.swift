import FlowStore
import Foundation
@testable import Pipeline
import Staging
import XCTest

/// The product and price entries a transform stages are written by hand (`StagedJSONWriter`): the bytes
/// must be the staging encoder's, and the load's decoder must read them back to the same entries.
final class StagedFlowJSONTests: XCTestCase {
    private let texts = ["", "Genser", "Ull/bomull 50/50", "Blå \"Fjell\" jakke", "C:\\tmp", "linje 1\nlinje 2",
                         "\t\r\u{08}\u{0C}\u{01}\u{1F}\u{7F}", "😀 ✓", "\u{2028}\u{2029}", "</script>"]
    private let dates: [Date?] = [nil, Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_796_000_000.123),
                                  Date(timeIntervalSince1970: -86_400.5), Date(timeIntervalSince1970: 4_102_444_800)]
    private let amounts: [Int64?] = [nil, 0, -1, 19_990, Int64.max, Int64.min]

    private func assertStagedBytes<Entry: Codable & Equatable>(_ entry: Entry, _ staged: Data,
                                                              file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try RunStaging.makeEncoder().encode(entry)
        XCTAssertEqual(String(decoding: staged, as: UTF8.self), String(decoding: expected, as: UTF8.self),
                       file: file, line: line)
        XCTAssertEqual(try RunStaging.makeDecoder().decode(Entry.self, from: staged), entry, file: file, line: line)
    }

    func testProductEntriesAreTheStagingEncodersBytes() throws {
        var generator = SystemRandomNumberGenerator()
        func text() -> String { texts.randomElement(using: &generator)! }
        func optionalText() -> String? { Bool.random(using: &generator) ? nil : text() }
        func amount() -> Int64? { amounts.randomElement(using: &generator)! }
        for index in 0..<400 {
            let product = FlowProduct(
                productUid: "P\(index)" + text(), sku: text(), name: text(), vatCodeUid: text(), productGroupUid: text(),
                siblingGroupUid: optionalText(), description: optionalText(), shortDescription: optionalText(),
                color: optionalText(), size: optionalText(), brandUid: optionalText(),
                barcodes: (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() },
                isActive: Bool.random(using: &generator), allowPurchase: Bool.random(using: &generator),
                purchasePrice: amount(), currencyPurchasePrice: amount(), currency: optionalText(),
                recommendedRetailPrice: amount(), weight: amount(), height: amount(), width: amount(), length: amount())
            let images = (0..<Int.random(in: 0...2, using: &generator)).map { order in
                FlowProductImage(productUid: product.productUid, url: "https://cdn.example/" + text(),
                                 fileName: optionalText(), sortOrder: order - 1, isMain: order == 0)
            }
            let entry = FlowProductEntry(product: product, images: images)
            try assertStagedBytes(entry, entry.stagedJSON)
        }
    }

    func testPriceEntriesAreTheStagingEncodersBytes() throws {
        var generator = SystemRandomNumberGenerator()
        for index in 0..<400 {
            let key = FlowPriceKey(priceListUid: texts.randomElement(using: &generator)!, productUid: "P\(index)")
            let periods = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                FlowPrice(priceListUid: key.priceListUid, productUid: key.productUid,
                          price: amounts.compactMap { $0 }.randomElement(using: &generator)!,
                          isCampaign: Bool.random(using: &generator),
                          originalPrice: amounts.randomElement(using: &generator)!,
                          validFrom: dates.randomElement(using: &generator)!, validTo: dates.randomElement(using: &generator)!)
            }
            let entry = FlowPriceEntry(key: key, periods: periods)
            try assertStagedBytes(entry, entry.stagedJSON)
        }
    }
}
