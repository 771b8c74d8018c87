import FlowStore
import Foundation
@testable import Pipeline
import Staging
import XCTest

/// The product and price entries a transform stages are written by hand (`StagedJSONWriter`) and read back by
/// hand (`StagedJSONReader`): the bytes must be the staging encoder's, the hand reader must give what
/// `JSONDecoder` gives, and it must decline anything not in the writer's shape.
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

    private func assertReadBack<Entry: Codable & Equatable & StagedJSONDecodable>(_ entry: Entry, _ staged: Data,
                                                                               file: StaticString = #filePath,
                                                                               line: UInt = #line) {
        XCTAssertEqual(Entry(stagedJSON: staged), entry, String(decoding: staged, as: UTF8.self), file: file, line: line)
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
            assertReadBack(entry, entry.stagedJSON)
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
            assertReadBack(entry, entry.stagedJSON)
        }
    }

    func testTheHandReaderDeclinesWhatTheWriterDoesNotWrite() throws {
        let key = #"{"key":{"priceListUid":"main","productUid":"P1"},"periods":["#
        let period = #"{"isCampaign":false,"price":19990,"priceListUid":"main","productUid":"P1"}"#
        XCTAssertEqual(FlowPriceEntry(stagedJSON: Data((key + period + "]}").utf8))?.periods.first?.price, 19_990)
        for text in [
            key + period + "]} ",                                             // something after the value
            key + period.replacingOccurrences(of: "19990", with: "19990.0") + "]}",   // a fraction
            key + period.replacingOccurrences(of: "19990", with: "1e4") + "]}",       // an exponent
            key + period.replacingOccurrences(of: "19990", with: "019990") + "]}",    // a leading zero
            key + period.replacingOccurrences(of: "19990", with: "9223372036854775808") + "]}",   // beyond Int64
            key + period.replacingOccurrences(of: "false", with: "null") + "]}",
            key + period.replacingOccurrences(of: #""price":19990,"#, with: "") + "]}",           // a required member missing
            key + period.replacingOccurrences(of: #"{"isCampaign":false,"#, with: #"{"price":1,"isCampaign":false,"#) + "]}",
            key + period.replacingOccurrences(of: "main", with: #"m\u00e5in"#) + "]}",      // an escape the encoder does not write
            key + period + "," + period + "]",                                // truncated
            key + period + ", " + period + "]}",                              // whitespace
            #"{"periods":[],"key":{"priceListUid":"main","productUid":"P1"}}"#,   // another member order
        ] {
            XCTAssertNil(FlowPriceEntry(stagedJSON: Data(text.utf8)), text)
        }
        XCTAssertNil(FlowPriceEntry(stagedJSON: Data([0x7B, 0x22, 0xFF])))
        // Text that is not UTF-8, with and without an escape before it; text beyond ASCII that is.
        for (bad, escaped) in [([UInt8]([0xFF]), false), ([0xC3], false), ([0xED, 0xA0, 0x80], false), ([0xFF], true)] {
            let uid = Array("P".utf8) + (escaped ? Array(#"\n"#.utf8) : []) + bad
            let text = Array(key.replacingOccurrences(of: "P1", with: "@").utf8).split(separator: UInt8(ascii: "@"))
            let bytes = Array(text[0]) + uid + Array(text[1]) + Array((period + "]}").utf8)
            XCTAssertNil(FlowPriceEntry(stagedJSON: Data(bytes)), "\(bad), escaped \(escaped)")
        }
        for uid in ["Bjørnø blå 😀", #"Bjørnø\nblå"#] {
            let entry = FlowPriceEntry(stagedJSON: Data((key.replacingOccurrences(of: "P1", with: uid) + period + "]}").utf8))
            XCTAssertEqual(entry?.key.productUid, uid.replacingOccurrences(of: #"\n"#, with: "\n"), uid)
        }
        let negative = Data((key + period.replacingOccurrences(of: "19990", with: "-9223372036854775808") + "]}").utf8)
        XCTAssertEqual(FlowPriceEntry(stagedJSON: negative)?.periods.first?.price, Int64.min)
    }
}
