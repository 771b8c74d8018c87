import Foundation
import Omnium
@testable import OmniumSandbox
import XCTest

/// The sandbox's request-body parser: RFC 8259 values, exact numbers, strict refusals.
final class SandboxJSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> OmniumJSONValue {
        try SandboxJSONParser.parse(Data(text.utf8))
    }

    func testValuesNumbersAndEscapes() throws {
        let value = try parse(#" { "a" : [1, -0.10, 2.5e3, 1E-2, true, false, null, {}, []], "s": "x\"y\\z\/\n\u00e5\ud83d\ude00", "æ": "ø" } "#)
        XCTAssertEqual(value, .object([
            "a": .array([.number(1), .number(Decimal(string: "-0.10")!), .number(2500), .number(Decimal(string: "0.01")!),
                         .bool(true), .bool(false), .null, .object([:]), .array([])]),
            "s": .string("x\"y\\z/\nå😀"),
            "æ": .string("ø"),
        ]))
        XCTAssertEqual(try parse("199.99"), .number(Decimal(string: "199.99")!), "exact, never through Double")
        XCTAssertEqual(try parse(#"{"k":1,"k":2}"#), .object(["k": .number(2)]), "a repeated member keeps its last value")
    }

    func testMalformedBodiesAreRefused() {
        for text in ["", "{", #"{"a":1,}"#, "[1,]", "01", "1.", "-", ".5", "+1", "tru", "nul", #""abc"#, "\"a\u{01}b\"",
                     #""\x""#, #""\ud800""#, #""\ud800\u0041""#, "{} {}", "[1 2]", #"{"a" 1}"#, "{a:1}", "1e999999",
                     String(repeating: "[", count: 600) + String(repeating: "]", count: 600)] {
            XCTAssertThrowsError(try parse(text), text) { error in
                guard case DecodingError.dataCorrupted = error else { return XCTFail("\(text): \(error)") }
            }
        }
        XCTAssertThrowsError(try SandboxJSONParser.parse(Data([0x22, 0xFF, 0x22])), "invalid UTF-8")
    }

    /// Strings made through the ASCII fast path are those `String(validating:as:)` makes, and text that is not
    /// UTF-8 (truncated, overlong, a surrogate, beyond U+10FFFF, a stray byte) is refused as before.
    func testStringsAreMadeAsValidatingUTF8MakesThem() throws {
        let samples: [[UInt8]] = [
            [], Array("SKU-100001-M".utf8), Array("plain åø 😀 /".utf8), Array("Å".utf8), [0x7F, 0x41],
            [0x61, 0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x41, 0x80],
        ]
        for bytes in samples {
            let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
            XCTAssertEqual(bytes.withUnsafeBufferPointer { SandboxUTF8.string($0) }, expected, "\(bytes)")
            let quoted = Data([0x22] + bytes + [0x22])
            if let expected {
                XCTAssertEqual(try SandboxJSONParser.parse(quoted), .string(expected))
            } else {
                XCTAssertThrowsError(try SandboxJSONParser.parse(quoted), "\(bytes)")
            }
        }
    }

    func testAnswerStringsAreEscapedOnlyWhereJSONRequiresIt() throws {
        for (text, expected) in [("plain åø 😀 /", #""plain åø 😀 /""#), ("a\"b\\c", #""a\"b\\c""#),
                                 ("tab\tnl\ncr\r", #""tab\tnl\ncr\r""#), ("\u{01}x\u{1F}", #""\u0001x\u001f""#)] {
            var out = ""
            SandboxJSONText.writeString(text, to: &out)
            XCTAssertEqual(out, expected)
            XCTAssertEqual(try parse(out), .string(text), "reads back")
        }
    }

    func testMemberNamesMatchIgnoringCaseTheLeastSpellingWinningAClash() throws {
        func sku(_ body: String) throws -> String? {
            try SandboxRequestDecoder.decode(OmniumInventoryItem.self, from: Data(body.utf8)).sku
        }
        XCTAssertEqual(try sku(#"{"sku":"exact"}"#), "exact")
        XCTAssertEqual(try sku(#"{"SKU":"upper","inventory":1}"#), "upper")
        XCTAssertEqual(try sku(#"{"sKu":"b","SkU":"a","warehouseCode":"w"}"#), "a", "SkU sorts before sKu")
        XCTAssertEqual(try sku(#"{"sku":"exact","SKU":"other"}"#), "exact", "an exact name wins")
        XCTAssertEqual(try sku(#"{"sKu":"kelvin"}"#), "kelvin", "lower-cased as Swift does: the Kelvin sign is k")
        XCTAssertNil(try sku(#"{"skus":"no","sk":"no","ſku":"no"}"#))
        XCTAssertEqual(try SandboxRequestDecoder.decode(OmniumInventoryItem.self, from: Data(#"{"WAREHOUSECODE":"w"}"#.utf8)).warehouseCode, "w")
    }

    func testABodyAnsweredWith400NamesTheByte() throws {
        XCTAssertThrowsError(try SandboxRequestDecoder.decode([OmniumInventoryItem].self, from: Data(#"[{"sku":"A",}]"#.utf8))) {
            XCTAssertTrue("\($0)".contains("at byte 12"), "\($0)")
        }
    }
}
