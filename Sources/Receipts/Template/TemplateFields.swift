import Foundation

// MARK: - TemplateFields

/// The fields a template may name, by scope, and what each holds. The one list both the parser (to
/// refuse unknown names) and ``TemplateScope`` (to resolve them) follow; templates/README.md lists them.
enum TemplateFields {
    /// What a field holds, which decides its default format.
    enum Kind: Sendable { case text, money, quantity, rate, dateTime, flag }

    /// The names visible at one point of a template.
    struct Scope: Sendable {
        var fields: [String: Kind]

        func contains(_ path: String) -> Bool { fields[path] != nil }

        func adding(_ variable: String, _ item: [String: Kind]) -> Scope {
            var copy = self
            for (name, kind) in item { copy.fields["\(variable).\(name)"] = kind }
            return copy
        }

        func closest(to path: String) -> String? {
            fields.keys.min { distance($0, path) < distance($1, path) }.flatMap { distance($0, path) <= 3 ? $0 : nil }
        }

        private func distance(_ a: String, _ b: String) -> Int {
            let a = Array(a), b = Array(b)
            var row = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return row[b.count]
        }
    }

    static let top = Scope(fields: [
        "kind": .text, "receiptNumber": .text, "cashRegister": .text, "employee": .text, "customer": .text,
        "originalReceipt": .text, "createdAt": .dateTime, "currency": .text,
        "total": .money, "vatTotal": .money, "discountTotal": .money, "rounding": .money, "change": .money,
        "paid": .money, "isReturn": .flag, "isPayment": .flag, "isCopy": .flag, "lineCount": .quantity,
        "seller.name": .text, "seller.organisationNumber": .text, "seller.storeName": .text, "seller.address": .text,
        "seller.postalCode": .text, "seller.city": .text,
    ])

    /// The lists `for` can walk, and the fields of their items.
    static let lists: [String: [String: Kind]] = [
        "lines": ["name": .text, "sku": .text, "quantity": .quantity, "unitPrice": .money, "discount": .money,
                  "vatRate": .rate, "amount": .money],
        "vatLines": ["rate": .rate, "basis": .money, "vat": .money, "gross": .money],
        "payments": ["method": .text, "amount": .money, "reference": .text],
    ]

    /// `money` (1 234,50), `quantity` (1,5), `percent` (25 %), `date` (03.12.2026), `datetime`
    /// (03.12.2026 14:05), `upper`, `abs` (money without its sign), `neg` (money with its sign turned:
    /// a discount printed as a deduction, `-39,90` on a sale and `39,90` on a return).
    static let filters: Set<String> = ["money", "quantity", "percent", "date", "datetime", "upper", "abs", "neg"]
}

// MARK: - TemplateScope

/// Resolves field paths against one receipt (and the current item of each `for`).
///
/// Items are the receipt's own values, resolved by field name when a template names one: no dictionary
/// is built per line (the till receipt bench renders thousands of receipts a second).
struct TemplateScope {
    enum Value {
        case text(String?)
        case money(Int64)
        case quantity(Int64)
        case rate(Int)
        case dateTime(Date)
        case flag(Bool)
    }

    /// One item of a list `for` walks; its fields are `TemplateFields.lists`.
    enum Item {
        case line(ReceiptDocument.Line)
        case vatLine(ReceiptDocument.VatLine)
        case payment(ReceiptDocument.Payment)

        func value(_ field: Substring) -> Value {
            switch self {
            case .line(let line):
                switch field {
                case "name": return .text(line.name)
                case "sku": return .text(line.sku)
                case "quantity": return .quantity(line.quantity)
                case "unitPrice": return .money(line.unitPrice)
                case "discount": return .money(line.discount)
                case "vatRate": return .rate(line.vatRate)
                case "amount": return .money(line.amount)
                default: return .text(nil)
                }
            case .vatLine(let vat):
                switch field {
                case "rate": return .rate(vat.rate)
                case "basis": return .money(vat.basis)
                case "vat": return .money(vat.vat)
                case "gross": return .money(vat.gross)
                default: return .text(nil)
                }
            case .payment(let payment):
                switch field {
                case "method": return .text(payment.method)
                case "amount": return .money(payment.amount)
                case "reference": return .text(payment.reference)
                default: return .text(nil)
                }
            }
        }
    }

    let receipt: ReceiptDocument
    let timeZone: TimeZone
    /// The current item of each enclosing `for`, innermost last (an inner `for` may reuse a name: the
    /// innermost wins).
    var items: [(variable: String, item: Item)] = []

    init(receipt: ReceiptDocument, timeZone: TimeZone) {
        self.receipt = receipt
        self.timeZone = timeZone
    }

    func items(of list: String) -> [Item] {
        switch list {
        case "lines": return receipt.lines.map(Item.line)
        case "vatLines": return receipt.vatLines.map(Item.vatLine)
        case "payments": return receipt.payments.map(Item.payment)
        default: return []
        }
    }

    func value(_ path: String) -> Value {
        if !items.isEmpty, let dot = path.firstIndex(of: ".") {
            let variable = path[..<dot]
            if let item = items.last(where: { $0.variable == variable }) {
                return item.item.value(path[path.index(after: dot)...])
            }
        }
        let r = receipt
        switch path {
        case "kind": return .text(r.kind)
        case "receiptNumber": return .text(r.receiptNumber)
        case "cashRegister": return .text(r.cashRegister)
        case "employee": return .text(r.employee)
        case "customer": return .text(r.customer)
        case "originalReceipt": return .text(r.originalReceipt)
        case "createdAt": return .dateTime(r.createdAt)
        case "currency": return .text(r.currency)
        case "total": return .money(r.total)
        case "vatTotal": return .money(r.vatTotal)
        case "discountTotal": return .money(r.discountTotal)
        case "rounding": return .money(r.rounding)
        case "change": return .money(r.change)
        case "paid": return .money(r.payments.reduce(0) { $0 + $1.amount })
        case "isReturn": return .flag(r.kind == "RETURN")
        case "isPayment": return .flag(r.kind == "PAYMENT")
        case "isCopy": return .flag(r.isCopy)
        case "lineCount": return .quantity(Int64(r.lines.count) * 100)
        case "seller.name": return .text(r.seller.name)
        case "seller.organisationNumber": return .text(r.seller.organisationNumber)
        case "seller.storeName": return .text(r.seller.storeName)
        case "seller.address": return .text(r.seller.address)
        case "seller.postalCode": return .text(r.seller.postalCode)
        case "seller.city": return .text(r.seller.city)
        default: return .text(nil)
        }
    }

    func isTrue(_ path: String) -> Bool {
        switch value(path) {
        case .text(let text): return !(text ?? "").isEmpty
        case .money(let value), .quantity(let value): return value != 0
        case .rate(let value): return value != 0
        case .dateTime: return true
        case .flag(let flag): return flag
        }
    }

    func text(_ segments: [Segment]) -> String {
        var text = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): text += literal
            case let .field(path, filter): text += format(value(path), filter: filter)
            }
        }
        return text
    }

    func format(_ value: Value, filter: String?) -> String {
        switch (value, filter) {
        case (.money(let ore), "abs"): return NorwegianFormat.money(abs(ore))
        case (.money(let ore), "neg"): return NorwegianFormat.money(-ore)
        case (.money(let ore), _): return NorwegianFormat.money(ore)
        case (.quantity(let hundredths), _): return NorwegianFormat.quantity(hundredths)
        case (.rate(let rate), _): return NorwegianFormat.percent(rate)
        case (.dateTime(let date), "date"): return NorwegianFormat.date(date, timeZone: timeZone)
        case (.dateTime(let date), _): return NorwegianFormat.dateTime(date, timeZone: timeZone)
        case (.flag(let flag), _): return flag ? "ja" : "nei"
        case (.text(let text), "upper"): return (text ?? "").uppercased()
        case (.text(let text), _): return text ?? ""
        }
    }
}
