import Foundation
import Omnium

/// Computes an order's CALC fields the way Omnium documents them, in one place for the generator
/// and the write routes.
///
/// Per line (q = quantity, c = canceledQuantity, p = placedPrice incl. tax, d = `discounted`):
/// `placedPriceExclTax = p / (1 + tax/100)`, `discountedPrice = (q - c)·p - (d/q)·(q - c)`,
/// `orderDiscountAmount = discountedPrice / Σ discountedPrice · order discount`,
/// `extendedPrice = discountedPrice - orderDiscountAmount`, `extendedPriceExclTax = extendedPrice / (1 + tax/100)`,
/// `taxTotal = extendedPrice - extendedPriceExclTax`. Shipments: their `discounts` (`Shipping`; `Percentage`
/// of `shippingSubTotal` or `Money`, never below zero) give `shippingDiscountAmount`, `shippingTotal =
/// shippingSubTotal - shippingDiscountAmount`, shipping tax on `shippingTotal`. Form: `subTotal = Σ extendedPrice`
/// (after order discounts), `total = Σ extendedPrice + Σ shippingTotal`, `totalExclTax = total - taxTotal`,
/// `netTotal = total`. Every amount is rounded to 2 decimals,
/// midpoint away from zero; the last line takes the order discount's rounding remainder.
/// Check: 2 × 500, tax 25, 10 % order discount → 400, 1000, 100, 900, 720, 180.
///
/// Vendor example: one line of 99.0, 50 % order discount → `extendedPrice` 49.5, `subTotal` 49.5,
/// `placedPriceExclTax` 79.2, `taxTotal` 9.9.
///
/// Spec: omnium-contract.md §10.1 (CALC, corrected text), omnium-api.md §5.3.
public enum SandboxOrderCalculator {
    /// 2 decimals, midpoint away from zero.
    public static func round2(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 2, .plain)
        return result
    }

    /// `round2(dividend / divisor)`, the same value written the same way, made with integer arithmetic when
    /// the scaled divisor is below 10^15 and the quotient in hundredths below 10^17 (amounts, quantities and
    /// `1 + tax/100` are); otherwise by `Decimal`'s division.
    ///
    /// Why: `Decimal` division works digit by digit to 38 digits; five of them per line were a tenth of the
    /// sandbox's CPU answering a POS order. The integer quotient is exact and rounded once, midpoint away
    /// from zero. `round2` of the 38-digit quotient gives the same unless the quotient lies within one unit
    /// of its 38th digit (at most 10^-20 here) of a midpoint without being one; but a quotient N / D that is
    /// no midpoint is at least 1 / (1000 · D) > 10^-18 away from every midpoint. Then `round2` writes the value
    /// as it writes any amount (`SandboxOrderCalculatorTests` compare the text).
    public static func divideRounded(_ dividend: Decimal, by divisor: Decimal) -> Decimal {
        guard SandboxDecimalText.layoutIsKnown, let x = SandboxDecimalText.parts(of: dividend),
              let y = SandboxDecimalText.parts(of: divisor), !x.isNaN, !y.isNaN, y.mantissa != 0,
              let hundredths = roundedHundredths(x, y) else {
            return round2(dividend / divisor)
        }
        let magnitude = Decimal(hundredths.magnitude)
        return round2(Decimal(sign: hundredths < 0 ? .minus : .plus, exponent: -2, significand: magnitude))
    }

    /// `1 + rate / 100`, the same value, with the rate's decimal point moved two places instead of a `Decimal`
    /// division (the factor is only ever divided by, so its value is what counts). Rates written with more than
    /// 10 decimals or a large exponent are left to the division (at `1E-90` `Decimal` answers NaN, and so must this).
    static func taxFactor(_ rate: Decimal) -> Decimal {
        guard rate.isFinite, (-10...10).contains(rate.exponent) else { return 1 + rate / 100 }
        return 1 + Decimal(sign: rate.sign, exponent: rate.exponent - 2, significand: rate.significand)
    }

    /// `x / y` in hundredths, rounded midpoint away from zero; nil when a step would overflow 64 bits.
    private static func roundedHundredths(_ x: SandboxDecimalText.Parts, _ y: SandboxDecimalText.Parts) -> Int64? {
        // x / y · 100 = (mx · 10^(ex + 2 - ey)) / my
        var numerator = x.mantissa
        var denominator = y.mantissa
        let shift = x.exponent + 2 - y.exponent
        guard abs(shift) <= 19 else { return nil }
        var scale: UInt64 = 1
        for _ in 0..<abs(shift) { scale *= 10 }
        let (scaled, overflow) = (shift >= 0 ? numerator : denominator).multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        if shift >= 0 { numerator = scaled } else { denominator = scaled }
        let (truncated, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        // Midpoint away from zero: the magnitude goes up when the remainder is at least half the divisor.
        let quotient = remainder >= denominator - remainder ? truncated + 1 : truncated
        guard denominator < 1_000_000_000_000_000, quotient < 100_000_000_000_000_000 else { return nil }
        let magnitude = Int64(quotient)
        return x.isNegative != y.isNegative && magnitude != 0 ? -magnitude : magnitude
    }

    /// `order` with every CALC field of its lines, discounts, form and shipments filled in.
    /// `defaultTaxRate` applies to lines and shipments without `taxRate` (the market's rate).
    public static func calculate(_ order: OmniumOrder, defaultTaxRate: Decimal = 25) -> OmniumOrder {
        var order = order
        guard var form = order.orderForm else { return order }
        var lines = form.lineItems ?? []
        // MARK: Line prices before order discounts
        var discountedPrices: [Decimal] = []
        var taxFactors: [Decimal] = []
        for k in lines.indices {
            let q = lines[k].quantity ?? 0
            let c = lines[k].canceledQuantity ?? 0
            let p = lines[k].placedPrice ?? 0
            let d = lines[k].discounted ?? 0
            // `1 + tax/100` once per line (Decimal division is most of this calculation's cost): the same
            // value as computing it in each formula.
            let taxFactor = Self.taxFactor(lines[k].taxRate ?? defaultTaxRate)
            taxFactors.append(taxFactor)
            lines[k].placedPriceExclTax = divideRounded(p, by: taxFactor)
            let open = q - c
            // No discount (a POS sale's lines, mostly): `d / q` is 0, without a division.
            let discounted = q == 0 ? 0 : round2(open * p - (d == 0 ? 0 : d / q) * open)
            lines[k].discountedPrice = discounted
            lines[k].discountedPriceExclTax = divideRounded(discounted, by: taxFactor)
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
            var share: Decimal = 0
            if sum != 0 && orderDiscount != 0 {
                share = k == lastWeighted ? orderDiscount - allocated : round2(discountedPrices[k] / sum * orderDiscount)
                allocated += share
            }
            lines[k].orderDiscountAmount = share
            let extended = discountedPrices[k] - share
            lines[k].extendedPrice = extended
            let exclTax = divideRounded(extended, by: taxFactors[k])
            lines[k].extendedPriceExclTax = exclTax
            lines[k].taxTotal = extended - exclTax
            lineTax += extended - exclTax
        }
        // MARK: Shipments: shipping discounts, then shipping tax on what is left
        var shippingSubTotal: Decimal = 0
        var shippingDiscounts: Decimal = 0
        var shippingTotal: Decimal = 0
        var shippingTax: Decimal = 0
        var shipments = form.shipments ?? []
        let byId = Dictionary(lines.compactMap { line in line.lineItemId.map { ($0, line) } }, uniquingKeysWith: { a, _ in a })
        for k in shipments.indices {
            let subTotal = shipments[k].shippingSubTotal ?? 0
            let rate = shipments[k].shipmentTaxRate ?? defaultTaxRate
            var discountLeft = subTotal
            if var discounts = shipments[k].discounts {
                for d in discounts.indices where (discounts[d].discountType ?? "Shipping").caseInsensitiveCompare("Shipping") == .orderedSame {
                    let value = discounts[d].discountValue ?? 0
                    let isPercentage = (discounts[d].rewardType ?? "").caseInsensitiveCompare("Percentage") == .orderedSame
                    let amount = max(0, min(discountLeft, round2(isPercentage ? subTotal * value / 100 : value)))
                    discounts[d].discountAmount = amount
                    discountLeft -= amount
                }
                shipments[k].discounts = discounts
            }
            let discountAmount = subTotal - discountLeft
            let total = subTotal - discountAmount
            let rateFactor = Self.taxFactor(rate)
            let exclTax = divideRounded(total, by: rateFactor)
            shipments[k].shippingSubTotalExclTax = divideRounded(subTotal, by: rateFactor)
            shipments[k].shippingDiscountAmount = discountAmount
            shipments[k].shippingTotal = total
            shipments[k].shippingTax = total - exclTax
            if let shipmentLines = shipments[k].lineItems {
                let current = shipmentLines.map { line in line.lineItemId.flatMap { byId[$0] } ?? line }
                shipments[k].lineItems = current
                // (inferred) A shipment's own totals: its lines after order discounts plus its shipping.
                let linesTotal = current.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) }
                shipments[k].subTotal = linesTotal
                shipments[k].total = linesTotal + total
                shipments[k].taxTotal = current.reduce(Decimal(0)) { $0 + ($1.taxTotal ?? 0) } + (total - exclTax)
            }
            shippingSubTotal += subTotal
            shippingDiscounts += discountAmount
            shippingTotal += total
            shippingTax += total - exclTax
        }
        // MARK: Form and order totals
        let linesTotal = lines.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) }
        let total = linesTotal + shippingTotal
        let taxTotal = lineTax + shippingTax
        form.lineItems = form.lineItems == nil && lines.isEmpty ? nil : lines
        form.discounts = form.discounts == nil ? nil : discounts
        form.shipments = form.shipments == nil ? nil : shipments
        // After order-level discounts (contract §10, corrected: the vendor's 99.0 line with 50 % off has subTotal 49.5).
        form.subTotal = linesTotal
        form.subTotalExclTax = lines.reduce(Decimal(0)) { $0 + ($1.extendedPriceExclTax ?? 0) }
        form.discountAmount = orderDiscount
        form.shippingSubTotal = shippingSubTotal
        form.shippingSubTotalExclTax = shipments.reduce(Decimal(0)) { $0 + ($1.shippingSubTotalExclTax ?? 0) }
        form.shippingDiscountTotal = shippingDiscounts
        form.shippingTotal = shippingTotal
        form.taxTotal = taxTotal
        form.total = total
        form.totalExclTax = total - taxTotal
        order.orderForm = form
        order.netTotal = total
        order.netTotalExclTax = total - taxTotal
        order.shippingSubTotal = shippingSubTotal
        return order
    }
}
