import Foundation

// MARK: - SaftReader

/// Streams a SAF-T Cash Register file with ``SaftXMLScanner`` (a byte-level scanner reading the file in
/// chunks): memory stays flat whatever the file size, because each `cashtransaction` and Z report is
/// handed on as soon as it closes.
///
/// Refused as a whole (``SaftFileError`` naming the element and line): not XML, another namespace than
/// `urn:StandardAuditFile-Taxation-CashRegister:NO`, a truncated file, a missing `company` or
/// `location`, and any DTD or entity declaration (billion laughs, external entities: SAF-T needs none).
public final class SaftReader {
    public static let namespace = "urn:StandardAuditFile-Taxation-CashRegister:NO"

    private let url: URL
    private var scanner: SaftXMLScanner?
    // The hot state skips dynamic exclusivity checks: one thread, never overlapping accesses.
    private let path = SaftDepthStack<SaftElement>()
    private var sawRoot = false

    @exclusivity(unchecked) public private(set) var master = SaftMasterData()
    private var currentBasic: (type: String?, id: String?, predefined: String?) = (nil, nil, nil)
    private var currentArticle: (id: String?, desc: String?) = (nil, nil)
    private var currentRegister = ""
    // The transaction, line and payment being read are filled in place (a flag says whether one is
    // open), not as optionals: `transaction?.field = value` copied the whole value per element.
    @exclusivity(unchecked) private var transaction = SaftTransaction(line: 0, registerID: "")
    @exclusivity(unchecked) private var inTransaction = false
    @exclusivity(unchecked) private var line = SaftLine()
    @exclusivity(unchecked) private var inLine = false
    @exclusivity(unchecked) private var payment = SaftPayment()
    @exclusivity(unchecked) private var inPayment = false
    @exclusivity(unchecked) private var report: SaftZReport?
    private var reportVat: (code: String, perc: String?, sale: String?, vat: String?)?
    private var reportPayment: (type: String, amount: String?)?
    /// Whether `company` and `location` have opened (the importer asks before the first transaction is
    /// written: a file without them is refused before anything of it is stored).
    private(set) var sawCompany = false
    private(set) var sawLocation = false

    private var onTransaction: (SaftTransaction) throws -> Void = { _ in }
    private var onZReport: (SaftZReport) throws -> Void = { _ in }

    public init(url: URL) {
        self.url = url
    }

    /// Reads the whole file, calling back per transaction and per Z report, in file order.
    /// - Throws: ``SaftFileError``, or what a callback throws.
    public func read(transaction: @escaping (SaftTransaction) throws -> Void,
                     zReport: @escaping (SaftZReport) throws -> Void = { _ in }) throws {
        onTransaction = transaction
        onZReport = zReport
        // The callbacks may hold the reader (to read `master` as it stands): let go of them after.
        defer { onTransaction = { _ in }; onZReport = { _ in } }
        let scanner = try SaftXMLScanner(url: url)
        self.scanner = scanner
        defer { self.scanner = nil }
        try scanner.scan(self)
        guard sawRoot else { throw SaftFileError(element: "auditfile", line: scanner.line, reason: "no auditfile element") }
        guard sawCompany else { throw SaftFileError(element: "company", line: scanner.line, reason: "required element missing") }
        guard sawLocation else { throw SaftFileError(element: "location", line: scanner.line, reason: "required element missing") }
    }


    /// An element's text without the white space around it; nil for invalid UTF-8 (refused by the caller,
    /// never replaced). No element name is passed in for the message: the closure that made it captured
    /// the scanner, retained and released per element.
    static func value(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var end = text.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        guard start < end else { return "" }
        let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
        // ASCII (nearly every value) is valid UTF-8 as it stands: `String(validating:)` instantiated
        // generic metadata per call, a twentieth of the import's time.
        var ascii = true
        for byte in bytes where byte >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let value = String(validating: bytes, as: UTF8.self) else { return nil }
        // Other Unicode white space (no-break space, line separator…) is trimmed too, as before.
        if bytes[0] >= 0x80 || bytes[bytes.count - 1] >= 0x80 {
            return value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return value
    }

    static func isValidUTF8(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in text where byte >= 0x80 { return String(validating: text, as: UTF8.self) != nil }
        return true
    }

    // MARK: - Elements

    /// `scanner` gives the element's local name for messages (`currentElement`) and its namespace.
    private func didStart(_ element: SaftElement, _ scanner: SaftXMLScanner, line lineNumber: Int) throws {
        if path.isEmpty {
            let namespace = scanner.currentNamespace
            guard element == .auditfile else {
                throw SaftFileError(element: scanner.currentElement, line: lineNumber, reason: "the root element must be auditfile")
            }
            guard namespace == Self.namespace else {
                throw SaftFileError(element: scanner.currentElement, line: lineNumber,
                                    reason: "namespace '\(namespace ?? "")' is not \(Self.namespace)")
            }
            sawRoot = true
        }
        path.append(element)
        switch element {
        case .company where path.count == 2: sawCompany = true
        case .location: sawLocation = true
        case .basic: currentBasic = (nil, nil, nil)
        case .article: currentArticle = (nil, nil)
        case .cashtransaction:
            transaction.reset(line: lineNumber, registerID: currentRegister)
            inTransaction = true
        case .ctLine:
            line = SaftLine()
            inLine = true
        case .payment where inTransaction:
            payment = SaftPayment()
            inPayment = true
        case .eventReport: report = SaftZReport(line: lineNumber, registerID: currentRegister)
        case .reportCashSaleVat: reportVat = ("", nil, nil, nil)
        case .reportPayment: reportPayment = ("", nil)
        default: break
        }
    }

    private func didEnd(_ element: SaftElement, _ scanner: SaftXMLScanner, text: UnsafeBufferPointer<UInt8>,
                        line lineNumber: Int) throws {
        // Elements the reader does not know are only checked.
        guard element != .other else {
            path.removeLast()
            guard Self.isValidUTF8(text) else {
                throw SaftFileError(element: scanner.currentElement, line: lineNumber, reason: "text is not valid UTF-8")
            }
            return
        }
        guard let value = Self.value(text) else {
            throw SaftFileError(element: scanner.currentElement, line: lineNumber, reason: "text is not valid UTF-8")
        }
        let parent = path.count >= 2 ? path[path.count - 2] : .other
        defer { if !path.isEmpty { path.removeLast() } }
        switch (parent, element) {
        case (.company, .companyIdent) where path.count == 3: master.companyIdent = value
        case (.company, .companyName) where path.count == 3: master.companyName = value
        case (.header, .curCode): master.currency = value
        case (.location, .name): master.locations.append(value)
        case (.cashregister, .registerID): currentRegister = value
        case (.basic, .basicType): currentBasic.type = value
        case (.basic, .basicID): currentBasic.id = value
        case (.basic, .predefinedBasicID):
            currentBasic.predefined = value
            // The example file lists two basics in one element: record each complete triple as it closes.
            if let type = currentBasic.type, let id = currentBasic.id { master.basics["\(type)/\(id)"] = value }
        case (.article, .artID): currentArticle.id = value
        case (.article, .artDesc): currentArticle.desc = value
        case (_, .article): if let id = currentArticle.id { master.articles[id] = currentArticle.desc ?? id }
        case (.employee, .empID): master.employees[value] = value
        // Transactions.
        case (.cashtransaction, .transID) where inTransaction: transaction.transID = value
        case (.cashtransaction, .transType) where inTransaction: transaction.transType = value
        case (.cashtransaction, .transAmntIn) where inTransaction: transaction.transAmntIn = value
        case (.cashtransaction, .transAmntEx) where inTransaction: transaction.transAmntEx = value
        case (.cashtransaction, .amntTp) where inTransaction: transaction.amntTp = value
        case (.cashtransaction, .empID) where inTransaction: transaction.empID = value
        case (.cashtransaction, .transDate) where inTransaction: transaction.transDate = value
        case (.cashtransaction, .transTime) where inTransaction: transaction.transTime = value
        case (.cashtransaction, .receiptNum) where inTransaction: transaction.receiptNum = value
        case (.cashtransaction, .custSupID) where inTransaction: transaction.custSupID = value
        case (.cashtransaction, .voidTransaction) where inTransaction: transaction.voidTransaction = value == "true"
        case (.cashtransaction, .trainingID) where inTransaction: transaction.trainingID = value == "true"
        case (.rounding, .roundingAmnt) where inTransaction: transaction.roundingAmnt = value
        case (.ctLine, .lineID) where inLine: line.lineID = value
        case (.ctLine, .lineType) where inLine: line.lineType = value
        case (.ctLine, .artGroupID) where inLine: line.artGroupID = value
        case (.ctLine, .artID) where inLine: line.artID = value
        case (.ctLine, .qnt) where inLine: line.qnt = value
        case (.ctLine, .lineAmntIn) where inLine: line.lineAmntIn = value
        case (.ctLine, .lineAmntEx) where inLine: line.lineAmntEx = value
        case (.ctLine, .amntTp) where inLine: line.amntTp = value
        case (.vat, .vatCode) where inLine: line.vatCode = value
        case (.vat, .vatPerc) where inLine: line.vatPerc = value
        case (.vat, .vatAmnt) where inLine: line.vatAmnt = value
        case (.discount, .dscAmnt) where inLine: line.discounts.append(value)
        case (_, .ctLine) where inLine:
            // Moved into the transaction, not copied (a copy retained its eleven strings, released again
            // when the next line started).
            if inTransaction {
                transaction.lines.append(SaftLine())
                swap(&transaction.lines[transaction.lines.count - 1], &line)
            }
            inLine = false
        case (.payment, .paymentType) where inPayment: payment.paymentType = value
        case (.payment, .paidAmnt) where inPayment: payment.paidAmnt = value
        case (.payment, .paymentRefID) where inPayment: payment.paymentRefID = value
        case (_, .payment) where inPayment:
            if inTransaction {
                transaction.payments.append(SaftPayment())
                swap(&transaction.payments[transaction.payments.count - 1], &payment)
            }
            inPayment = false
        case (_, .cashtransaction):
            if inTransaction {
                inTransaction = false
                do { try onTransaction(transaction) } catch { throw Self.callbackFailed(error, line: lineNumber) }
            }
        // Z reports.
        case (.eventReport, .reportID): report?.reportID = value
        case (.eventReport, .reportDate): report?.reportDate = value
        case (.reportTotalCashSales, .totalCashSaleAmnt): report?.totalCashSale = value
        case (.reportCashSaleVat, .vatCode): reportVat?.code = value
        case (.reportCashSaleVat, .vatPerc): reportVat?.perc = value
        case (.reportCashSaleVat, .cashSaleAmnt): reportVat?.sale = value
        case (.reportCashSaleVat, .vatAmnt): reportVat?.vat = value
        case (_, .reportCashSaleVat):
            if let reportVat { report?.vat.append(reportVat) }
            reportVat = nil
        case (.reportPayment, .paymentType): reportPayment?.type = value
        case (.reportPayment, .paymentAmnt): reportPayment?.amount = value
        case (_, .reportPayment):
            if let reportPayment { report?.payments.append(reportPayment) }
            reportPayment = nil
        case (_, .eventReport):
            if let report {
                do { try onZReport(report) } catch { throw Self.callbackFailed(error, line: lineNumber) }
            }
            report = nil
        default: break
        }
    }

    private static func callbackFailed(_ error: any Error, line: Int) -> SaftFileError {
        if let error = error as? SaftFileError { return error }
        return SaftFileError(element: "cashtransaction", line: line, reason: "\(error)")
    }
}

/// A SAF-T file that cannot be imported at all; nothing of it is loaded.
public struct SaftFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var element: String
    public var line: Int
    public var reason: String

    public init(element: String, line: Int, reason: String) {
        self.element = element
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line), element \(element): \(reason)" }
}


/// The reader is the scanner's delegate itself (internal: the protocol stays out of the public API). A
/// separate handler object holding the reader cost a retain and release of it per callback.
extension SaftReader: SaftXMLScannerDelegate {
    func scannerDidStart(_ element: SaftElement, scanner: SaftXMLScanner, line: Int) throws {
        try didStart(element, scanner, line: line)
    }

    func scannerDidEnd(_ element: SaftElement, scanner: SaftXMLScanner, text: UnsafeBufferPointer<UInt8>, line: Int) throws {
        try didEnd(element, scanner, text: text, line: line)
    }
}
