import Foundation
import XCTest
@testable import Omnium

/// `OmniumJSON`: exact decimals, every date shape Omnium sends, TimeSpans and the request decoder.
final class ModelsTestsJSON: XCTestCase {
    private struct Amounts: Codable { var values: [Decimal] }
    private struct Stamp: Codable { var at: Date }

    // MARK: - Decimal

    func testDecimalsDecodeExactlyFromTheNumberText() throws {
        let json = #"{"values":[199.50, 0.1, 12345678.91, 0.30000000000000004, -0.05, 1e2, 38900.0, 123456789012345678.12]}"#
        let amounts = try OmniumJSON.decode(Amounts.self, from: Data(json.utf8))
        let expected = ["199.50", "0.1", "12345678.91", "0.30000000000000004", "-0.05", "100", "38900", "123456789012345678.12"]
            .map { Decimal(string: $0)! }
        XCTAssertEqual(amounts.values, expected)
        XCTAssertEqual(amounts.values[1] * 3, Decimal(string: "0.3")!, "0.1 went through Double")
    }

    func testDecimalsRoundTripThroughTheEncoder() throws {
        let price = OmniumPrice(code: "SKU1", unitPrice: Decimal(string: "12345678.91")!, originalUnitPrice: Decimal(string: "0.1")!)
        let back = try OmniumJSON.decode(OmniumPrice.self, from: OmniumJSON.encode(price))
        XCTAssertEqual(back, price)
        let text = String(decoding: try OmniumJSON.encode(price), as: UTF8.self)
        XCTAssertTrue(text.contains("12345678.91"), text)
    }

    // MARK: - Dates

    private func decodeDate(_ text: String) throws -> Date {
        try OmniumJSON.decode(Stamp.self, from: Data(#"{"at":"\#(text)"}"#.utf8)).at
    }

    private func encodeDate(_ date: Date) throws -> String {
        let data = try OmniumJSON.encode(Stamp(at: date))
        let text = String(decoding: data, as: UTF8.self)
        return String(text.dropFirst(7).dropLast(2))
    }

    func testAllDateShapesDecodeToTheSameInstant() throws {
        let reference = try decodeDate("2020-06-03T08:55:31Z")
        XCTAssertEqual(reference.timeIntervalSince1970, 1_591_174_531)
        for shape in ["2020-06-03T08:55:31", "2020-06-03T08:55:31.0000000Z", "2020-06-03T08:55:31.0Z",
                      "2020-06-03T10:55:31+02:00", "2020-06-03T10:55:31+0200", "2020-06-03T03:55:31-05:00",
                      "2020-06-03T08:55:31.000+00:00"] {
            XCTAssertEqual(try decodeDate(shape), reference, shape)
        }
    }

    func testFractionsFromZeroToSevenDigits() throws {
        let base = try decodeDate("2022-12-04T07:28:50Z")
        let cases: [(String, Double)] = [("5", 0.5), ("15", 0.15), ("152", 0.152), ("1521", 0.1521),
                                         ("15213", 0.15213), ("152137", 0.152137), ("1521376", 0.1521376)]
        for (digits, fraction) in cases {
            let date = try decodeDate("2022-12-04T07:28:50.\(digits)Z")
            XCTAssertEqual(date.timeIntervalSince(base), fraction, accuracy: 1e-6, digits)
        }
    }

    func testEncodesSevenFractionalDigitsAndRoundTripsTheText() throws {
        for text in ["2022-12-04T07:28:50.1521376Z", "2026-02-17T07:23:07.6380000Z", "2020-06-03T08:55:31.0000000Z",
                     "1999-12-31T23:59:59.9999999Z", "2024-02-29T12:00:00.0000001Z"] {
            XCTAssertEqual(try encodeDate(decodeDate(text)), text)
        }
        XCTAssertEqual(try encodeDate(decodeDate("2020-06-03T08:55:31")), "2020-06-03T08:55:31.0000000Z")
    }

    /// A `Date` is a `Double`: near today two neighbouring 100 ns texts can share one `Date`, so the
    /// promise is the same instant back, written within one tick of the original text.
    func testTextWithAnySevenDigitFractionRoundTrips() throws {
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let seconds = 946_684_800 + Int(state >> 33) % 1_000_000_000
            let ticks = Int(state % 10_000_000)
            let base = OmniumDateFormat.string(from: Date(timeIntervalSince1970: Double(seconds)))
            let digits = String(ticks)
            let text = String(base.prefix(20)) + String(repeating: "0", count: 7 - digits.count) + digits + "Z"
            let decoded = try decodeDate(text)
            let written = try encodeDate(decoded)
            XCTAssertEqual(try decodeDate(written), decoded, text)
            XCTAssertEqual(Double(written.dropFirst(20).prefix(7))!, Double(ticks), accuracy: 1, text)
        }
    }

    func testArbitraryInstantsAreStableAfterOneRoundTrip() throws {
        var state: UInt64 = 7
        for _ in 0..<2_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let date = Date(timeIntervalSince1970: 946_684_800 + Double(state >> 11) / Double(1 << 53) * 1e9)
            let text = try encodeDate(date)
            let decoded = try decodeDate(text)
            XCTAssertEqual(decoded.timeIntervalSince(date), 0, accuracy: 2e-7, text)
            XCTAssertEqual(try encodeDate(decoded), text)
            XCTAssertEqual(try decodeDate(encodeDate(decoded)), decoded)
        }
    }

    func testUnsetDate() throws {
        let unset = try decodeDate("0001-01-01T00:00:00")
        XCTAssertEqual(unset, OmniumJSON.unsetDate)
        XCTAssertTrue(unset.isOmniumUnset)
        XCTAssertNil(unset.omniumValue)
        XCTAssertEqual(try encodeDate(unset), "0001-01-01T00:00:00.0000000Z")
        XCTAssertEqual(try decodeDate(""), OmniumJSON.unsetDate, "empty text reads as unset")
        XCTAssertFalse(try decodeDate("2020-01-01T00:00:00Z").isOmniumUnset)
    }

    func testRejectsTextThatIsNoDate() {
        for bad in ["2020-13-01T00:00:00", "2021-02-29T00:00:00", "2020-06-03T25:00:00", "yesterday", "2020-06-03T08:55:31Zx"] {
            XCTAssertThrowsError(try decodeDate(bad), bad)
        }
    }

    func testDateOnlyReadsAsMidnightUTC() throws {
        XCTAssertEqual(try decodeDate("2019-04-19"), try decodeDate("2019-04-19T00:00:00Z"))
    }

    // MARK: - TimeSpan

    func testTimeSpanParsesAndWrites() throws {
        XCTAssertEqual(OmniumTimeSpan("08:00:00")?.totalMinutes, 480)
        XCTAssertEqual(OmniumTimeSpan("21:30:00")?.totalMinutes, 1_290)
        XCTAssertEqual(OmniumTimeSpan("00:00:00"), .zero)
        XCTAssertEqual(OmniumTimeSpan("1.02:00:00"), OmniumTimeSpan(days: 1, hours: 2))
        XCTAssertEqual(OmniumTimeSpan(days: 1, hours: 2).description, "1.02:00:00")
        XCTAssertEqual(OmniumTimeSpan(hours: 8).description, "08:00:00")
        XCTAssertEqual(OmniumTimeSpan("08:00:00.5")?.description, "08:00:00.5000000")
        XCTAssertNil(OmniumTimeSpan("8 o'clock"))
        XCTAssertNil(OmniumTimeSpan("08:61:00"))
        let hours = try OmniumJSON.decode(OmniumOpeningHours.self, from: Data(#"{"isOpen":true,"openFrom":"08:00:00","openTo":"2.00:00:00"}"#.utf8))
        XCTAssertEqual(hours.openTo, OmniumTimeSpan(days: 2))
        XCTAssertThrowsError(try OmniumJSON.decode(OmniumOpeningHours.self, from: Data(#"{"openFrom":"late"}"#.utf8)))
    }

    // MARK: - Requests, results, emptiness

    func testRequestDecoderReadsPascalCaseProperties() throws {
        let body = #"{"ModifiedFrom":"2024-01-01T00:00:00Z","SelectedStatuses":["New"],"DisableFacets":true,"take":50,"Unknown":1}"#
        let request = try OmniumJSON.requestDecoder.decode(OmniumOrderSearchRequest.self, from: Data(body.utf8))
        XCTAssertEqual(request.selectedStatuses, ["New"])
        XCTAssertEqual(request.disableFacets, true)
        XCTAssertEqual(request.take, 50)
        XCTAssertEqual(request.modifiedFrom, try decodeDate("2024-01-01T00:00:00Z"))
        XCTAssertEqual(OmniumJSON.camelCased("ID"), "id")
    }

    func testSearchResultTreatsNullResultAsEmptyAndOmitsMissingFacets() throws {
        let page = try OmniumJSON.decode(OmniumSearchResult<OmniumOrder>.self,
                                         from: Data(#"{"totalHits":0,"result":null,"scrollId":null}"#.utf8))
        XCTAssertEqual(page.result, [])
        let text = String(decoding: try OmniumJSON.encode(OmniumSearchResult<OmniumOrder>(totalHits: 0, result: [])), as: UTF8.self)
        XCTAssertFalse(text.contains("facets"), text)
        XCTAssertTrue(text.contains(#""scrollId":null"#), text)
        let withFacets = OmniumSearchResult<OmniumOrder>(totalHits: 0, result: [], facets: [])
        XCTAssertTrue(String(decoding: try OmniumJSON.encode(withFacets), as: UTF8.self).contains(#""facets":[]"#))
    }

    func testNullEmptyStringAndEmptyArrayAreAlike() {
        let values: [String?] = [nil, ""]
        for value in values { XCTAssertNil(value.nonEmpty) }
        XCTAssertEqual(Optional("x").nonEmpty, "x")
        let tags: [[String]?] = [nil, []]
        for value in tags { XCTAssertTrue(value.isNilOrEmpty); XCTAssertEqual(value.orEmpty, []) }
        XCTAssertEqual("".nonEmpty, nil)
    }
}
