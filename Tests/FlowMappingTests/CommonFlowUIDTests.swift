import XCTest
@testable import FlowMapping

final class CommonFlowUIDTests: XCTestCase {
    func testKeepsAllowedCharactersAndCase() {
        XCTAssertEqual(FlowUID.sanitize("SKU-123_ab"), "SKU-123_ab")
    }

    func testTransliteratesNorwegianLetters() {
        XCTAssertEqual(FlowUID.sanitize("Bærepose Ørsta Åsane"), "Baerepose_Orsta_Asane")
        XCTAssertEqual(FlowUID.sanitize("æøåÆØÅ"), "aeoaAEOA")
    }

    func testStripsOtherDiacritics() {
        XCTAssertEqual(FlowUID.sanitize("Crème brûlée"), "Creme_brulee")
        XCTAssertEqual(FlowUID.sanitize("Müller Straße"), "Muller_Strasse")
    }

    func testReplacesAndCollapsesOtherCharacters() {
        XCTAssertEqual(FlowUID.sanitize("  shirt / yellow  (XL)  "), "shirt_yellow_XL")
        XCTAssertEqual(FlowUID.sanitize("a__b\t\nc"), "a_b_c")
        XCTAssertEqual(FlowUID.sanitize("shirt-yellow_no"), "shirt-yellow_no")
    }

    func testEmptyResultIsNil() {
        XCTAssertNil(FlowUID.sanitize(""))
        XCTAssertNil(FlowUID.sanitize("  &&  "))
        XCTAssertNil(FlowUID.sanitize("日本"))
    }

    func testBrandIsLowerCasedAndSanitized() {
        XCTAssertEqual(FlowUID.brand("Nike Air"), "nike_air")
        XCTAssertEqual(FlowUID.brand("Bjørn Borg"), "bjorn_borg")
        XCTAssertEqual(FlowUID.brand("ÆRØ Design"), "aero_design")
        XCTAssertNil(FlowUID.brand("   "))
    }
}
