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
}
