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
    /// The file's transaction and payment types (basics of type 11 and 12) by `basicID`, looked up
    /// without building a `"type/id"` key per transaction.
    private var codes: Codes

    struct Codes: Sendable {
        var transaction: [String: String] = [:]
        var payment: [String: String] = [:]

        init(_ master: SaftMasterData) {
            // `basics` is keyed "type/id" (SaftMasterData.predefined): the same pairs, split at the first '/'.
            for (key, code) in master.basics {
                guard let slash = key.firstIndex(of: "/") else { continue }
                switch key[..<slash] {
                case "11": transaction[String(key[key.index(after: slash)...])] = code
                case "12": payment[String(key[key.index(after: slash)...])] = code
                default: break
                }
            }
        }
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
        let predefined = codes.transaction[transType] ?? (transType.hasPrefix("11") ? transType : nil)
        guard let code = predefined else { return .broken("transType '\(transType)' is not in the file's basics (type 11)") }
        if let other = Self.otherTypes[code] { return .skipped(other) }
        let isPayment = Self.paymentTypes.contains(code)
        guard Self.orderTypes.contains(code) || isPayment else {
            return .broken("transType '\(transType)' (\(code)) is not in code list PredefinedBasicID-11")
        }
        let total = sign * amount

        var lines: [FlowPosOrderLine] = []
        lines.reserveCapacity(t.lines.count)
        // By index, each line read where it is (`enumerated()` copied every line).
        for index in t.lines.indices {
            let line = t.lines[index]
            let number = index + 1
            guard let artID = line.artID, !artID.isEmpty else { return .broken("ctLine \(number): artID is missing") }
            let isKnown = knownSkus.contains(artID)
            guard createUnknownArticles || isKnown else {
                return .broken("ctLine \(number): article \(artID) is not a SKU in the Flow store")
            }
            guard let lineSign = Self.sign(line.amntTp ?? t.amntTp) else { return .broken("ctLine \(number): amntTp is not C or D") }
            guard let quantity = SaftAmount.hundredths(line.qnt ?? "1"), quantity > 0 else {
                return .broken("ctLine \(number): qnt '\(line.qnt ?? "")' is not a positive quantity in hundredths")
            }
            guard let lineAmount = SaftAmount.hundredths(line.lineAmntIn) else {
                return .broken("ctLine \(number): lineAmntIn '\(line.lineAmntIn ?? "")' is missing or not whole øre")
            }
            var discount: Int64 = 0
            for text in line.discounts {
                guard let value = SaftAmount.hundredths(text) else { return .broken("ctLine \(number): dscAmnt '\(text)' is not an amount") }
                discount += abs(value)
            }
            let vatRate = SaftAmount.hundredths(line.vatPerc ?? "0").map(Int.init) ?? -1
            guard (0...10_000).contains(vatRate) else { return .broken("ctLine \(number): vatPerc '\(line.vatPerc ?? "")' is not 0–100") }
            guard let vat = SaftAmount.hundredths(line.vatAmnt ?? "0") else {
                return .broken("ctLine \(number): vatAmnt '\(line.vatAmnt ?? "")' is not an amount")
            }
            // The file's line amount is authoritative; the unit price is derived, and any remainder of the
            // division goes to the discount so that price × quantity − discount = the line amount exactly.
            let gross = abs(lineAmount) + discount
            let unitPrice = (gross * 100 + quantity / 2) / quantity
            let priced = (unitPrice * quantity + 50) / 100
            let lineDiscount = priced - abs(lineAmount)
            lines.append(FlowPosOrderLine(
                lineNo: number, sku: artID, productUid: isKnown ? artID : nil,
                name: master.articles[artID] ?? artID, quantity: lineSign * quantity, unitPrice: unitPrice,
                discountAmount: lineSign * lineDiscount, vatRate: vatRate, vatAmount: lineSign * abs(vat),
                lineTotal: lineSign * abs(lineAmount)))
        }
        let lineSum = lines.reduce(Int64(0)) { $0 + $1.lineTotal }
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
        for (index, payment) in t.payments.enumerated() {
            guard let paid = SaftAmount.hundredths(payment.paidAmnt) else {
                return .broken("payment \(index + 1): paidAmnt '\(payment.paidAmnt ?? "")' is not an amount")
            }
            payments.append(FlowPosPayment(paymentNo: index + 1, tenderType: tender(payment.paymentType), amount: sign * abs(paid),
                                           reference: payment.paymentRefID))
        }
        let paid = payments.reduce(Int64(0)) { $0 + $1.amount }
        var change: Int64 = 0
        if paid != total {
            guard paid > total, total >= 0, payments.contains(where: { $0.tenderType == .cash }) else {
                return .broken("the payments add up to \(paid) øre, the transaction to \(total) øre")
            }
            change = paid - total
        }
        let register = FlowUID.sanitize(t.registerID) ?? "register"
        let uid = "SAFT-\(register)-\(FlowUID.sanitize(transID) ?? transID)"
        let order = FlowPosOrder(
            orderUid: uid, orderNumber: transID,
            type: isPayment ? .payment : (total < 0 ? .return : .sale), storeUid: storeUid, cashRegisterUid: register,
            employeeUid: t.empID, customerUid: t.custSupID, currency: master.currency ?? "NOK", createdAt: createdAt,
            settledAt: createdAt, orderTotal: total, vatTotal: isPayment ? 0 : lines.reduce(0) { $0 + $1.vatAmount },
            discountTotal: isPayment ? 0 : lines.reduce(0) { $0 + $1.discountAmount }, rounding: rounding, changeGiven: change,
            source: "SAFT", sourceKey: "saft:\(master.companyIdent ?? "-"):\(t.registerID):\(transID)",
            lines: isPayment ? [] : lines, payments: payments)
        do { try order.validate() } catch { return .broken("\(error)") }
        return .order(order)
    }

    /// Payment types through the file's basics (type 12) to Flow tenders (code list PredefinedBasicID-12).
    func tender(_ type: String?) -> FlowTenderType {
        guard let type else { return .other }
        switch codes.payment[type] ?? type {
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
