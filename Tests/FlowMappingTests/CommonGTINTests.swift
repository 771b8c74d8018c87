import XCTest
@testable import FlowMapping

final class CommonGTINTests: XCTestCase {
    func testValidCodesOfEveryLength() {
        XCTAssertTrue(GTIN.isValid("96385074"))          // EAN-8
        XCTAssertTrue(GTIN.isValid("036000291452"))      // UPC-A
        XCTAssertTrue(GTIN.isValid("7038010055720"))     // EAN-13 (Norway)
        XCTAssertTrue(GTIN.isValid("4006381333931"))     // EAN-13
        XCTAssertTrue(GTIN.isValid("10012345000017"))    // GTIN-14
    }

    func testWrongCheckDigit() {
        XCTAssertFalse(GTIN.isValid("7038010055721"))
        XCTAssertFalse(GTIN.isValid("96385075"))
    }

    func testWrongLengthOrCharacters() {
        XCTAssertFalse(GTIN.isValid(""))
        XCTAssertFalse(GTIN.isValid("123"))
        XCTAssertFalse(GTIN.isValid("70380100557"))      // 11 digits
        XCTAssertFalse(GTIN.isValid("703801005572A"))
        XCTAssertFalse(GTIN.isValid(" 7038010055720"))
        XCTAssertFalse(GTIN.isValid("７０３８０１００５５７２０"))   // full-width digits
    }
}
