import Foundation
import Omnium

/// Computes an order's CALC fields the way Omnium documents them, in one place for the generator
/// and the write routes.
///
/// Per line (q = quantity, c = canceledQuantity, p = placedPrice incl. tax, d = `discounted`):
/// `placedPriceExclTax = p / (1 + tax/100)`, `discountedPrice = (q - c)·p - (d/q)·(q - c)`,
/// `orderDiscountAmount = discountedPrice / Σ discountedPrice · order discount`,
/// `extendedPrice = discountedPrice - orderDiscountAmount`, `extendedPriceExclTax = extendedPrice / (1 + tax/100)`,
/// `taxTotal = extendedPrice - extendedPriceExclTax`. Form: `total = Σ extendedPrice + Σ shippingSubTotal`,
/// `totalExclTax = total - taxTotal`, `netTotal = total`. Every amount is rounded to 2 decimals,
/// midpoint away from zero; the last line takes the order discount's rounding remainder.
/// Check: 2 × 500, tax 25, 10 % order discount → 400, 1000, 100, 900, 720, 180.
///
/// Spec: omnium-contract.md §10.1 (CALC).
public enum SandboxOrderCalculator {
    /// 2 decimals, midpoint away from zero.
    public static func round2(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 2, .plain)
        return result
    }

    /// `order` with every CALC field of its lines, discounts, form and shipments filled in.
    /// `defaultTaxRate` applies to lines and shipments without `taxRate` (the market's rate).
    public static func calculate(_ order: OmniumOrder, defaultTaxRate: Decimal = 25) -> OmniumOrder {
        var order = order
        guard var form = order.orderForm else { return order }
        var lines = form.lineItems ?? []
        // MARK: Line prices before order discounts
        var discountedPrices: [Decimal] = []
        for k in lines.indices {
            let q = lines[k].quantity ?? 0
            let c = lines[k].canceledQuantity ?? 0
            let p = lines[k].placedPrice ?? 0
            let d = lines[k].discounted ?? 0
            let tax = lines[k].taxRate ?? defaultTaxRate
            lines[k].placedPriceExclTax = round2(p / (1 + tax / 100))
            let open = q - c
            let discounted = q == 0 ? 0 : round2(open * p - d / q * open)
            lines[k].discountedPrice = discounted
            lines[k].discountedPriceExclTax = round2(discounted / (1 + tax / 100))
            discountedPrices.append(discounted)
        }
        let sum = discountedPrices.reduce(0, +)
        // MARK: Order discounts
        var discounts = form.discounts ?? []
        var orderDiscount: Decimal = 0
        for k in discounts.indices where (discounts[k].discountType ?? "Order").caseInsensitiveCompare("Order") == .orderedSame {
            let value = discounts[k].discountValue ?? 0
            let amount: Decimal
            if (discounts[k].rewardType ?? "").caseInsensitiveCompare("Percentage") == .orderedSame {
                amount = round2(sum * value / 100)
            } else {
                amount = round2(min(value, sum))
            }
            discounts[k].discountAmount = amount
            orderDiscount += amount
        }
        var allocated: Decimal = 0
        let lastWeighted = discountedPrices.lastIndex { $0 != 0 }
        var lineTax: Decimal = 0
        for k in lines.indices {
            let tax = lines[k].taxRate ?? defaultTaxRate
            var share: Decimal = 0
            if sum != 0 && orderDiscount != 0 {
                share = k == lastWeighted ? orderDiscount - allocated : round2(discountedPrices[k] / sum * orderDiscount)
                allocated += share
            }
            lines[k].orderDiscountAmount = share
            let extended = discountedPrices[k] - share
            lines[k].extendedPrice = extended
            let exclTax = round2(extended / (1 + tax / 100))
            lines[k].extendedPriceExclTax = exclTax
            lines[k].taxTotal = extended - exclTax
            lineTax += extended - exclTax
        }
        // MARK: Shipments and form totals
        var shipping: Decimal = 0
        var shippingTax: Decimal = 0
        var shipments = form.shipments ?? []
        let byId = Dictionary(lines.compactMap { line in line.lineItemId.map { ($0, line) } }, uniquingKeysWith: { a, _ in a })
        for k in shipments.indices {
            let amount = shipments[k].shippingSubTotal ?? 0
            shipping += amount
            let rate = shipments[k].shipmentTaxRate ?? defaultTaxRate
            shippingTax += amount - round2(amount / (1 + rate / 100))
            if let shipmentLines = shipments[k].lineItems {
                shipments[k].lineItems = shipmentLines.map { line in line.lineItemId.flatMap { byId[$0] } ?? line }
            }
        }
        let total = lines.reduce(0) { $0 + ($1.extendedPrice ?? 0) } + shipping
        let taxTotal = lineTax + shippingTax
        form.lineItems = form.lineItems == nil && lines.isEmpty ? nil : lines
        form.discounts = form.discounts == nil ? nil : discounts
        form.shipments = form.shipments == nil ? nil : shipments
        form.subTotal = sum
        form.subTotalExclTax = lines.reduce(0) { $0 + ($1.discountedPriceExclTax ?? 0) }
        form.discountAmount = orderDiscount
        form.shippingSubTotal = shipping
        form.shippingTotal = shipping
        form.taxTotal = taxTotal
        form.total = total
        form.totalExclTax = total - taxTotal
        order.orderForm = form
        order.netTotal = total
        order.netTotalExclTax = total - taxTotal
        return order
    }
}
