import Foundation
import Receipts
import XCTest

final class PDFDocumentTests: XCTestCase {
    static let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    func render(_ lines: [String]) throws -> Data {
        let document = try PDFDocument(font: Self.font)
        let page = try document.addPage(width: 226.77, height: 400)  // 80 mm wide
        for (index, line) in lines.enumerated() {
            try page.text(line, x: 10, y: 380 - Float(index) * 14, size: 9)
        }
        return try document.data()
    }

    func testRendersUTF8TextDeterministically() throws {
        let lines = ["Bærum Sportshus AS", "Org.nr. 987 654 321 MVA", "Grønnsåpe 1 × 49,90"]
        let first = try render(lines)
        XCTAssertEqual(String(decoding: first.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertEqual(first, try render(lines), "the same receipt renders to the same bytes")
        XCTAssertNotEqual(first, try render(lines + ["Retur"]))
    }

    func testAMissingFontIsAPDFErrorNamingTheCall() throws {
        XCTAssertThrowsError(try PDFDocument(font: "/nonexistent/font.ttf")) { error in
            let pdfError = error as? PDFError
            XCTAssertNotNil(pdfError)
            XCTAssertTrue(pdfError?.operation.contains("HPDF_LoadTTFontFromFile") == true)
        }
    }
}
