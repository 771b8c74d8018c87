import XCTest
@testable import FlowMapping

final class CommonMoneyMeasureTests: XCTestCase {
    private func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    func testHundredthsOfWholeAndFractionalAmounts() {
        XCTAssertEqual(Money.hundredths(decimal("199.50")), 19950)
        XCTAssertEqual(Money.hundredths(decimal("0")), 0)
        XCTAssertEqual(Money.hundredths(decimal("1234567.89")), 123456789)
    }

    func testRoundsHalfAwayFromZero() {
        XCTAssertEqual(Money.hundredths(decimal("0.125")), 13)
        XCTAssertEqual(Money.hundredths(decimal("0.124")), 12)
        XCTAssertEqual(Money.hundredths(decimal("-0.125")), -13)
        XCTAssertEqual(Money.hundredths(decimal("-0.124")), -12)
        XCTAssertEqual(Money.hundredths(decimal("2.675")), 268)   // 267.49999… in Double
    }

    func testNaNAndOverflow() {
        XCTAssertEqual(Money.hundredths(Decimal.nan), 0)
        XCTAssertEqual(Money.hundredths(decimal("1e30")), Int64.max)
        XCTAssertEqual(Money.hundredths(decimal("-1e30")), Int64.min)
    }

    func testGramsFromKilograms() {
        XCTAssertEqual(Measure.grams(kg: decimal("1.5")), 1500)
        XCTAssertEqual(Measure.grams(kg: decimal("0.2505")), 251)
        XCTAssertEqual(Measure.grams(kg: decimal("0.0004")), 0)
    }

    func testMillimetresDefaultCentimetresAndOtherUnits() {
        XCTAssertEqual(Measure.millimetres(decimal("12.35")), 124)
        XCTAssertEqual(Measure.millimetres(decimal("12.3"), unit: .millimetre), 12)
        XCTAssertEqual(Measure.millimetres(decimal("0.45"), unit: .metre), 450)
    }

    func testQuantityHundredths() {
        XCTAssertEqual(Quantity.hundredths(decimal("12")), 1200)
        XCTAssertEqual(Quantity.hundredths(decimal("2.505")), 251)
    }
}
