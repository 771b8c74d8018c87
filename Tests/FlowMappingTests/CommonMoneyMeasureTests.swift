import XCTest
@testable import FlowMapping

final class CommonMoneyMeasureTests: XCTestCase {
    private func decimal(_ text: String) -> Decimal { Decimal(string: text)! }
    private func money(_ text: String) throws -> Int64 { try Money.hundredths(decimal(text), field: "amount") }

    func testHundredthsOfWholeAndFractionalAmounts() throws {
        XCTAssertEqual(try money("199.50"), 19950)
        XCTAssertEqual(try money("0"), 0)
        XCTAssertEqual(try money("1234567.89"), 123456789)
    }

    func testRoundsHalfAwayFromZero() throws {
        XCTAssertEqual(try money("0.125"), 13)
        XCTAssertEqual(try money("0.124"), 12)
        XCTAssertEqual(try money("-0.125"), -13)
        XCTAssertEqual(try money("-0.124"), -12)
        XCTAssertEqual(try money("2.675"), 268)   // 267.49999… in Double
    }

    func testTheRangeEdgesAreExactAndBeyondThemIsRefusedNotClamped() throws {
        XCTAssertEqual(try money("10000000000000"), 1_000_000_000_000_000)
        XCTAssertEqual(try money("-10000000000000"), -1_000_000_000_000_000)
        for text in ["10000000000000.01", "1e30", "-1e30", "-10000000000000.01"] {
            XCTAssertThrowsError(try money(text), text) { error in
                let refused = error as? ValueOutOfRange
                XCTAssertEqual(refused?.field, "amount")
                XCTAssertEqual(refused?.value, self.decimal(text))
                XCTAssertTrue(refused?.description.hasPrefix("amount ") ?? false)
                XCTAssertTrue(refused?.description.contains("outside ±10000000000000") ?? false, "\(String(describing: refused))")
            }
        }
        XCTAssertThrowsError(try Money.hundredths(Decimal.nan, field: "cost")) { error in
            XCTAssertEqual((error as? ValueOutOfRange)?.description, "cost NaN is not a number")
        }
    }

    func testGramsFromKilograms() throws {
        XCTAssertEqual(try Measure.grams(kg: decimal("1.5")), 1500)
        XCTAssertEqual(try Measure.grams(kg: decimal("0.2505")), 251)
        XCTAssertEqual(try Measure.grams(kg: decimal("0.0004")), 0)
        XCTAssertThrowsError(try Measure.grams(kg: decimal("1e30")))
    }

    func testMillimetresDefaultCentimetresAndOtherUnits() throws {
        XCTAssertEqual(try Measure.millimetres(decimal("12.35")), 124)
        XCTAssertEqual(try Measure.millimetres(decimal("12.3"), unit: .millimetre), 12)
        XCTAssertEqual(try Measure.millimetres(decimal("0.45"), unit: .metre), 450)
        XCTAssertThrowsError(try Measure.millimetres(decimal("2000000"), unit: .metre))
    }

    func testQuantityHundredths() throws {
        XCTAssertEqual(try Quantity.hundredths(decimal("12"), field: "quantity"), 1200)
        XCTAssertEqual(try Quantity.hundredths(decimal("2.505"), field: "quantity"), 251)
        XCTAssertEqual(try Quantity.hundredths(decimal("-3"), field: "inventory"), -300)
        XCTAssertThrowsError(try Quantity.hundredths(decimal("1e30"), field: "inventory"))
    }

    func testCountedQuantitiesRefuseNegatives() throws {
        XCTAssertEqual(try Quantity.countedHundredths(decimal("0"), field: "quantity"), 0)
        XCTAssertThrowsError(try Quantity.countedHundredths(decimal("-5"), field: "quantity")) { error in
            XCTAssertEqual((error as? ValueOutOfRange)?.description, "quantity -5 must not be negative")
        }
    }

    // MARK: - The integer path against the Decimal path

    func testDecimalLayoutIsReadOnThisPlatform() {
        // If this fails, money is still right (the Decimal path takes over) but the fast path is off.
        XCTAssertTrue(DecimalParts.layoutIsKnown)
        XCTAssertEqual(DecimalParts(decimal("-199.50")).map { $0.decimal }, decimal("-199.50"))
        XCTAssertNil(DecimalParts(.nan))
        XCTAssertNil(DecimalParts(decimal("340282366920938463463374607431768211455")))
    }

    func testIntegerRoundingEqualsDecimalRoundingOnEdgesAndRandomValues() throws {
        var texts = ["0", "0.5", "-0.5", "0.005", "-0.005", "0.004999", "0.0049999999999999999999", "2.675", "199.50",
                     "10000000000000", "-10000000000000", "9999999999999.995", "9999999999999.994", "9999999999999.99999",
                     "10000000000000.000000001", "-10000000000000.01", "18446744073709551615", "1844674407370955161.5",
                     "0.18446744073709551615", "0.000000000000000000000000000001", "1e15", "1e11", "12e-3", "5e-3",
                     "-5e-3", "1e-25", "999999999999999999e-5"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let mantissa = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            let exponent = Int.random(in: -24...6, using: &generator)
            texts.append("\(Bool.random(using: &generator) ? "-" : "")\(mantissa)e\(exponent)")
        }
        for text in texts {
            let value = decimal(text)
            for (power, largest) in [(2, Money.largestAmount), (3, Measure.largestMeasure), (1, Measure.largestMeasure),
                                     (0, Measure.largestMeasure)] {
                let slow = Result { () throws(ValueOutOfRange) in
                    try DecimalRounding.wholeNumber(value, scaledBy: pow(10, power), field: "f", largest: largest)
                }
                let fast = Result { () throws(ValueOutOfRange) in
                    try DecimalRounding.wholeNumber(value, timesTenToThe: power, field: "f", largest: largest)
                }
                switch (slow, fast) {
                case let (.success(a), .success(b)): XCTAssertEqual(a, b, "\(text) × 10^\(power)")
                case let (.failure(a), .failure(b)): XCTAssertEqual(a, b, "\(text) × 10^\(power)")
                default: XCTFail("\(text) × 10^\(power): Decimal path \(slow), integer path \(fast)")
                }
            }
        }
        // The public entry points take the integer path with the same results.
        XCTAssertEqual(try money("-0.125"), -13)
        XCTAssertEqual(try Quantity.hundredths(decimal("12.5"), field: "q"), 1250)
        XCTAssertEqual(try Measure.grams(kg: decimal("0.2505")), 251)
        XCTAssertEqual(try Measure.millimetres(decimal("12.35")), 124)
        XCTAssertNotNil(DecimalRounding.wholeNumber(DecimalParts(decimal("199.5"))!, timesTenToThe: 2,
                                                    largestScaled: 1_000_000_000_000_000))
    }

    func testDecimalPartsWriteExactlyTheTextOfDescription() {
        var values = ["0", "-0.5", "12.50", "12.5", "1500", "15.00", "0.000000000000000000000000000001", "-123.45",
                      "18446744073709551615", "1e5", "0.1"].map(decimal)
        values.append(Decimal(sign: .plus, exponent: -2, significand: 1500))
        values.append(Decimal(sign: .minus, exponent: 3, significand: 120))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let mantissa = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            values.append(Decimal(sign: Bool.random(using: &generator) ? .minus : .plus,
                                  exponent: Int.random(in: -30...20, using: &generator), significand: Decimal(mantissa)))
        }
        for value in values {
            guard let parts = DecimalParts(value) else { continue }
            XCTAssertEqual(parts.description, value.description, "\(parts)")
        }
    }
}
