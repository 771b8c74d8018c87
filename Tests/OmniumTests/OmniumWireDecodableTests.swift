import Foundation
import XCTest
@testable import Omnium

/// The fast reader of stock items (``OmniumWireDecodable``, issue 8) reads exactly what `OmniumJSON.decoder`
/// reads, and declines (nil, so the caller uses the decoder) whatever it is not certain of.
final class OmniumWireDecodableTests: XCTestCase {
    private func fast(_ text: String) -> OmniumInventoryItem? { OmniumInventoryItem(wireJSON: Data(text.utf8)) }

    private func decoded(_ text: String) throws -> OmniumInventoryItem {
        try OmniumJSON.decoder.decode(OmniumInventoryItem.self, from: Data(text.utf8))
    }

    private func assertSameAsDecoder(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fastItem = try XCTUnwrap(fast(text), "the fast reader declined \(text)", file: file, line: line)
        XCTAssertEqual(fastItem, try decoded(text), text, file: file, line: line)
    }

    private enum Kind { case text, number, date, flag }

    /// A record of `members` in random shapes: each member absent, `null` or a value of its kind, in random
    /// order, with unknown members (nested ones too) mixed in.
    private func randomRecord(_ members: [(String, Kind)], using generator: inout some RandomNumberGenerator) -> String {
        let dates = ["2024-03-01T10:15:30.1234567Z", "2024-03-01T10:15:30Z", "2024-03-01T10:15:30.12+02:00",
                     "2024-03-01T10:15:30", "0001-01-01T00:00:00", "", "2024-02-29"]
        let texts = ["A-1", "SKU 7/8", "Blåbær-Ærø", "😀 smile", "", " ", "ÅÄÖ", "x/y\u{7F}"]
        func number() -> String {
            let whole = Int64.random(in: -9_999_999...9_999_999, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: return String(whole)
            case 1: return "\(whole).5"
            case 2: return "\(whole / 1_000).\(String(format: "%03d", Int.random(in: 0..<1_000, using: &generator)))"
            case 3: return "0.\(Int.random(in: 1..<99_999, using: &generator))"
            default: return "123456789012.345678"
            }
        }
        var parts: [String] = []
        let unknown: [(String, String)] = [("unknownList", #"[1, {"a": "]}\""}, "x"]"#),
                                          ("unknownObject", #"{"code": "not this one"}"#), ("unknownFlag", "true")]
        for (key, kind) in members {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: continue
            case 1: parts.append("\"\(key)\":null")
            default:
                let value: String
                switch kind {
                case .text: value = "\"\(texts.randomElement(using: &generator)!)\""
                case .number: value = number()
                case .date: value = "\"\(dates.randomElement(using: &generator)!)\""
                case .flag: value = Bool.random(using: &generator) ? "true" : "false"
                }
                parts.append("\"\(key)\": \(value)")
            }
        }
        for (key, value) in unknown where Bool.random(using: &generator) { parts.append("\"\(key)\":\(value)") }
        parts.shuffle(using: &generator)
        return " { " + parts.joined(separator: " ,\n") + " } "
    }

    func testGeneratedItemsReadAsTheDecoderReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let members: [(String, Kind)] = [
            ("sku", .text), ("warehouseCode", .text), ("inventory", .number), ("reservedInventory", .number),
            ("location", .text), ("cost", .number), ("costCurrency", .text), ("minQuantity", .number),
            ("maxQuantity", .number), ("reorderMinQuantity", .number), ("created", .date), ("modified", .date),
        ]
        for _ in 0..<2_000 { try assertSameAsDecoder(randomRecord(members, using: &generator)) }
    }

    /// How `extract.inventory` stages a SKU's items of one page: a bare list, read as the decoder reads it.
    func testAListOfItemsReadsAsTheDecoderReadsItAndWhatItIsNotCertainOfIsLeftToTheDecoder() throws {
        var generator = SystemRandomNumberGenerator()
        let members: [(String, Kind)] = [("sku", .text), ("warehouseCode", .text), ("inventory", .number),
                                         ("modified", .date)]
        for count in [0, 1, 3, 20] {
            let list = " [ " + (0..<count).map { _ in randomRecord(members, using: &generator) }.joined(separator: ",") + " ] "
            let expected = try OmniumJSON.decoder.decode(OmniumRecordList<OmniumInventoryItem>.self, from: Data(list.utf8))
            XCTAssertEqual(expected.items.count, count)
            XCTAssertEqual(OmniumRecordList<OmniumInventoryItem>(wireJSON: Data(list.utf8)), expected, list)
            XCTAssertEqual(try OmniumJSON.decoder.decode(OmniumRecordList<OmniumInventoryItem>.self, from: OmniumJSON.encode(expected)),
                           expected)
        }
        for uncertain in [#"null"#, #"{"sku":"A"}"#, #"[{"sku":"A\u0041"}]"#, #"[{"sku":"A"}] x"#, #"[{"sku":"A"},]"#] {
            XCTAssertNil(OmniumRecordList<OmniumInventoryItem>(wireJSON: Data(uncertain.utf8)), uncertain)
        }
    }

    func testGeneratedPricesReadAsTheDecoderReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        let members: [(String, Kind)] = [
            ("code", .text), ("productId", .text), ("marketId", .text), ("marketGroupId", .text), ("storeId", .text),
            ("currencyCode", .text), ("unitPrice", .number), ("originalUnitPrice", .number), ("discountAmount", .number),
            ("discountPercent", .number), ("recommendedRetailPrice", .number), ("cost", .number),
            ("minQuantity", .number), ("validFrom", .date), ("validUntil", .date), ("isTaxExcluded", .flag),
            ("taxRate", .number), ("customerId", .text), ("customerGroup", .text), ("priceListId", .text),
            ("priceType", .text), ("promotionId", .text), ("promotionName", .text), ("unit", .text), ("modified", .date),
        ]
        for _ in 0..<2_000 {
            let text = randomRecord(members, using: &generator)
            let fastPrice = try XCTUnwrap(OmniumPrice(wireJSON: Data(text.utf8)), text)
            XCTAssertEqual(fastPrice, try OmniumJSON.decoder.decode(OmniumPrice.self, from: Data(text.utf8)), text)
        }
        XCTAssertNil(OmniumPrice(wireJSON: Data(#"{"isTaxExcluded": 1}"#.utf8)), "a number for a flag")
        XCTAssertNil(OmniumPrice(wireJSON: Data(#"{"unitPrice": true}"#.utf8)), "a flag for a number")
    }

    func testNumbersAreExact() throws {
        for number in ["0", "0.0", "-1", "12.50", "0.0000001", "-0.25", "999999999999999999", "1.00000000000000001"] {
            try assertSameAsDecoder(#"{"inventory": \#(number)}"#)
        }
        XCTAssertEqual(fast(#"{"inventory": 12.50, "cost": 0.1}"#)?.inventory, Decimal(string: "12.5"))
        XCTAssertEqual(fast(#"{"cost": 0.1}"#)?.cost?.description, "0.1", "never through Double")
    }

    func testWhatItIsNotCertainOfIsLeftToTheDecoder() throws {
        let declined = [
            #"{"sku": "a\"b"}"#,                       // an escape
            #"{"sku\u0020": "a"}"#,                    // an escaped key
            #"{"inventory": 1e3}"#,                    // an exponent
            #"{"inventory": -0}"#,                     // negative zero
            #"{"inventory": 1234567890123456789}"#,    // 19 digits
            #"{"inventory": "5"}"#,                    // a string for a number
            #"{"sku": 5}"#,                            // a number for a string
            #"{"sku": true}"#,
            #"{"sku": {"id": "a"}}"#,                  // a nested value for a member it reads
            #"{"created": "yesterday"}"#,              // not a date
            #"{"sku": "a", "sku": "b"}"#,              // a repeated member
            #"{"sku": "a",}"#,                         // malformed
            #"{"sku": "a"} x"#,
            #"[{"sku": "a"}]"#,
        ]
        for text in declined { XCTAssertNil(fast(text), text) }
        // What the decoder makes of some of them: read, or refused with its reason.
        XCTAssertEqual(try decoded(#"{"inventory": 1e3}"#).inventory, 1_000)
        XCTAssertThrowsError(try decoded(#"{"inventory": "5"}"#))
        XCTAssertNil(OmniumInventoryItem(wireJSON: Data([0x7B, 0x22, 0x73, 0x6B, 0x75, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D])),
                     "bytes that are not UTF-8")
        // Text beyond ASCII is validated as UTF-8: a truncated sequence, an overlong one and a surrogate are declined.
        let sku = Array(#"{"sku":""#.utf8)
        for bad: [UInt8] in [[0x61, 0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            XCTAssertNil(OmniumInventoryItem(wireJSON: Data(sku + bad + Array(#""}"#.utf8))), "\(bad)")
        }
        XCTAssertEqual(fast(#"{"sku": "Strikkegenser blå æøå 😀"}"#)?.sku, "Strikkegenser blå æøå 😀")
    }

    func testAPageOfFastReadRecordsKeepsEachRecordsBytesAndLeavesAnUnreadableOneToTheDecoder() throws {
        let good = #"{"sku":"A","warehouseCode":"W1","inventory":5,"modified":"2024-03-01T10:15:30Z"}"#
        let escaped = #"{"sku":"B\/1","warehouseCode":"W1","inventory":2}"#
        let bad = #"{"sku":"C","warehouseCode":"W1","inventory":"many"}"#
        // The page answer as a slice of a larger buffer (its indices do not start at 0), records at their ranges.
        var answer = Data(#"xx{"result":["#.utf8)
        var ranges: [Range<Int>] = []
        for (index, record) in [good, escaped, bad].enumerated() {
            if index > 0 { answer.append(UInt8(ascii: ",")) }
            ranges.append((answer.count - 2)..<(answer.count - 2 + record.utf8.count))
            answer.append(contentsOf: record.utf8)
        }
        answer.append(contentsOf: "]}".utf8)
        let body = answer[2...]
        let records = try OmniumReceivedRecord<OmniumInventoryItem>.fromWirePage(body, at: ranges)
        XCTAssertEqual(records.map { $0.json.map { String(decoding: $0, as: UTF8.self) } }, [good, escaped, bad])
        let plain = try OmniumPageRecord<OmniumInventoryItem>.fromWirePage(body, at: ranges)
        XCTAssertEqual(plain.map(\.record), records.map(\.item.record))
        XCTAssertNotNil(plain[2].failure)
        XCTAssertEqual(records[0].item.record, try decoded(good))
        XCTAssertEqual(records[1].item.record?.sku, "B/1")
        let failure = try XCTUnwrap(records[2].item.failure)
        XCTAssertTrue(failure.reason.hasPrefix("inventory: expected a number"), failure.reason)
    }

    private func page(_ text: String) -> (totalHits: Int64?, scrollId: String?, records: [String]?)? {
        let body = Data(text.utf8)
        return body.withUnsafeBytes { raw -> (Int64?, String?, [String]?)? in
            guard let page = OmniumWireReader.page(raw.bindMemory(to: UInt8.self)) else { return nil }
            return (page.totalHits, page.scrollId, page.records?.map { String(decoding: body[$0], as: UTF8.self) })
        }
    }

    func testAPageAnswerIsCutIntoItsRecordsAndCheckedAsJSON() throws {
        let text = #"""
            { "totalHits" : 3, "facets": [{"name": "a]}\"[{\u00e6", "values": [1, -2.5e+3, true, null, {}]}],
              "result" : [ {"sku":"a","name":"Brus \"Cola\""} ,
                {"sku": "b", "nested": {"deep": [{"k": "}"}]}}, 12, "t" ],
              "scrollId": "s1" }
            """#
        let cut = try XCTUnwrap(page(text))
        XCTAssertEqual(cut.totalHits, 3)
        XCTAssertEqual(cut.scrollId, "s1")
        XCTAssertEqual(cut.records, [#"{"sku":"a","name":"Brus \"Cola\""}"#, #"{"sku": "b", "nested": {"deep": [{"k": "}"}]}}"#,
                                     "12", #""t""#])
        XCTAssertEqual(page(#"{"totalHits": null, "result": null, "scrollId": null}"#)?.records ?? ["none"], ["none"])
        XCTAssertEqual(page(#"{"result": []}"#)?.records, [])
        XCTAssertEqual(page("{}")?.totalHits ?? -1, -1)
    }

    func testAPageAnswerThatIsNotWellFormedJSONIsLeftToTheDecoder() {
        let malformed = [
            #"{"result": [{"sku": "a"}]} x"#,             // trailing bytes
            #"{"result": [{"sku": "a"}"#,                 // truncated
            #"{"result": [{"sku": "a\x"}]}"#,             // a bad escape
            #"{"result": [{"sku": "a\u12"}]}"#,           // a short \u escape
            #"{"result": [{"n": 01}]}"#,                  // a leading zero
            #"{"result": [{"n": 1.}]}"#,
            #"{"result": [{"n": -}]}"#,
            #"{"result": [{"sku" "a"}]}"#,                // a missing colon
            #"{"result": [{"sku": "a",}]}"#,              // a trailing comma
            #"{"result": [{"sku": tru}]}"#,
            #"{"result": [], "result": []}"#,             // a repeated member
            #"{"totalHits": "3", "result": []}"#,         // a string for a number
            #"{"scrollId": 3, "result": []}"#,
            #"[{"sku": "a"}]"#,                           // a bare list: not a page
            "{\"result\": [\"a\u{01}b\"]}",                   // a control character in a string
            String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
            "{\"result\": [" + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "]}",
        ]
        for text in malformed { XCTAssertNil(page(text), text) }
    }
}
