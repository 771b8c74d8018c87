import Foundation

// MARK: - ReceiptDocument

/// Everything a Norwegian receipt shows (bokføringsforskriften § 5-3), independent of where it came
/// from: the seller, the transaction, its lines, VAT per rate, payments, change and rounding.
///
/// Money in øre (VAT included, negative on returns), quantities ×100, VAT rates in basis points, as in
/// the Flow store; formatting happens only in the template (`NorwegianFormat`).
public struct ReceiptDocument: Sendable, Hashable, Codable {
    public struct Seller: Sendable, Hashable, Codable {
        public var name: String
        /// Organisation number, printed followed by `MVA` when registered for VAT.
        public var organisationNumber: String?
        public var storeName: String
        public var address: String?
        public var postalCode: String?
        public var city: String?

        public init(name: String, organisationNumber: String?, storeName: String, address: String? = nil,
                    postalCode: String? = nil, city: String? = nil) {
            self.name = name
            self.organisationNumber = organisationNumber
            self.storeName = storeName
            self.address = address
            self.postalCode = postalCode
            self.city = city
        }
    }

    public struct Line: Sendable, Hashable, Codable {
        public var name: String
        public var sku: String
        public var quantity: Int64
        public var unitPrice: Int64
        public var discount: Int64
        public var vatRate: Int
        public var amount: Int64

        public init(name: String, sku: String, quantity: Int64, unitPrice: Int64, discount: Int64, vatRate: Int, amount: Int64) {
            self.name = name
            self.sku = sku
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.discount = discount
            self.vatRate = vatRate
            self.amount = amount
        }
    }

    /// VAT of one rate: the basis (excl. VAT) and the VAT.
    public struct VatLine: Sendable, Hashable, Codable {
        public var rate: Int
        public var basis: Int64
        public var vat: Int64
        public var gross: Int64
    }

    public struct Payment: Sendable, Hashable, Codable {
        public var method: String
        public var amount: Int64
        public var reference: String?

        public init(method: String, amount: Int64, reference: String? = nil) {
            self.method = method
            self.amount = amount
            self.reference = reference
        }
    }

    /// `SALE`, `RETURN` or `PAYMENT` (a payment receipt).
    public var kind: String
    public var receiptNumber: String
    public var cashRegister: String
    public var employee: String?
    public var customer: String?
    /// For a return: the receipt number it returns.
    public var originalReceipt: String?
    public var createdAt: Date
    public var currency: String
    public var seller: Seller
    public var lines: [Line]
    public var payments: [Payment]
    public var total: Int64
    public var vatTotal: Int64
    public var discountTotal: Int64
    public var rounding: Int64
    public var change: Int64
    /// A copy rendered on request: marked `KOPI` on every page, whatever the template says.
    public var isCopy: Bool

    public init(kind: String, receiptNumber: String, cashRegister: String, employee: String? = nil, customer: String? = nil,
                originalReceipt: String? = nil, createdAt: Date, currency: String = "NOK", seller: Seller, lines: [Line],
                payments: [Payment], total: Int64, vatTotal: Int64, discountTotal: Int64 = 0, rounding: Int64 = 0,
                change: Int64 = 0, isCopy: Bool = false) {
        self.kind = kind
        self.receiptNumber = receiptNumber
        self.cashRegister = cashRegister
        self.employee = employee
        self.customer = customer
        self.originalReceipt = originalReceipt
        self.createdAt = createdAt
        self.currency = currency
        self.seller = seller
        self.lines = lines
        self.payments = payments
        self.total = total
        self.vatTotal = vatTotal
        self.discountTotal = discountTotal
        self.rounding = rounding
        self.change = change
        self.isCopy = isCopy
    }

    /// VAT per rate, highest rate first; the basis is the gross less its VAT (so basis + VAT = gross exactly).
    public var vatLines: [VatLine] {
        var byRate: [Int: (gross: Int64, vat: Int64)] = [:]
        for line in lines {
            let vat = Self.vat(of: line.amount, rate: line.vatRate)
            byRate[line.vatRate, default: (0, 0)].gross += line.amount
            byRate[line.vatRate, default: (0, 0)].vat += vat
        }
        return byRate.keys.sorted(by: >).map { rate in
            let entry = byRate[rate] ?? (0, 0)
            return VatLine(rate: rate, basis: entry.gross - entry.vat, vat: entry.vat, gross: entry.gross)
        }
    }

    /// VAT contained in a VAT-inclusive amount, half away from zero.
    static func vat(of amount: Int64, rate: Int) -> Int64 {
        let numerator = amount * Int64(rate), denominator = Int64(10_000 + rate)
        return numerator >= 0 ? (numerator + denominator / 2) / denominator : (numerator - denominator / 2) / denominator
    }
}
