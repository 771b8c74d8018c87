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
}
