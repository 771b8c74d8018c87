import FlowMapping
import FlowStore
import Foundation

// MARK: - SaftMapping

/// One SAF-T `cashtransaction` as a Flow POS order (docs/mapping-saft.md). Pure: the importer supplies
/// the master data, the store and the articles Flow knows.
public struct SaftMapping: Sendable {
    public var master: SaftMasterData { didSet { codes = Codes(master) } }
    public var storeUid: String
    public var timeZone: TimeZone { didSet { localTime = SaftLocalTime(zone: timeZone) } }
    /// SKUs the Flow store knows; an article outside it is quarantined unless `createUnknownArticles`.
    public var knownSkus: Set<String>
    public var createUnknownArticles: Bool
    /// Reads `transDate`/`transTime` in `timeZone` (its offset cached per day).
    private var localTime: SaftLocalTime
    /// The file's transaction and payment types (basics of type 11 and 12) by `basicID`, each already
    /// classified (what a transaction type becomes, which Flow tender a payment type is): one dictionary
    /// look-up per transaction and payment instead of a key string, the code-list sets and a string switch.
    private var codes: Codes

    struct Codes: Sendable {
        var transaction: [String: TransactionKind] = [:]
        var payment: [String: FlowTenderType] = [:]

        init(_ master: SaftMasterData) {
            // `basics` is keyed "type/id" (SaftMasterData.predefined): the same pairs, split at the first '/'.
            for (key, code) in master.basics {
                guard let slash = key.firstIndex(of: "/") else { continue }
                switch key[..<slash] {
                case "11": transaction[String(key[key.index(after: slash)...])] = TransactionKind(code: code)
                case "12": payment[String(key[key.index(after: slash)...])] = SaftMapping.tender(code: code)
                default: break
                }
            }
        }
    }

    /// What a transaction of a predefined type (code list PredefinedBasicID-11) becomes.
    enum TransactionKind: Sendable, Equatable {
        case order, payment
        /// Counted as skipped, with the code list's description.
        case skipped(String)
        /// A code outside the code list (quarantined, naming it).
        case unknown(code: String)

        init(code: String) {
            if let other = SaftMapping.otherTypes[code] {
                self = .skipped(other)
            } else if SaftMapping.paymentTypes.contains(code) {
                self = .payment
            } else if SaftMapping.orderTypes.contains(code) {
                self = .order
            } else {
                self = .unknown(code: code)
            }
        }
    }

    /// The keys a file's transactions share per register (its uid's and file key's beginnings), made
    /// once per register and kept while the transactions of one register follow each other, not built
    /// with string interpolation and `FlowUID.sanitize` per transaction.
    struct RegisterKeys: Sendable {
        var registerID: String?
        /// `SAFT-<sanitized register>-`
        var uidPrefix = ""
        var register = ""
        /// `saft:<companyIdent>:<registerID>:`
        var keyPrefix = ""
    }

    public init(master: SaftMasterData, storeUid: String, timeZone: TimeZone, knownSkus: Set<String>,
                createUnknownArticles: Bool) {
        self.master = master
        self.storeUid = storeUid
        self.timeZone = timeZone
        self.knownSkus = knownSkus
        self.createUnknownArticles = createUnknownArticles
        localTime = SaftLocalTime(zone: timeZone)
        codes = Codes(master)
    }

    /// What a transaction becomes.
    public enum Result: Sendable {
        case order(FlowPosOrder)
        /// Not a sale or return (cash declaration, float, correction, …) or void/training: counted, not imported.
        case skipped(String)
        case broken(String)
    }

    /// The predefined transaction types (code list PredefinedBasicID-11) that are POS orders.
    static let orderTypes: Set<String> = ["11001", "11002", "11006", "11012", "11013", "11015", "11016", "11017"]
    static let paymentTypes: Set<String> = ["11005"]
    /// The rest of the code list, by description (counted as skipped).
    static let otherTypes: [String: String] = [
        "11003": "purchase", "11004": "payment", "11007": "cash declaration", "11008": "cash difference",
        "11009": "correction", "11010": "out payment", "11011": "in payment", "11014": "inventory", "11999": "other",
    ]

    public func map(_ t: SaftTransaction) -> Result {
        var keys = RegisterKeys()
        var orders: [FlowPosOrder] = []
        switch map(t, keys: &keys, into: &orders) {
        case .appended: return .order(orders[0])
        case .skipped(let why): return .skipped(why)
        case .broken(let reason): return .broken(reason)
        }
    }

    /// What ``map(_:keys:into:)`` did with a transaction.
    enum Outcome {
        /// Its order is the last of the batch.
        case appended
        case skipped(String)
        case broken(String)
    }

    /// As ``map(_:)``, appending the order to `orders` (the import's batch: the order is moved there, not
    /// copied out of a ``Result`` and again into the batch); `keys` carries the register's keys from one
    /// transaction to the next (a file's import passes the same value for all its transactions).
    func map(_ t: SaftTransaction, keys: inout RegisterKeys, into orders: inout [FlowPosOrder]) -> Outcome {
        guard let transID = t.transID, !transID.isEmpty else { return .broken("transID is missing") }
        guard let transType = t.transType, !transType.isEmpty else { return .broken("transType is missing") }
        guard let amount = SaftAmount.hundredths(t.transAmntIn) else {
            return .broken("transAmntIn '\(t.transAmntIn ?? "")' is missing or not an amount in whole øre")
        }
        guard let date = t.transDate, let createdAt = localTime.date(date, t.transTime) else {
            return .broken("transDate/transTime '\(t.transDate ?? "") \(t.transTime ?? "")' is missing or not a date")
        }
        guard let sign = Self.sign(t.amntTp) else { return .broken("amntTp '\(t.amntTp ?? "")' is not C or D") }
        if t.voidTransaction { return .skipped("void") }
        if t.trainingID { return .skipped("training") }
        let kind: TransactionKind
        if let known = codes.transaction[transType] {
            kind = known
        } else {
            guard transType.hasPrefix("11") else { return .broken("transType '\(transType)' is not in the file's basics (type 11)") }
            kind = TransactionKind(code: transType)
        }
        let isPayment: Bool
        switch kind {
        case .order: isPayment = false
        case .payment: isPayment = true
        case .skipped(let other): return .skipped(other)
        case .unknown(let code):
            return .broken("transType '\(transType)' (\(code)) is not in code list PredefinedBasicID-11")
        }
        let total = sign * amount

        var lines: [FlowPosOrderLine] = []
        var lineSum: Int64 = 0, vatSum: Int64 = 0, discountSum: Int64 = 0
        // Each line read where it is, field by field (a copy of a line retained its eleven strings).
        let broken: String? = t.lines.withUnsafeBufferPointer { source in
            lines.reserveCapacity(source.count)
            for index in source.indices {
                let number = index + 1
                guard let artID = source[index].artID, !artID.isEmpty else { return "ctLine \(number): artID is missing" }
                let isKnown = knownSkus.contains(artID)
                guard createUnknownArticles || isKnown else {
                    return "ctLine \(number): article \(artID) is not a SKU in the Flow store"
                }
                guard let lineSign = Self.sign(source[index].amntTp ?? t.amntTp) else { return "ctLine \(number): amntTp is not C or D" }
                guard let quantity = SaftAmount.hundredths(source[index].qnt ?? "1"), quantity > 0 else {
                    return "ctLine \(number): qnt '\(source[index].qnt ?? "")' is not a positive quantity in hundredths"
                }
                guard let lineAmount = SaftAmount.hundredths(source[index].lineAmntIn) else {
                    return "ctLine \(number): lineAmntIn '\(source[index].lineAmntIn ?? "")' is missing or not whole øre"
                }
                var discount: Int64 = 0
                for text in source[index].discounts {
                    guard let value = SaftAmount.hundredths(text) else { return "ctLine \(number): dscAmnt '\(text)' is not an amount" }
                    discount += abs(value)
                }
                let vatRate = SaftAmount.hundredths(source[index].vatPerc ?? "0").map(Int.init) ?? -1
                guard (0...10_000).contains(vatRate) else { return "ctLine \(number): vatPerc '\(source[index].vatPerc ?? "")' is not 0–100" }
                guard let vat = SaftAmount.hundredths(source[index].vatAmnt ?? "0") else {
                    return "ctLine \(number): vatAmnt '\(source[index].vatAmnt ?? "")' is not an amount"
                }
                // The file's line amount is authoritative; the unit price is derived, and any remainder of the
                // division goes to the discount so that price × quantity − discount = the line amount exactly.
                let gross = abs(lineAmount) + discount
                let unitPrice = (gross * 100 + quantity / 2) / quantity
                let priced = (unitPrice * quantity + 50) / 100
                let lineDiscount = priced - abs(lineAmount)
                let line = FlowPosOrderLine(
                    lineNo: number, sku: artID, productUid: isKnown ? artID : nil,
                    name: master.articles[artID] ?? artID, quantity: lineSign * quantity, unitPrice: unitPrice,
                    discountAmount: lineSign * lineDiscount, vatRate: vatRate, vatAmount: lineSign * abs(vat),
                    lineTotal: lineSign * abs(lineAmount))
                lineSum += line.lineTotal
                vatSum += line.vatAmount
                discountSum += line.discountAmount
                lines.append(line)
            }
            return nil
        }
        if let broken { return .broken(broken) }
        var rounding: Int64 = 0
        if !isPayment, lineSum != total {
            let stated = SaftAmount.hundredths(t.roundingAmnt).map { sign * $0 }
            guard stated == total - lineSum else {
                return .broken("the lines add up to \(lineSum) øre, transAmntIn is \(total) øre"
                               + (t.roundingAmnt.map { " (roundingAmnt \($0))" } ?? ""))
            }
            rounding = total - lineSum
        }
        var payments: [FlowPosPayment] = []
        payments.reserveCapacity(t.payments.count)
        var paid: Int64 = 0
        var paidCash = false
        for index in t.payments.indices {
            guard let amount = SaftAmount.hundredths(t.payments[index].paidAmnt) else {
                return .broken("payment \(index + 1): paidAmnt '\(t.payments[index].paidAmnt ?? "")' is not an amount")
            }
            let payment = FlowPosPayment(paymentNo: index + 1, tenderType: tender(t.payments[index].paymentType),
                                         amount: sign * abs(amount), reference: t.payments[index].paymentRefID)
            paid += payment.amount
            if payment.tenderType == .cash { paidCash = true }
            payments.append(payment)
        }
        var change: Int64 = 0
        if paid != total {
            guard paid > total, total >= 0, paidCash else {
                return .broken("the payments add up to \(paid) øre, the transaction to \(total) øre")
            }
            change = paid - total
        }
        if keys.registerID != t.registerID {
            let register = FlowUID.sanitize(t.registerID) ?? "register"
            keys = RegisterKeys()
            keys.registerID = t.registerID
            keys.register = register
            keys.uidPrefix = "SAFT-\(register)-"
            keys.keyPrefix = "saft:\(master.companyIdent ?? "-"):\(t.registerID):"
        }
        let order = FlowPosOrder(
            orderUid: keys.uidPrefix + (FlowUID.sanitize(transID) ?? transID), orderNumber: transID,
            type: isPayment ? .payment : (total < 0 ? .return : .sale), storeUid: storeUid, cashRegisterUid: keys.register,
            employeeUid: t.empID, customerUid: t.custSupID, currency: master.currency ?? "NOK", createdAt: createdAt,
            settledAt: createdAt, orderTotal: total, vatTotal: isPayment ? 0 : vatSum,
            discountTotal: isPayment ? 0 : discountSum, rounding: rounding, changeGiven: change,
            source: "SAFT", sourceKey: keys.keyPrefix + transID,
            lines: isPayment ? [] : lines, payments: payments)
        do { try order.validate() } catch { return .broken("\(error)") }
        orders.append(order)
        return .appended
    }

    /// Payment types through the file's basics (type 12) to Flow tenders (code list PredefinedBasicID-12).
    func tender(_ type: String?) -> FlowTenderType {
        guard let type else { return .other }
        return codes.payment[type] ?? Self.tender(code: type)
    }

    /// A predefined payment type (or the type itself when the basics do not list it) as a Flow tender.
    static func tender(code: String) -> FlowTenderType {
        switch code {
        case "12001", "CASH": return .cash
        case "12002", "12003", "DEBCARD", "CREDCARD": return .card
        case "12005": return .giftCard
        case "12010": return .voucher
        case "12011": return .mobile
        case "12006", "12004": return .invoice
        default: return .other
        }
    }

    static func sign(_ amntTp: String?) -> Int64? {
        switch amntTp {
        case "C", nil: return 1
        case "D": return -1
        default: return nil
        }
    }
}
