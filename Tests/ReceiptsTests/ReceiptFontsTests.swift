import Foundation
@testable import Receipts
import XCTest

/// The subsets of DejaVu Sans the receipts embed, and the choice of font for a receipt's text.
final class ReceiptFontsTests: XCTestCase {
    let fonts = ReceiptFonts.bundled

    func testThePackageShipsBothSubsetsAndTheyCoverWhatTheyClaim() throws {
        let windows1252 = try XCTUnwrap(fonts.windows1252, "ReceiptSansCP1252.ttf is missing from the Receipts resources")
        let extended = try XCTUnwrap(fonts.extended, "ReceiptSansExtended.ttf is missing from the Receipts resources")
        XCTAssertTrue(try ReceiptFonts.coversWindows1252(windows1252))
        let narrow = try FontCoverage(contentsOf: windows1252)
        XCTAssertFalse(narrow.covers("Ł"), "the Windows-1252 subset holds nothing beyond that repertoire")
        let broad = try FontCoverage(contentsOf: extended)
        for text in ["Bærum – 49,90 € «jul»", "Łódź Žižkov Ærø Åsane", "Ελληνικά", "Привет Київ", "Nguyễn", "№ 5 ½ ™ →"] {
            XCTAssertTrue(broad.covers(text), text)
        }
        XCTAssertFalse(broad.covers("Բարև"), "Armenian is left to the full font")
        let full = try FontCoverage(contentsOf: ReceiptFonts.systemDejaVuSans)
        XCTAssertTrue(full.covers("Բարև שלום ∑ ა 😀"), "the full font has what the subsets lack")
        XCTAssertFalse(full.contains(0x4E2D), "DejaVu Sans has no CJK")
    }

    func testTheNarrowestFontWithEveryCharacterIsChosen() throws {
        XCTAssertEqual(try fonts.choice(for: ["Strikkegenser blå ærmeløs – størrelse M", "€ 12,50", ""]).path, fonts.windows1252)
        XCTAssertEqual(try fonts.choice(for: ["Strikkegenser", "€ 12,50"]).encoding, .windows1252)
        let greek = try fonts.choice(for: ["Bussbillett Ελληνικά Łódź", "Avis"])
        XCTAssertEqual(greek.path, fonts.extended)
        XCTAssertEqual(greek.encoding, .utf8)
        let armenian = try fonts.choice(for: ["Բարև", "Avis"])
        XCTAssertEqual(armenian.path, ReceiptFonts.systemDejaVuSans)
        XCTAssertEqual(armenian.encoding, .utf8)
        XCTAssertEqual(try ReceiptFonts.fullOnly.choice(for: ["Avis"]).path, ReceiptFonts.systemDejaVuSans)
    }

    func testWindows1252AgreesWithFoundation() {
        for value in UInt32(0x20)...0x2FFF {
            // U+0340/U+0341, deprecated tone marks, are canonically U+0300/U+0301: "a" + one composes
            // to à here, while Foundation refuses the pair.
            guard let scalar = Unicode.Scalar(value), !(0x7F...0x9F).contains(value), value != 0x340, value != 0x341 else { continue }
            let text = "a" + String(Character(scalar))
            let foundation = text.data(using: .windowsCP1252).map { [UInt8]($0) }
            XCTAssertEqual(Windows1252.encode(text), foundation, String(format: "U+%04X", value))
            XCTAssertEqual(Windows1252.fits(text), foundation != nil, String(format: "U+%04X", value))
        }
        XCTAssertEqual(Windows1252.encode("Ra\u{30A}de"), [0x52, 0xE5, 0x64, 0x65], "a decomposed å is composed")
    }

    func testFontCoverageMergesRangesAndRefusesAFileWithoutACmap() throws {
        XCTAssertEqual(FontCoverage.merged([5...6, 1...2, 3...3, 9...9]), [1...3, 5...6, 9...9])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-font-\(UUID().uuidString).ttf")
        try Data("not a font".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try FontCoverage(contentsOf: file.path)) { error in
            XCTAssertTrue("\(error)".contains(file.path), "\(error)")
        }
    }
}
