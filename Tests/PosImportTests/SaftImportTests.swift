import FlowMapping
import FlowStore
import Foundation
import PosImport
import SQLite
import XCTest

/// The official SAF-T Cash Register example (../shared/data/saft) and every class of invalid file.
final class SaftImportTests: XCTestCase {
    /// The example's cash register `11.222-33.44.567` as a Flow UID.
    static let register = FlowUID.sanitize("11.222-33.44.567")!
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/data/saft/ExampleFile SAF-T Cash Register_999999999_20161125210734.xml")
    let oslo = TimeZone(identifier: "Europe/Oslo")!
    var folder: URL!
    var flow: FlowDatabase!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("saft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        flow = try FlowDatabase(path: folder.appendingPathComponent("flow.db").path)
        try flow.write { db in
            try db.execute(sql: "INSERT INTO organizations (organization_uid, name, vat_number, content_hash) VALUES ('selskapet', 'Selskapet ASA', '999999999', 0)")
            try db.execute(sql: "INSERT INTO stores (store_uid, name, is_active, organization_uid, content_hash) VALUES ('frogner', 'Location A: Shop Frogner', 1, 'selskapet', 0)")
        }
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func importer(create: Bool = true, store: String? = nil) -> PosJournalImporter {
        PosJournalImporter(options: .init(storeUid: store, createUnknownArticles: create, timeZone: oslo))
    }

    func order(_ transID: String) throws -> FlowPosOrder {
        try XCTUnwrap(try flow.read { try PosOrdersTable.fetch(orderUid: "SAFT-\(Self.register)-\(transID)", in: $0) }, transID)
    }

    func testTheOfficialExampleImportsToTheOereAndReconcilesWithItsZReport() throws {
        let report = try importer().importFile(Self.example, into: flow)
        XCTAssertEqual(report.format, "SAF-T Cash Register")
        XCTAssertEqual(report.transactions, 3)
        XCTAssertEqual(report.imported, 3, "\(report.issues)")
        XCTAssertEqual(report.issues, [])

        let first = try order("1000")
        XCTAssertEqual(first.storeUid, "frogner", "matched by the location's name")
        XCTAssertEqual(first.type, .sale)
        XCTAssertEqual(first.orderTotal, 8_640)
        XCTAssertEqual(first.vatTotal, 1_296)
        XCTAssertEqual(first.employeeUid, "1001")
        XCTAssertEqual(first.lines.map(\.sku), ["1001", "1002", "1003"])
        XCTAssertEqual(first.lines.map(\.quantity), [200, 100, 100])
        XCTAssertEqual(first.lines.map(\.lineTotal), [3_280, 2_580, 2_780])
        XCTAssertEqual(first.lines.map(\.unitPrice), [1_640, 2_580, 2_780])
        XCTAssertEqual(first.lines.map(\.vatRate), [1500, 1500, 1500])
        XCTAssertEqual(first.lines.map(\.vatAmount), [492, 387, 417])
        XCTAssertEqual(first.lines.first?.name, "TineMelk Lett 1 l")
        XCTAssertEqual(first.payments.map(\.tenderType), [.card])
        XCTAssertEqual(first.payments.map(\.amount), [8_640])
        XCTAssertEqual(first.payments.first?.reference, "BAX: 568833-84887556")
        XCTAssertEqual(first.createdAt, SaftMappingTestDates.oslo("2016-01-01 09:00:00"))

        let second = try order("1001")
        XCTAssertEqual(second.orderTotal, 29_540)
        XCTAssertEqual(second.lines.map(\.lineTotal), [11_600, 17_940])
        XCTAssertEqual(second.lines.map(\.quantity), [100, 600])
        XCTAssertEqual(second.lines.map(\.unitPrice), [11_600, 2_990])
        XCTAssertEqual(second.lines.map(\.vatAmount), [2_900, 4_485])
        XCTAssertEqual(second.payments.map(\.tenderType), [.cash])
        XCTAssertEqual(try order("1002").orderTotal, 14_880)
        XCTAssertEqual(try order("1002").payments.map(\.amount), [14_880])

        // The Z report of 2016-01-01: total, each VAT code and each payment type, to the øre.
        XCTAssertFalse(report.reconciliation.isEmpty)
        XCTAssertEqual(report.mismatches, [])
        let byKey = Dictionary(uniqueKeysWithValues: report.reconciliation.map { ($0.key, $0) })
        XCTAssertEqual(byKey["total cash sale"]?.actual, 53_060)
        XCTAssertEqual(byKey["vat 2 sale"]?.actual, 11_920)
        XCTAssertEqual(byKey["vat 2 vat"]?.actual, 1_788)
        XCTAssertEqual(byKey["vat 3 sale"]?.actual, 41_140)
        XCTAssertEqual(byKey["vat 3 vat"]?.actual, 10_285)
        XCTAssertEqual(byKey["payment CASH"]?.actual, 29_540)
        XCTAssertEqual(byKey["payment DEBCARD"]?.actual, 23_520)

        // Idempotent: the same file again stores nothing.
        let again = try importer().importFile(Self.example, into: flow)
        XCTAssertEqual(again.imported, 0)
        XCTAssertEqual(again.alreadyStored, 3)
        XCTAssertEqual(try flow.read { try PosOrdersTable.orderUids(in: $0) }.count, 3)
    }

    func testAnUnknownArticleIsQuarantinedWithItsLineAndTheRestImports() throws {
        try flow.write { db in
            for sku in ["1001", "1002", "1003", "2001"] {
                try db.execute(sql: """
                    INSERT INTO products (product_uid, sku, name, product_group_uid, vat_code_uid, is_active, allow_purchase, content_hash)
                    VALUES (?, ?, ?, 'g', 'v', 1, 1, 0)
                    """, arguments: [sku, sku, "Vare \(sku)"])
            }
        }
        let report = try importer(create: false).importFile(Self.example, into: flow)
        XCTAssertEqual(report.imported, 2)
        XCTAssertEqual(report.issues.count, 1)
        XCTAssertTrue(report.issues[0].reason.contains("article 3001"), "\(report.issues)")
        XCTAssertGreaterThan(report.issues[0].line, 600)
        XCTAssertFalse(report.mismatches.isEmpty, "the Z report now disagrees, with both numbers")
    }

    /// Orders are written a batch per SQLite transaction without a savepoint each; an order the store
    /// refuses (here: its uid is taken by a till sale) rolls the batch back, which is written again one
    /// savepoint per order, so that order alone is quarantined and only committed orders reach the totals.
    func testAnOrderTheStoreRefusesIsQuarantinedAloneAndLeftOutOfTheTotals() throws {
        let till = FlowPosOrder(
            orderUid: "SAFT-\(Self.register)-1001", orderNumber: "T-1", type: .sale, storeUid: "frogner",
            cashRegisterUid: "till", createdAt: Date(timeIntervalSince1970: 1_764_000_000), orderTotal: 100, vatTotal: 20,
            lines: [FlowPosOrderLine(lineNo: 1, sku: "S", name: "S", quantity: 100, unitPrice: 100, vatRate: 2500,
                                     vatAmount: 20, lineTotal: 100)],
            payments: [FlowPosPayment(paymentNo: 1, tenderType: .cash, amount: 100)])
        XCTAssertEqual(try flow.write { try PosOrdersTable.save(till, in: $0) }, .inserted)

        let report = try importer().importFile(Self.example, into: flow)
        XCTAssertEqual(report.imported, 2)
        XCTAssertEqual(report.issues.map(\.key), ["11.222-33.44.567/1001"])
        XCTAssertTrue(report.issues[0].reason.contains("already stored from another source"), "\(report.issues)")
        XCTAssertEqual(try order("1000").orderTotal, 8_640)
        XCTAssertEqual(try order("1001").source, "POS", "the till's order is untouched")
        XCTAssertEqual(try flow.read { try PosOrdersTable.orderUids(in: $0) }.count, 3)
        let byKey = Dictionary(uniqueKeysWithValues: report.reconciliation.map { ($0.key, $0) })
        XCTAssertEqual(byKey["total cash sale"]?.actual, 53_060 - 29_540)
        XCTAssertEqual(byKey["payment CASH"]?.actual, 0, "1001 paid the only cash")

        let again = try importer().importFile(Self.example, into: flow)
        XCTAssertEqual(again.imported, 0)
        XCTAssertEqual(again.alreadyStored, 2)
        XCTAssertEqual(again.issues.count, 1)
        XCTAssertEqual(try flow.read { db in try db.fetchValue(sql: "SELECT count(*) FROM flow_changes", as: Int.self) }, 1 + 2 * 2,
                       "the unsettled till order's entry, and an order and a receipt entry per imported order")
    }

    // MARK: - Invalid files

    func write(_ text: String, _ name: String = "bad.xml") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func assertRefused(_ url: URL, element: String? = nil, reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try importer(store: "frogner").importFile(url, into: flow), file: file, line: line) { error in
            let saft = error as? SaftFileError
            XCTAssertNotNil(saft, "\(error)", file: file, line: line)
            if let element { XCTAssertEqual(saft?.element, element, "\(error)", file: file, line: line) }
            XCTAssertTrue("\(error)".contains(reason), "\(error)", file: file, line: line)
        }
        XCTAssertEqual(try flow.read { try PosOrdersTable.orderUids(in: $0) }, [], "nothing loaded", file: file, line: line)
    }

    func testInvalidFilesAreRefusedWholeNamingElementAndLine() throws {
        let example = try String(contentsOf: Self.example, encoding: .utf8)
        assertRefused(try write("this is not xml"), reason: "neither SAF-T Cash Register XML nor JSON Lines")
        assertRefused(try write(example.replacingOccurrences(of: "urn:StandardAuditFile-Taxation-CashRegister:NO",
                                                               with: "urn:StandardAuditFile-Taxation:NO")),
                      element: "auditfile", reason: "namespace")
        let truncated = String(example.prefix(example.count * 2 / 3))
        assertRefused(try write(truncated), reason: "truncated")
        assertRefused(try write("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
            <n1:auditfile xmlns:n1="urn:StandardAuditFile-Taxation-CashRegister:NO">&lol2;</n1:auditfile>
            """), reason: "DTD and entity declarations are refused")
        assertRefused(try write("""
            <?xml version="1.0"?>
            <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <n1:auditfile xmlns:n1="urn:StandardAuditFile-Taxation-CashRegister:NO">&xxe;</n1:auditfile>
            """), element: "doctype", reason: "refused")
        assertRefused(try write("""
            <?xml version="1.0"?>
            <n1:auditfile xmlns:n1="urn:StandardAuditFile-Taxation-CashRegister:NO"><n1:header/></n1:auditfile>
            """), element: "company", reason: "required element missing")
    }

    /// Invalid UTF-8 in the last transaction ends the import naming the element; the example's three
    /// transactions are still one pending batch then, so nothing is written.
    func testInvalidUTF8InALaterTransactionRefusesTheFile() throws {
        var bytes = try Data(contentsOf: Self.example)
        let marker = Data("</n1:cashtransaction>".utf8)
        let last = try XCTUnwrap(bytes.range(of: marker, options: .backwards))
        bytes.replaceSubrange(last.lowerBound..<last.lowerBound, with: Data("<n1:note>A".utf8) + Data([0xC3, 0x28]) + Data("</n1:note>".utf8))
        let url = folder.appendingPathComponent("utf8.xml")
        try bytes.write(to: url)
        assertRefused(url, element: "note", reason: "not valid UTF-8")
    }

    /// The file is read once, so an error late in it comes after earlier batches were committed: those
    /// orders stay (each whole, under its file key), the pending batch is dropped, and importing the
    /// whole file again adds only the rest and reconciles every transaction with the Z report.
    func testAFileErrorAfterACommittedBatchLeavesWholeOrdersThatReimportCompletes() throws {
        let example = try String(contentsOf: Self.example, encoding: .utf8)
        let third = try XCTUnwrap(example.range(of: "<n1:transID>1002</n1:transID>", options: .backwards))
        let truncated = try write(String(example[..<third.upperBound]))
        var importer = importer(store: "frogner")
        importer.batchSize = 2
        XCTAssertThrowsError(try importer.importFile(truncated, into: flow)) { error in
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
            XCTAssertTrue((error as? SaftFileError).map { $0.line > 1 } ?? false, "\(error)")
        }
        let kept = try flow.read { try PosOrdersTable.orderUids(in: $0) }
        XCTAssertEqual(kept, ["SAFT-\(Self.register)-1000", "SAFT-\(Self.register)-1001"], "the first batch, whole")
        XCTAssertEqual(try order("1001").lines.count, 2)
        XCTAssertEqual(try order("1001").payments.map(\.amount), [29_540])

        let report = try importer.importFile(Self.example, into: flow)
        XCTAssertEqual(report.imported, 1)
        XCTAssertEqual(report.alreadyStored, 2)
        XCTAssertEqual(report.mismatches, [], "the Z report counts the orders stored before")
        XCTAssertFalse(report.reconciliation.isEmpty)
        XCTAssertEqual(try flow.read { try PosOrdersTable.orderUids(in: $0) }.count, 3)
        XCTAssertEqual(try flow.read { db in try db.fetchValue(sql: "SELECT count(*) FROM flow_changes", as: Int.self) }, 3 * 2)
    }

    func testATransactionWhoseAmountsDoNotAddUpIsQuarantinedAndMissingElementsNamed() throws {
        var example = try String(contentsOf: Self.example, encoding: .utf8)
        example = example.replacingOccurrences(of: "<n1:transAmntIn>295.40</n1:transAmntIn>", with: "<n1:transAmntIn>295.50</n1:transAmntIn>")
        example = example.replacingOccurrences(of: "<n1:transID>1002</n1:transID>", with: "")
        let report = try importer(store: "frogner").importFile(try write(example), into: flow)
        XCTAssertEqual(report.imported, 1)
        XCTAssertEqual(report.issues.map(\.reason).sorted(), [
            "the lines add up to 29540 øre, transAmntIn is 29550 øre (roundingAmnt 1234.560)",
            "transID is missing",
        ])
        XCTAssertTrue(report.issues.allSatisfy { $0.line > 0 })
    }

    func testJSONLinesImportIsIdempotentAndQuarantinesABrokenLine() throws {
        let good = #"{"id":"J-1","store":"frogner","register":"frogner-1","receiptNumber":"1","type":"SALE","createdAt":"2026-12-03T10:15:00Z","lines":[{"sku":"S1","name":"Lue","quantity":1,"unitPrice":199.5,"vatRate":25,"vatAmount":39.9,"amount":199.5}],"payments":[{"type":"CARD","amount":199.5}]}"#
        let bad = #"{"id":"J-2","store":"frogner","register":"frogner-1","receiptNumber":"2","type":"SALE","createdAt":"2026-12-03T10:16:00Z","lines":[{"sku":"S1","quantity":1,"unitPrice":10,"vatRate":25,"vatAmount":2,"amount":10}],"payments":[{"type":"CARD","amount":12}]}"#
        let url = try write(good + "\n" + bad + "\n", "journal.jsonl")
        let report = try importer().importFile(url, into: flow)
        XCTAssertEqual(report.format, "JSON Lines")
        XCTAssertEqual(report.imported, 1)
        XCTAssertEqual(report.issues.map(\.line), [2])
        XCTAssertTrue(report.issues[0].reason.contains("payments"), "\(report.issues)")
        XCTAssertEqual(try importer().importFile(url, into: flow).alreadyStored, 1)
    }
}

enum SaftMappingTestDates {
    static func oslo(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Oslo")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.date(from: text)!
    }
}
