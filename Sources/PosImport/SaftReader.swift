import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// MARK: - SaftReader

/// Streams a SAF-T Cash Register file with FoundationXML's `XMLParser`: memory stays flat whatever the
/// file size, because each `cashtransaction` and Z report is handed on as soon as it closes.
///
/// Refused as a whole (``SaftFileError`` naming the element and line): not XML, another namespace than
/// `urn:StandardAuditFile-Taxation-CashRegister:NO`, a truncated file, a missing `company` or
/// `location`, and any DTD or entity declaration (billion laughs, external entities: SAF-T needs none).
public final class SaftReader: NSObject, XMLParserDelegate {
    public static let namespace = "urn:StandardAuditFile-Taxation-CashRegister:NO"

    private let url: URL
    private var parser: XMLParser?
    private var path: [String] = []
    private var text = ""
    private var failure: SaftFileError?
    private var sawRoot = false

    public private(set) var master = SaftMasterData()
    private var currentBasic: (type: String?, id: String?, predefined: String?) = (nil, nil, nil)
    private var currentArticle: (id: String?, desc: String?) = (nil, nil)
    private var currentRegister = ""
    private var transaction: SaftTransaction?
    private var line: SaftLine?
    private var payment: SaftPayment?
    private var report: SaftZReport?
    private var reportVat: (code: String, perc: String?, sale: String?, vat: String?)?
    private var reportPayment: (type: String, amount: String?)?
    private var sawCompany = false
    private var sawLocation = false

    private var onTransaction: (SaftTransaction) throws -> Void = { _ in }
    private var onZReport: (SaftZReport) throws -> Void = { _ in }

    public init(url: URL) {
        self.url = url
    }

    /// Reads the whole file, calling back per transaction and per Z report, in file order.
    /// - Throws: ``SaftFileError``, or what a callback throws.
    public func read(transaction: @escaping (SaftTransaction) throws -> Void,
                     zReport: @escaping (SaftZReport) throws -> Void = { _ in }) throws {
        try Self.refuseDeclarations(url)
        guard let stream = InputStream(url: url) else {
            throw SaftFileError(element: "file", line: 0, reason: "cannot open \(url.path)")
        }
        onTransaction = transaction
        onZReport = zReport
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        self.parser = parser
        let ok = parser.parse()
        if let failure { throw failure }
        guard ok else {
            let error = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw SaftFileError(element: path.last ?? "document", line: parser.lineNumber,
                                reason: "not well-formed XML (truncated or broken): \(error)")
        }
        guard sawRoot else { throw SaftFileError(element: "auditfile", line: parser.lineNumber, reason: "no auditfile element") }
        guard sawCompany else { throw SaftFileError(element: "company", line: parser.lineNumber, reason: "required element missing") }
        guard sawLocation else { throw SaftFileError(element: "location", line: parser.lineNumber, reason: "required element missing") }
    }

    /// A SAF-T file never needs a DTD; one may carry entity bombs or external entities.
    static func refuseDeclarations(_ url: URL) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw SaftFileError(element: "file", line: 0, reason: "cannot open \(url.path)")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        let text = String(decoding: head, as: UTF8.self)
        for marker in ["<!DOCTYPE", "<!ENTITY"] where text.contains(marker) {
            let lineNumber = text.components(separatedBy: marker).first.map { $0.filter { $0 == "\n" }.count + 1 } ?? 1
            throw SaftFileError(element: marker.dropFirst(2).lowercased(), line: lineNumber,
                                reason: "DTD and entity declarations are refused (SAF-T needs none; they can hide entity bombs or external entities)")
        }
    }

    private func fail(_ element: String, _ reason: String) {
        guard failure == nil else { return }
        failure = SaftFileError(element: element, line: parser?.lineNumber ?? 0, reason: reason)
        parser?.abortParsing()
    }

    // MARK: - XMLParserDelegate

    public func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                       qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if path.isEmpty {
            guard elementName == "auditfile" else { return fail(elementName, "the root element must be auditfile") }
            guard namespaceURI == Self.namespace else {
                return fail(elementName, "namespace '\(namespaceURI ?? "")' is not \(Self.namespace)")
            }
            sawRoot = true
        }
        path.append(elementName)
        text = ""
        switch elementName {
        case "company" where path.count == 2: sawCompany = true
        case "location": sawLocation = true
        case "basic": currentBasic = (nil, nil, nil)
        case "article": currentArticle = (nil, nil)
        case "cashtransaction": transaction = SaftTransaction(line: parser.lineNumber, registerID: currentRegister)
        case "ctLine": line = SaftLine()
        case "payment" where transaction != nil: payment = SaftPayment()
        case "eventReport": report = SaftZReport(line: parser.lineNumber, registerID: currentRegister)
        case "reportCashSaleVat": reportVat = ("", nil, nil, nil)
        case "reportPayment": reportPayment = ("", nil)
        default: break
        }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if text.utf8.count > 1_000_000 { fail(path.last ?? "?", "an element's text is longer than 1 MB") }
    }

    public func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let parent = path.count >= 2 ? path[path.count - 2] : ""
        defer { if !path.isEmpty { path.removeLast() }; text = "" }
        switch (parent, elementName) {
        case ("company", "companyIdent") where path.count == 3: master.companyIdent = value
        case ("company", "companyName") where path.count == 3: master.companyName = value
        case ("header", "curCode"): master.currency = value
        case ("location", "name"): master.locations.append(value)
        case ("cashregister", "registerID"): currentRegister = value
        case ("basic", "basicType"): currentBasic.type = value
        case ("basic", "basicID"): currentBasic.id = value
        case ("basic", "predefinedBasicID"):
            currentBasic.predefined = value
            // The example file lists two basics in one element: record each complete triple as it closes.
            if let type = currentBasic.type, let id = currentBasic.id { master.basics["\(type)/\(id)"] = value }
        case ("article", "artID"): currentArticle.id = value
        case ("article", "artDesc"): currentArticle.desc = value
        case (_, "article"): if let id = currentArticle.id { master.articles[id] = currentArticle.desc ?? id }
        case ("employee", "empID"): master.employees[value] = value
        // Transactions.
        case ("cashtransaction", "transID"): transaction?.transID = value
        case ("cashtransaction", "transType"): transaction?.transType = value
        case ("cashtransaction", "transAmntIn"): transaction?.transAmntIn = value
        case ("cashtransaction", "transAmntEx"): transaction?.transAmntEx = value
        case ("cashtransaction", "amntTp"): transaction?.amntTp = value
        case ("cashtransaction", "empID"): transaction?.empID = value
        case ("cashtransaction", "transDate"): transaction?.transDate = value
        case ("cashtransaction", "transTime"): transaction?.transTime = value
        case ("cashtransaction", "receiptNum"): transaction?.receiptNum = value
        case ("cashtransaction", "custSupID"): transaction?.custSupID = value
        case ("cashtransaction", "voidTransaction"): transaction?.voidTransaction = value == "true"
        case ("cashtransaction", "trainingID"): transaction?.trainingID = value == "true"
        case ("rounding", "roundingAmnt"): transaction?.roundingAmnt = value
        case ("ctLine", "lineID"): line?.lineID = value
        case ("ctLine", "lineType"): line?.lineType = value
        case ("ctLine", "artGroupID"): line?.artGroupID = value
        case ("ctLine", "artID"): line?.artID = value
        case ("ctLine", "qnt"): line?.qnt = value
        case ("ctLine", "lineAmntIn"): line?.lineAmntIn = value
        case ("ctLine", "lineAmntEx"): line?.lineAmntEx = value
        case ("ctLine", "amntTp"): line?.amntTp = value
        case ("vat", "vatCode") where line != nil: line?.vatCode = value
        case ("vat", "vatPerc") where line != nil: line?.vatPerc = value
        case ("vat", "vatAmnt") where line != nil: line?.vatAmnt = value
        case ("discount", "dscAmnt") where line != nil: line?.discounts.append(value)
        case (_, "ctLine"):
            if let line { transaction?.lines.append(line) }
            line = nil
        case ("payment", "paymentType") where payment != nil: payment?.paymentType = value
        case ("payment", "paidAmnt") where payment != nil: payment?.paidAmnt = value
        case ("payment", "paymentRefID") where payment != nil: payment?.paymentRefID = value
        case (_, "payment") where payment != nil:
            if let payment { transaction?.payments.append(payment) }
            payment = nil
        case (_, "cashtransaction"):
            if let transaction {
                do { try onTransaction(transaction) } catch { callbackFailed(error) }
            }
            transaction = nil
        // Z reports.
        case ("eventReport", "reportID"): report?.reportID = value
        case ("eventReport", "reportDate"): report?.reportDate = value
        case ("reportTotalCashSales", "totalCashSaleAmnt"): report?.totalCashSale = value
        case ("reportCashSaleVat", "vatCode"): reportVat?.code = value
        case ("reportCashSaleVat", "vatPerc"): reportVat?.perc = value
        case ("reportCashSaleVat", "cashSaleAmnt"): reportVat?.sale = value
        case ("reportCashSaleVat", "vatAmnt"): reportVat?.vat = value
        case (_, "reportCashSaleVat"):
            if let reportVat { report?.vat.append(reportVat) }
            reportVat = nil
        case ("reportPayment", "paymentType"): reportPayment?.type = value
        case ("reportPayment", "paymentAmnt"): reportPayment?.amount = value
        case (_, "reportPayment"):
            if let reportPayment { report?.payments.append(reportPayment) }
            reportPayment = nil
        case (_, "eventReport"):
            if let report {
                do { try onZReport(report) } catch { callbackFailed(error) }
            }
            report = nil
        default: break
        }
    }

    private var callbackError: (any Error)?

    private func callbackFailed(_ error: any Error) {
        if let error = error as? SaftFileError { failure = error } else {
            failure = SaftFileError(element: "cashtransaction", line: parser?.lineNumber ?? 0, reason: "\(error)")
        }
        parser?.abortParsing()
    }

    public func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail("!ENTITY", "entity declarations are refused")
    }

    public func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail("!ENTITY", "external entities are refused")
    }

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        fail(path.last ?? "document", "not well-formed XML (truncated or broken): \(parseError.localizedDescription)")
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
