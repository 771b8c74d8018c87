import Foundation

// MARK: - FlowPosOrder

/// A transaction of a Flow POS: a sale, a return, or a payment receipt (a customer paying an open
/// invoice), with its lines, payments and receipt totals (Flow's `orderReceipt`).
///
/// Units as everywhere in the Flow store: money in øre (`Int64`, VAT included, negative on returns),
/// quantities ×100, VAT rates in basis points (2500 = 25 %). The order is written whole, in one
/// transaction, by ``PosOrdersTable/save(_:in:)``, which journals the change for the outbound push.
/// Producers: a POS (`pos simulate` stands in for one), and the journal import (SAF-T, JSON Lines).
public struct FlowPosOrder: Sendable, Hashable, Codable {
    /// Stable, unique id; the Omnium order id of the push (`FlowUID` characters only).
    public var orderUid: String
    /// The voucher (receipt) number as printed, unique per cash register.
    public var orderNumber: String
    public var type: FlowPosOrderType
    public var orderState: FlowPosOrderState
    public var storeUid: String
    public var cashRegisterUid: String
    /// The employee at the till, when known.
    public var employeeUid: String?
    public var customerUid: String?
    /// For a return of an earlier sale: that sale's `orderUid` (nil for a return without original).
    public var originalOrderUid: String?
    /// ISO 4217.
    public var currency: String
    public var createdAt: Date
    /// When the transaction was paid and closed.
    public var settledAt: Date?
    /// Sum of line totals plus rounding, øre, VAT included (negative for returns).
    public var orderTotal: Int64
    public var vatTotal: Int64
    public var discountTotal: Int64
    /// Cash rounding, øre (e.g. −40 when 1 234,40 was rounded to 1 234,00).
    public var rounding: Int64
    /// Change handed back in cash, øre (≥ 0).
    public var changeGiven: Int64
    /// Where the transaction came from: `POS`, `SAFT`, `JSONL`.
    public var source: String
    /// The producer's own key (e.g. `saft:<file digest>:<transID>`): importing again is a no-op.
    public var sourceKey: String
    public var lines: [FlowPosOrderLine]
    public var payments: [FlowPosPayment]

    public init(orderUid: String, orderNumber: String, type: FlowPosOrderType, orderState: FlowPosOrderState = .completed,
                storeUid: String, cashRegisterUid: String, employeeUid: String? = nil, customerUid: String? = nil,
                originalOrderUid: String? = nil, currency: String = "NOK", createdAt: Date, settledAt: Date? = nil,
                orderTotal: Int64, vatTotal: Int64, discountTotal: Int64 = 0, rounding: Int64 = 0, changeGiven: Int64 = 0,
                source: String = "POS", sourceKey: String? = nil, lines: [FlowPosOrderLine], payments: [FlowPosPayment]) {
        self.orderUid = orderUid
        self.orderNumber = orderNumber
        self.type = type
        self.orderState = orderState
        self.storeUid = storeUid
        self.cashRegisterUid = cashRegisterUid
        self.employeeUid = employeeUid
        self.customerUid = customerUid
        self.originalOrderUid = originalOrderUid
        self.currency = currency
        self.createdAt = createdAt
        self.settledAt = settledAt
        self.orderTotal = orderTotal
        self.vatTotal = vatTotal
        self.discountTotal = discountTotal
        self.rounding = rounding
        self.changeGiven = changeGiven
        self.source = source
        self.sourceKey = sourceKey ?? "\(source.lowercased()):\(orderUid)"
        self.lines = lines
        self.payments = payments
    }

    /// Checks the rules every producer must keep, so nothing inconsistent is stored or pushed.
    /// - Throws: ``PosOrderError`` naming the order, the field and both numbers.
    public func validate() throws {
        func fail(_ field: String, _ reason: String) -> PosOrderError {
            PosOrderError(orderUid: orderUid, field: field, reason: reason)
        }
        // Over the UTF-8 bytes: the same set as ASCII letters, digits, '_' and '-' per Character, without
        // Unicode property lookups (a bulk import validates hundreds of thousands of orders).
        guard !orderUid.isEmpty, orderUid.utf8.allSatisfy({ byte in
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte == 0x2D
        })
        else { throw fail("orderUid", "'\(orderUid)' is not a Flow UID ([A-Za-z0-9_-]+)") }
        guard type == .payment || !lines.isEmpty else { throw fail("lines", "a \(type.rawValue) needs at least one line") }
        var lineSum: Int64 = 0, vatSum: Int64 = 0, discountSum: Int64 = 0
        for line in lines {
            try line.validate(orderUid: orderUid, type: type)
            let (sum, overflow) = lineSum.addingReportingOverflow(line.lineTotal)
            guard !overflow else { throw fail("lines", "line totals overflow") }
            lineSum = sum
            vatSum += line.vatAmount
            discountSum += line.discountAmount
        }
        if type != .payment {
            guard lineSum + rounding == orderTotal else {
                throw fail("orderTotal", "\(orderTotal) øre, but the lines add up to \(lineSum) øre and rounding is \(rounding)")
            }
            guard vatSum == vatTotal else { throw fail("vatTotal", "\(vatTotal) øre, but the lines' VAT adds up to \(vatSum)") }
            guard discountSum == discountTotal else {
                throw fail("discountTotal", "\(discountTotal) øre, but the lines' discounts add up to \(discountSum)")
            }
        }
        guard changeGiven >= 0 else { throw fail("changeGiven", "\(changeGiven) øre is negative") }
        if orderState == .completed {
            let paid = payments.reduce(Int64(0)) { $0 + $1.amount }
            guard paid - changeGiven == orderTotal else {
                throw fail("payments", "paid \(paid) øre less change \(changeGiven) is not the order total \(orderTotal)")
            }
        }
        if type == .return, orderTotal > 0 { throw fail("orderTotal", "a return's total \(orderTotal) øre must not be positive") }
        if type == .sale, orderTotal < 0 { throw fail("orderTotal", "a sale's total \(orderTotal) øre must not be negative") }
    }
}

/// One line of a POS order.
public struct FlowPosOrderLine: Sendable, Hashable, Codable {
    /// 1-based position; the Omnium `lineItemId` of the push.
    public var lineNo: Int
    public var sku: String
    public var productUid: String?
    public var name: String
    /// ×100; negative on return lines.
    public var quantity: Int64
    /// Price of one unit, øre, VAT included, before discount.
    public var unitPrice: Int64
    /// Discount on the line, øre (≥ 0 on sales; on returns the discount given back, ≤ 0).
    public var discountAmount: Int64
    /// Basis points: 2500 = 25 %.
    public var vatRate: Int
    /// VAT in the line total, øre.
    public var vatAmount: Int64
    /// unitPrice × quantity / 100 − discountAmount, øre, VAT included.
    public var lineTotal: Int64
    /// Cost price of one unit, øre, excl. VAT, when known.
    public var costPrice: Int64?

    public init(lineNo: Int, sku: String, productUid: String? = nil, name: String, quantity: Int64, unitPrice: Int64,
                discountAmount: Int64 = 0, vatRate: Int, vatAmount: Int64, lineTotal: Int64, costPrice: Int64? = nil) {
        self.lineNo = lineNo
        self.sku = sku
        self.productUid = productUid
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discountAmount = discountAmount
        self.vatRate = vatRate
        self.vatAmount = vatAmount
        self.lineTotal = lineTotal
        self.costPrice = costPrice
    }

    func validate(orderUid: String, type: FlowPosOrderType) throws {
        func fail(_ field: String, _ reason: String) -> PosOrderError {
            PosOrderError(orderUid: orderUid, field: "lines[\(lineNo)].\(field)", reason: reason)
        }
        guard !sku.isEmpty else { throw fail("sku", "empty") }
        guard quantity != 0 else { throw fail("quantity", "0") }
        if type == .sale, quantity < 0 { throw fail("quantity", "\(quantity) is negative on a sale") }
        if type == .return, quantity > 0 { throw fail("quantity", "\(quantity) is positive on a return") }
        guard unitPrice >= 0 else { throw fail("unitPrice", "\(unitPrice) øre is negative") }
        guard (0...10_000).contains(vatRate) else { throw fail("vatRate", "\(vatRate) basis points is not 0–100 %") }
        let (gross, overflow) = unitPrice.multipliedReportingOverflow(by: quantity)
        guard !overflow else { throw fail("quantity", "unit price × quantity overflows") }
        // Øre × (quantity ×100) / 100, rounded half away from zero.
        let expected = (gross >= 0 ? gross + 50 : gross - 50) / 100 - discountAmount
        guard expected == lineTotal else {
            throw fail("lineTotal", "\(lineTotal) øre, but \(unitPrice) × \(quantity)/100 − \(discountAmount) = \(expected)")
        }
    }
}

/// One tender of a POS order.
public struct FlowPosPayment: Sendable, Hashable, Codable {
    public var paymentNo: Int
    public var tenderType: FlowTenderType
    /// Øre; negative when money went back to the customer (a refund).
    public var amount: Int64
    /// Card reference (masked PAN, terminal transaction id) or voucher/gift card number.
    public var reference: String?

    public init(paymentNo: Int, tenderType: FlowTenderType, amount: Int64, reference: String? = nil) {
        self.paymentNo = paymentNo
        self.tenderType = tenderType
        self.amount = amount
        self.reference = reference
    }
}

/// The kind of a POS transaction.
public enum FlowPosOrderType: String, Sendable, Hashable, Codable, CaseIterable {
    case sale = "SALE"
    case `return` = "RETURN"
    /// A payment receipt: a customer paying an open invoice or account; no lines.
    case payment = "PAYMENT"
}

/// Where a POS transaction stands.
public enum FlowPosOrderState: String, Sendable, Hashable, Codable, CaseIterable {
    case completed = "COMPLETED"
    /// Cancelled after it was completed (voided); pushed to Omnium as a cancellation.
    case cancelled = "CANCELLED"
}

/// A means of payment at the till.
public enum FlowTenderType: String, Sendable, Hashable, Codable, CaseIterable {
    case cash = "CASH"
    case card = "CARD"
    case voucher = "VOUCHER"
    case giftCard = "GIFT_CARD"
    case mobile = "MOBILE"
    case invoice = "INVOICE"
    case other = "OTHER"
}

/// A POS order that breaks a rule; it is refused whole, never stored in part.
public struct PosOrderError: Error, Sendable, Equatable, CustomStringConvertible {
    public var orderUid: String
    public var field: String
    public var reason: String

    public init(orderUid: String, field: String, reason: String) {
        self.orderUid = orderUid
        self.field = field
        self.reason = reason
    }

    public var description: String { "POS order \(orderUid): \(field): \(reason)" }
}
