import Foundation
import Receipts
import XCTest

/// Receipts rendered from the templates in templates/, read back with pdftotext.
final class ReceiptRenderingTests: XCTestCase {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates")
    let renderer = ReceiptRenderer(timeZone: TimeZone(identifier: "Europe/Oslo")!)

    static let seller = ReceiptDocument.Seller(name: "Bærum Sportshus AS", organisationNumber: "987 654 321",
                                               storeName: "Sandvika Storsenter", address: "Brodtkorbsgate 7",
                                               postalCode: "1338", city: "Sandvika")

    /// Mixed VAT (25/15/12/0), a discount, cash rounding and change; names in æøå and beyond Latin-1.
    static func sale(copy: Bool = false, extraLines: Int = 0) -> ReceiptDocument {
        var lines = [
            ReceiptDocument.Line(name: "Strikkegenser blå ærmeløs – størrelse M", sku: "SKU-1", quantity: 200, unitPrice: 19_950,
                                 discount: 3_990, vatRate: 2500, amount: 35_910),
            ReceiptDocument.Line(name: "Økologisk kaffe 500 g", sku: "SKU-2", quantity: 100, unitPrice: 4_990, discount: 0,
                                 vatRate: 1500, amount: 4_990),
            ReceiptDocument.Line(name: "Bussbillett Ελληνικά Łódź", sku: "SKU-3", quantity: 100, unitPrice: 4_250, discount: 0,
                                 vatRate: 1200, amount: 4_250),
            ReceiptDocument.Line(name: "Avis", sku: "SKU-4", quantity: 150, unitPrice: 3_000, discount: 0, vatRate: 0, amount: 4_500),
        ]
        for index in 0..<extraLines {
            lines.append(.init(name: "Vare nr. \(index + 1) med et langt navn som må brytes over flere linjer på kvitteringen",
                               sku: "X-\(index)", quantity: 100, unitPrice: 1_000, discount: 0, vatRate: 2500, amount: 1_000))
        }
        let sum = lines.reduce(Int64(0)) { $0 + $1.amount }
        let rounding = (sum + 50) / 100 * 100 - sum
        var receipt = ReceiptDocument(kind: "SALE", receiptNumber: "20261203-001", cashRegister: "sandvika-1", employee: "Ola",
                               createdAt: Date(timeIntervalSince1970: 1_796_313_900), seller: seller, lines: lines,
                               payments: [.init(method: "Kontant", amount: (sum + rounding) / 10_000 * 10_000 + 10_000)],
                               total: sum + rounding, vatTotal: 0, discountTotal: 3_990, rounding: rounding,
                               change: (sum + rounding) / 10_000 * 10_000 + 10_000 - (sum + rounding), isCopy: copy)
        receipt.vatTotal = receipt.vatLines.reduce(0) { $0 + $1.vat }
        return receipt
    }

    /// A Norwegian receipt (æøå, –, €) fits Windows-1252 and is drawn with a simple TrueType font; one
    /// with Greek or Polish letters needs the UTF-8 (CID) font. Both read back exactly.
    func testTextThatFitsWindows1252UsesTheSimpleFontAndOtherTextTheUTF8Font() throws {
        XCTAssertEqual(PDFDocument.TextEncoding.narrowest(for: ["Strikkegenser blå ærmeløs – størrelse M", "€ 12,50"]), .windows1252)
        XCTAssertEqual(PDFDocument.TextEncoding.narrowest(for: ["Bussbillett Ελληνικά Łódź"]), .utf8)

        var norwegian = Self.sale()
        norwegian.lines.removeAll { $0.sku == "SKU-3" }
        norwegian.lines.append(.init(name: "Gavekort € – «jul»", sku: "SKU-5", quantity: 100, unitPrice: 10_000, discount: 0,
                                     vatRate: 0, amount: 10_000))
        let pdf = try renderer.render(norwegian, with: try template("receipt-80mm.tmpl"))
        XCTAssertEqual(pdf, try renderer.render(norwegian, with: try template("receipt-80mm.tmpl")), "deterministic")
        let text = try pdftotext(pdf)
        for expected in ["Strikkegenser blå ærmeløs", "Økologisk kaffe 500 g", "Gavekort € – «jul»", "Bærum Sportshus AS"] {
            XCTAssertTrue(text.contains(expected), "\(expected) in:\n\(text)")
        }
        XCTAssertFalse(String(decoding: pdf, as: UTF8.self).contains("Identity-H"), "a simple font, not a CID font")

        let greek = try pdftotext(try renderer.render(Self.sale(), with: try template("receipt-80mm.tmpl")))
        XCTAssertTrue(greek.contains("Ελληνικά Łódź"), greek)
    }

    func template(_ name: String) throws -> ReceiptTemplate {
        try ReceiptTemplate(contentsOf: Self.templates.appendingPathComponent(name))
    }

    func pdftotext(_ pdf: Data) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("receipt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("r.pdf")
        try pdf.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", input.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Asserts the texts appear in this order.
    func assertInOrder(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        var rest = Substring(text)
        for item in expected {
            guard let range = rest.range(of: item) else {
                return XCTFail("'\(item)' missing or out of order in:\n\(text)", file: file, line: line)
            }
            rest = rest[range.upperBound...]
        }
    }

    func testTillReceiptShowsEverythingInOrderAndRendersTheSameBytesTwice() throws {
        let template = try template("receipt-80mm.tmpl")
        let receipt = Self.sale()
        let pdf = try renderer.render(receipt, with: template)
        XCTAssertEqual(pdf, try renderer.render(receipt, with: template), "the same receipt renders to the same bytes")
        let text = try pdftotext(pdf)
        assertInOrder(text, ["Bærum Sportshus AS", "Org.nr. 987 654 321 MVA", "Sandvika Storsenter", "SALGSKVITTERING",
                             "20261203-001", "03.12.2026", "sandvika-1", "Strikkegenser", "359,10", "2 x 199,50",
                             "Rabatt", "-39,90", "Økologisk kaffe", "Ελληνικά Łódź", "1,5 x 30,00",
                             "Øreavrunding", "TOTAL NOK", "497,00", "25 %", "287,28", "71,82", "15 %", "12 %", "45,00", "Sum MVA", "82,88", "Kontant", "500,00",
                             "Tilbake", "3,00"])
        XCTAssertFalse(text.contains("KOPI"))
        // Greek and Polish letters: the broad subset of DejaVu Sans as a UTF-8 (CID) font.
        XCTAssertLessThan(pdf.count, 40_000, "\(pdf.count) bytes")
    }

    /// The goal of `make bench`: a Norwegian till receipt with the embedded font subset within 30 KB.
    func testANorwegianTillReceiptEmbedsTheWindows1252SubsetWithin30KB() throws {
        var norwegian = Self.sale()
        norwegian.lines.removeAll { $0.sku == "SKU-3" }
        let pdf = try renderer.render(norwegian, with: try template("receipt-80mm.tmpl"))
        XCTAssertLessThanOrEqual(pdf.count, 30_000, "\(pdf.count) bytes")
        XCTAssertTrue(String(decoding: pdf, as: UTF8.self).contains("+ReceiptSansCP1252"), "the Windows-1252 subset is embedded")
        // The subset's program is written undeflated (cheaper to write than to compress); a full font is deflated.
        let full = try ReceiptRenderer(fonts: .fullOnly, timeZone: renderer.timeZone).render(norwegian, with: try template("receipt-80mm.tmpl"))
        XCTAssertLessThan(full.count, 70_000, "\(full.count) bytes")
        XCTAssertEqual(try pdftotext(full), try pdftotext(pdf))
    }

    /// Text the subsets lack is drawn with the full DejaVu Sans, never dropped or replaced.
    func testTextBeyondTheSubsetsUsesTheFullFontAndReadsBack() throws {
        var receipt = Self.sale()
        receipt.lines[1].name = "Kaffe Բարև שלום ∑"
        let pdf = try renderer.render(receipt, with: try template("receipt-80mm.tmpl"))
        XCTAssertTrue(String(decoding: pdf, as: UTF8.self).contains("+DejaVuSans"), "the full font is embedded")
        let text = try pdftotext(pdf)
        for expected in ["Kaffe Բարև", "∑", "Ελληνικά Łódź", "Bærum Sportshus AS"] {
            XCTAssertTrue(text.contains(expected), "\(expected) in:\n\(text)")
        }
    }

    /// Fonts are loaded once per libharu handle and the handles are reused: a receipt renders to the
    /// same bytes whatever was rendered before it, on whichever thread, as on a handle of its own.
    func testReusedHandlesRenderTheSameBytesAsFreshOnes() throws {
        let till = try template("receipt-80mm.tmpl")
        let renderer = self.renderer
        var norwegian = Self.sale()
        norwegian.lines.removeAll { $0.sku == "SKU-3" }
        var armenian = Self.sale()
        armenian.lines[0].name = "Բարև"
        let receipts = [norwegian, Self.sale(), armenian, Self.sale(copy: true)]
        let first = try receipts.map { try renderer.render($0, with: till) }
        let again = try receipts.reversed().map { try renderer.render($0, with: till) }.reversed()
        XCTAssertEqual(first, Array(again))
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var pdfs: [Int: Data] = [:]
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let pdf = try? renderer.render(receipts[index % receipts.count], with: till)
            results.lock.lock()
            results.pdfs[index] = pdf
            results.lock.unlock()
        }
        let concurrent = (0..<8).map { results.pdfs[$0] }
        for (index, pdf) in concurrent.enumerated() { XCTAssertEqual(pdf, first[index % receipts.count], "render \(index)") }
    }

    func testACopyIsMarkedAndAReturnIsTitledWithNegativeAmounts() throws {
        let template = try template("receipt-80mm.tmpl")
        let copy = try pdftotext(try renderer.render(Self.sale(copy: true), with: template))
        XCTAssertTrue(copy.hasPrefix("KOPI") || copy.contains("KOPI"), copy)
        let returned = ReceiptDocument(kind: "RETURN", receiptNumber: "20261203-007", cashRegister: "sandvika-1",
                                       originalReceipt: "20261203-001", createdAt: Date(timeIntervalSince1970: 1_796_320_000),
                                       seller: Self.seller,
                                       lines: [.init(name: "Avis", sku: "SKU-4", quantity: -100, unitPrice: 3_000, discount: 0,
                                                     vatRate: 0, amount: -3_000)],
                                       payments: [.init(method: "Kontant", amount: -3_000)], total: -3_000, vatTotal: 0)
        let text = try pdftotext(try renderer.render(returned, with: template))
        assertInOrder(text, ["RETUR", "20261203-007", "Gjelder kvittering", "20261203-001", "-1 x 30,00", "-30,00"])
        XCTAssertFalse(text.contains("SALGSKVITTERING"))
    }

    func testAnA4InvoiceOf200LinesHasNumberedPages() throws {
        let pdf = try renderer.render(Self.sale(extraLines: 200), with: try template("invoice-a4.tmpl"))
        let text = try pdftotext(pdf)
        XCTAssertTrue(text.contains("Side 1 av"), text)
        let pages = text.components(separatedBy: "Side ").count - 1
        XCTAssertGreaterThan(pages, 3)
        XCTAssertTrue(text.contains("Side \(pages) av \(pages)"))
        XCTAssertTrue(text.contains("Vare nr. 200"))
        assertInOrder(text, ["KVITTERING 20261203-001", "Vare nr. 1 ", "Vare nr. 200", "Total NOK"])
    }

    func testABrokenTemplateNamesFileAndLine() {
        let cases: [(String, Int, String)] = [
            ("page: 80mm\nleft: {{receiptNumbr}}\n", 2, "no field 'receiptNumbr' (did you mean 'receiptNumber'?)"),
            ("page: 80mm\n\nfor line in lines\nleft: {{line.prce}}\nend\n", 4, "no field 'line.prce'"),
            ("page: 80mm\nif isReturn\nleft: x\n", 2, "'if' without 'end'"),
            ("page: 80mm\nbanner: hei\n", 2, "unknown directive 'banner'"),
            ("left: no page first\n", 1, "must start with 'page:"),
            ("page: 80mm\nleft: {{total|euro}}\n", 2, "unknown filter 'euro'"),
        ]
        for (text, line, reason) in cases {
            XCTAssertThrowsError(try ReceiptTemplate(name: "broken.tmpl", text: text)) { error in
                let templateError = error as? TemplateError
                XCTAssertEqual(templateError?.file, "broken.tmpl")
                XCTAssertEqual(templateError?.line, line, "\(error)")
                XCTAssertTrue(templateError?.reason.contains(reason) == true, "\(error)")
            }
        }
    }

    func testNorwegianFormats() {
        XCTAssertEqual(NorwegianFormat.money(123_450), "1 234,50")
        XCTAssertEqual(NorwegianFormat.money(-4_990), "-49,90")
        XCTAssertEqual(NorwegianFormat.money(5), "0,05")
        XCTAssertEqual(NorwegianFormat.money(100_000_000_00), "100 000 000,00")
        XCTAssertEqual(NorwegianFormat.quantity(150), "1,5")
        XCTAssertEqual(NorwegianFormat.quantity(-200), "-2")
        XCTAssertEqual(NorwegianFormat.quantity(105), "1,05")
        XCTAssertEqual(NorwegianFormat.percent(1250), "12,5 %")
        XCTAssertEqual(NorwegianFormat.dateTime(Date(timeIntervalSince1970: 1_796_313_900), timeZone: TimeZone(identifier: "Europe/Oslo")!),
                       "03.12.2026 17:05")
    }
}
