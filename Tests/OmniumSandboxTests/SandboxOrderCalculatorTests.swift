import Foundation
import Omnium
@testable import OmniumSandbox
import XCTest

/// CALC totals per omnium-contract.md §10.1.
final class SandboxOrderCalculatorTests: XCTestCase {
    private func order(_ lines: [OmniumOrderLine], discounts: [OmniumDiscount]? = nil, shipping: Decimal? = nil) -> OmniumOrder {
        OmniumOrder(id: "X", orderForm: OmniumOrderForm(
            lineItems: lines, shipments: [OmniumShipment(shipmentId: "1", shippingSubTotal: shipping, shipmentTaxRate: 25)],
            discounts: discounts))
    }

    func testContractCheck() {
        let result = SandboxOrderCalculator.calculate(order(
            [OmniumOrderLine(lineItemId: "1", quantity: 2, placedPrice: 500, taxRate: 25)],
            discounts: [OmniumDiscount(discountType: "Order", rewardType: "Percentage", discountValue: 10)]))
        let line = result.orderForm!.lineItems![0]
        XCTAssertEqual(line.placedPriceExclTax, 400)
        XCTAssertEqual(line.discountedPrice, 1_000)
        XCTAssertEqual(line.orderDiscountAmount, 100)
        XCTAssertEqual(line.extendedPrice, 900)
        XCTAssertEqual(line.extendedPriceExclTax, 720)
        XCTAssertEqual(line.taxTotal, 180)
        XCTAssertEqual(result.orderForm?.total, 900)
        XCTAssertEqual(result.orderForm?.totalExclTax, 720)
        XCTAssertEqual(result.orderForm?.taxTotal, 180)
        XCTAssertEqual(result.orderForm?.discounts?.first?.discountAmount, 100)
        XCTAssertEqual(result.netTotal, 900)
    }

    func testLineDiscountCancellationsShippingAndRounding() {
        let result = SandboxOrderCalculator.calculate(order([
            OmniumOrderLine(lineItemId: "1", quantity: 3, placedPrice: Decimal(string: "199.50")!, taxRate: 25, discounted: 30, canceledQuantity: 1),
            OmniumOrderLine(lineItemId: "2", quantity: 1, placedPrice: Decimal(string: "49.90")!, taxRate: 15),
        ], shipping: 99))
        let lines = result.orderForm!.lineItems!
        // (3-1)·199.50 - (30/3)·(3-1) = 399 - 20 = 379
        XCTAssertEqual(lines[0].discountedPrice, 379)
        XCTAssertEqual(lines[0].extendedPriceExclTax, Decimal(string: "303.20"))
        XCTAssertEqual(lines[1].extendedPriceExclTax, Decimal(string: "43.39")) // 49.90 / 1.15 = 43.391…
        XCTAssertEqual(result.orderForm?.total, Decimal(string: "527.90"))
        XCTAssertEqual(result.orderForm?.shippingTotal, 99)
        // tax: 75.80 + 6.51 + (99 - 79.20 = 19.80)
        XCTAssertEqual(result.orderForm?.taxTotal, Decimal(string: "102.11"))
        XCTAssertEqual(result.orderForm?.totalExclTax, Decimal(string: "425.79"))
    }

    func testMidpointRoundsAwayFromZero() {
        XCTAssertEqual(SandboxOrderCalculator.round2(Decimal(string: "0.125")!), Decimal(string: "0.13"))
        XCTAssertEqual(SandboxOrderCalculator.round2(Decimal(string: "-0.125")!), Decimal(string: "-0.13"))
        XCTAssertEqual(SandboxOrderCalculator.round2(Decimal(string: "2.675")!), Decimal(string: "2.68"))
    }

    /// The integer division gives `round2(x / y)` exactly as `Decimal` does, down to the text it is written as:
    /// amounts, quantities and tax factors of every sign and scale, midpoints, and values it leaves to `Decimal`.
    func testDivideRoundedWritesWhatDecimalDivisionWrites() {
        var generator = SystemRandomNumberGenerator()
        var dividends: [Decimal] = ["0", "0.00", "1", "-1", "0.125", "-0.125", "2.675", "199.90", "-49.9", "1500", "15E2",
                                    "0.005", "-0.005", "99999999999.99", "12345678901234567890123", "1E-30", "1E20"]
            .map { Decimal(string: $0)! }
        var divisors: [Decimal] = ["1", "1.25", "1.15", "1.12", "1.0", "-1.25", "3", "7", "0.3", "2.5E1", "1E-10", "1E18",
                                   "123456789012345678901"].map { Decimal(string: $0)! }
        for _ in 0..<400 {
            let cents = Int64.random(in: -10_000_000...10_000_000, using: &generator)
            dividends.append(Decimal(sign: cents < 0 ? .minus : .plus, exponent: -Int.random(in: 0...4, using: &generator),
                                     significand: Decimal(cents.magnitude)))
        }
        for _ in 0..<40 { divisors.append(1 + Decimal(Int.random(in: 0...3_000, using: &generator)) / 100) }
        for x in dividends {
            for y in divisors {
                let fast = SandboxOrderCalculator.divideRounded(x, by: y)
                let slow = SandboxOrderCalculator.round2(x / y)
                XCTAssertEqual(SandboxDecimalText.string(fast), SandboxDecimalText.string(slow), "\(x) / \(y)")
            }
        }
    }

    func testTaxFactorIsOnePlusTheRateOverAHundred() {
        let rates = ["25", "15", "12", "0", "0.0", "-25", "12.5", "25.00", "2500", "1E10", "0.0000000001", "1E-90", "1E-120",
                     "99999999999999999999.99", "123456789012345678901234567890.12345678"]
        for rate in rates.map({ Decimal(string: $0)! }) {
            let (fast, slow) = (SandboxOrderCalculator.taxFactor(rate), 1 + rate / 100)
            XCTAssertTrue(fast == slow || (fast.isNaN && slow.isNaN), "\(rate): \(fast) against \(slow)")
        }
        // The CALC amounts of a line come out the same whatever the rate's spelling.
        func amounts(_ rate: String) -> [String] {
            let line = OmniumOrderLine(lineItemId: "1", quantity: 3, placedPrice: Decimal(string: "199.90"),
                                       taxRate: Decimal(string: rate))
            let calculated = SandboxOrderCalculator.calculate(order([line]), defaultTaxRate: 25).orderForm?.lineItems?.first
            return [calculated?.placedPriceExclTax, calculated?.discountedPriceExclTax, calculated?.extendedPriceExclTax,
                    calculated?.taxTotal].map { $0.map(SandboxDecimalText.string) ?? "nil" }
        }
        XCTAssertEqual(amounts("25.00"), amounts("25"))
        XCTAssertEqual(amounts("25"), ["159.92", "479.76", "479.76", "119.94"])
    }

    func testOrderDiscountRemainderGoesToTheLastLine() {
        let result = SandboxOrderCalculator.calculate(order([
            OmniumOrderLine(lineItemId: "1", quantity: 1, placedPrice: 10, taxRate: 25),
            OmniumOrderLine(lineItemId: "2", quantity: 1, placedPrice: 10, taxRate: 25),
            OmniumOrderLine(lineItemId: "3", quantity: 1, placedPrice: 10, taxRate: 25),
        ], discounts: [OmniumDiscount(discountType: "Order", rewardType: "Money", discountValue: 10)]))
        let shares = result.orderForm!.lineItems!.map { $0.orderDiscountAmount! }
        XCTAssertEqual(shares, [Decimal(string: "3.33")!, Decimal(string: "3.33")!, Decimal(string: "3.34")!])
        XCTAssertEqual(result.orderForm?.total, 20)
    }

    /// The vendor's annotated "get a single order" example (contract §10, corrected; omnium-api.md §5.3):
    /// one line of 99.0 with a 50 % order discount.
    func testVendorExampleSubTotalIsAfterOrderDiscounts() {
        let result = SandboxOrderCalculator.calculate(OmniumOrder(id: "EPIC000001", orderForm: OmniumOrderForm(
            lineItems: [OmniumOrderLine(lineItemId: "1", code: "0123ABC", quantity: 1, placedPrice: 99, taxRate: 25)],
            shipments: [OmniumShipment(shipmentId: "1", warehouseCode: "w")],
            discounts: [OmniumDiscount(discountName: "Fifty percent discount!", discountType: "Order", rewardType: "Percentage",
                                       discountValue: 50)])))
        let line = result.orderForm!.lineItems![0]
        XCTAssertEqual(line.placedPriceExclTax, Decimal(string: "79.2"))
        XCTAssertEqual(line.extendedPrice, Decimal(string: "49.5"))
        XCTAssertEqual(line.orderDiscountAmount, Decimal(string: "49.5"))
        XCTAssertEqual(line.taxTotal, Decimal(string: "9.9"))
        XCTAssertEqual(result.orderForm?.subTotal, Decimal(string: "49.5"), "after the order discount")
        XCTAssertEqual(result.orderForm?.discounts?.first?.discountAmount, Decimal(string: "49.5"))
        XCTAssertEqual(result.orderForm?.total, Decimal(string: "49.5"))
        XCTAssertEqual(result.netTotal, Decimal(string: "49.5"))
    }

    /// Shipment discounts reduce that shipment's `shippingTotal`, and `total` uses it (contract §10).
    /// Checked by hand: lines 2 × 250 = 500 (tax 25 %: 400 + 100); shipment A 99 with free shipping
    /// (100 %) → 0; shipment B 149 with 50 off → 99, excl. tax 79.20, tax 19.80; a 10 % shipping coupon on
    /// B after that → min(14.90, 99) = 14.90, so B's total is 84.10 (excl. tax 67.28, tax 16.82).
    /// total = 500 + 0 + 84.10 = 584.10; tax = 100 + 0 + 16.82 = 116.82.
    func testShipmentDiscountsReduceShippingTotal() {
        let free = OmniumDiscount(discountName: "Fri frakt", discountType: "Shipping", rewardType: "Percentage", discountValue: 100)
        let fifty = OmniumDiscount(discountName: "50 kr", discountType: "Shipping", rewardType: "Money", discountValue: 50)
        let coupon = OmniumDiscount(discountName: "10 %", discountType: "Shipping", rewardType: "Percentage", discountValue: 10)
        let result = SandboxOrderCalculator.calculate(OmniumOrder(id: "S", orderForm: OmniumOrderForm(
            lineItems: [OmniumOrderLine(lineItemId: "1", quantity: 2, placedPrice: 250, taxRate: 25)],
            shipments: [
                OmniumShipment(shipmentId: "A", lineItems: [OmniumOrderLine(lineItemId: "1")], shippingSubTotal: 99,
                               shipmentTaxRate: 25, discounts: [free]),
                OmniumShipment(shipmentId: "B", shippingSubTotal: 149, shipmentTaxRate: 25, discounts: [fifty, coupon]),
            ])))
        let form = result.orderForm!
        let a = form.shipments![0], b = form.shipments![1]
        XCTAssertEqual(a.shippingDiscountAmount, 99)
        XCTAssertEqual(a.shippingTotal, 0)
        XCTAssertEqual(a.discounts?.first?.discountAmount, 99)
        XCTAssertEqual(a.subTotal, 500, "the shipment's own lines")
        XCTAssertEqual(a.total, 500)
        XCTAssertEqual(a.lineItems?.first?.extendedPrice, 500, "shipment lines carry the calculated line")
        XCTAssertEqual(b.discounts?.map(\.discountAmount), [50, Decimal(string: "14.9")])
        XCTAssertEqual(b.shippingDiscountAmount, Decimal(string: "64.9"))
        XCTAssertEqual(b.shippingTotal, Decimal(string: "84.1"))
        XCTAssertEqual(b.shippingTax, Decimal(string: "16.82"))
        XCTAssertEqual(b.shippingSubTotalExclTax, Decimal(string: "119.2"))
        XCTAssertEqual(form.shippingSubTotal, 248)
        XCTAssertEqual(form.shippingDiscountTotal, Decimal(string: "163.9"))
        XCTAssertEqual(form.shippingTotal, Decimal(string: "84.1"))
        XCTAssertEqual(form.subTotal, 500)
        XCTAssertEqual(form.total, Decimal(string: "584.1"))
        XCTAssertEqual(form.taxTotal, Decimal(string: "116.82"))
        XCTAssertEqual(form.totalExclTax, Decimal(string: "467.28"))
        XCTAssertEqual(result.netTotal, Decimal(string: "584.1"))
    }

    /// A money shipping discount larger than the shipping never makes it negative.
    func testShippingDiscountNeverBelowZero() {
        let result = SandboxOrderCalculator.calculate(order([OmniumOrderLine(lineItemId: "1", quantity: 1, placedPrice: 100, taxRate: 25)],
                                                            shipping: 49))
        XCTAssertEqual(result.orderForm?.shippingTotal, 49)
        var form = result.orderForm!
        form.shipments![0].discounts = [OmniumDiscount(discountType: "Shipping", rewardType: "Money", discountValue: 200)]
        let again = SandboxOrderCalculator.calculate(OmniumOrder(id: "X", orderForm: form))
        XCTAssertEqual(again.orderForm?.shipments?.first?.shippingDiscountAmount, 49)
        XCTAssertEqual(again.orderForm?.shippingTotal, 0)
        XCTAssertEqual(again.orderForm?.total, 100)
    }
}
