import Foundation
import XCTest
@testable import Omnium

/// Bodies written as bytes (`OmniumJSONBytes`) are the very text `OmniumJSON.encode` gives the same model,
/// so the wire does not change when a push skips `JSONEncoder`.
final class OmniumJSONBytesTests: XCTestCase {
    /// Texts that exercise every escape `JSONEncoder` makes, slashes, non-ASCII and emoji.
    static let awkwardTexts: [String] = [
        "", "SKU-1", "a/b", "quote \" and backslash \\", "tab\tnew\nline\rret", "\u{08}\u{0C}",
        String((0..<32).map { Character(Unicode.Scalar($0)!) }), "\u{7F}", "æøå ÆØÅ", "Grüße", "日本", "🙂 ok",
        "</script>", "\u{2028}\u{2029}", "é", "e\u{301}",
    ]

    func testStringsEscapeExactlyAsJSONEncoder() throws {
        for text in Self.awkwardTexts {
            var bytes = OmniumJSONBytes()
            bytes.string(text)
            let expected = try OmniumJSON.encode([text])
            XCTAssertEqual(String(decoding: [UInt8(ascii: "[")] + bytes.bytes + [UInt8(ascii: "]")], as: UTF8.self),
                           String(decoding: expected, as: UTF8.self), "text \(text.debugDescription)")
        }
    }

    func testHundredthsAreWrittenAsDecimalWritesThem() throws {
        var values: [Int64] = Array(-1_005...1_005) + [9_999_999, -9_999_999, 123_456_789_00, 100_000_000_000_01,
                                                        Int64.max / 1_000, -(Int64.max / 1_000)]
        values += stride(from: Int64(0), to: 1_000_000, by: 997).map { $0 }
        for value in values {
            var bytes = OmniumJSONBytes()
            bytes.hundredths(value)
            let decimal = Decimal(value) / 100
            let expected = String(decoding: try OmniumJSON.encode([decimal]), as: UTF8.self)
            XCTAssertEqual("[" + String(decoding: bytes.bytes, as: UTF8.self) + "]", expected, "hundredths \(value)")
        }
    }

    func testIntegersAreWrittenAsJSONEncoderWritesThem() throws {
        for value: Int64 in [0, 1, -1, 9, 10, -10, 99, 100, 12_345, Int64.max, Int64.min, Int64.min + 1] {
            var bytes = OmniumJSONBytes()
            bytes.integer(value)
            XCTAssertEqual("[" + String(decoding: bytes.bytes, as: UTF8.self) + "]",
                           String(decoding: try OmniumJSON.encode([value]), as: UTF8.self))
        }
    }

    func testStockLevelsAreTheBytesOfTheInventoryItems() throws {
        var levels: [OmniumInventoryLevel] = []
        for (index, text) in Self.awkwardTexts.enumerated() {
            levels.append(OmniumInventoryLevel(sku: text, warehouseCode: "WH-\(index)/\(text)",
                                               inventoryHundredths: Int64(index * 137 - 900)))
        }
        levels.append(OmniumInventoryLevel(sku: "S", warehouseCode: "W", inventoryHundredths: 0))
        let items = levels.map {
            OmniumInventoryItem(sku: $0.sku, warehouseCode: $0.warehouseCode, inventory: Decimal($0.inventoryHundredths) / 100)
        }
        XCTAssertEqual(String(decoding: OmniumInventoryLevel.jsonArray(levels), as: UTF8.self),
                       String(decoding: try OmniumJSON.encode(items), as: UTF8.self))
        XCTAssertEqual(String(decoding: OmniumInventoryLevel.jsonArray([]), as: UTF8.self), "[]")
    }
}
