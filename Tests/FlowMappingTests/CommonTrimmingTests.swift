import XCTest
@testable import FlowMapping

/// `trimmedNonBlank` trims what `.whitespacesAndNewlines` trims (Unicode White_Space), natively.
final class CommonTrimmingTests: XCTestCase {
    func testTrimsUnicodeWhiteSpaceAndTreatsBlankAsUnset() {
        XCTAssertEqual("  a b \n".trimmedNonBlank, "a b")
        XCTAssertEqual("\u{00A0}x\u{3000}".trimmedNonBlank, "x")
        XCTAssertEqual("\r\nÆØÅ\t".trimmedNonBlank, "ÆØÅ")
        XCTAssertEqual("abc".trimmedNonBlank, "abc")
        XCTAssertNil("".trimmedNonBlank)
        XCTAssertNil(" \t\n\r\n\u{2028}".trimmedNonBlank)
        // Edges of the byte-level shortcut (visible ASCII at both ends) and the texts just outside it.
        for text in ["  a b \n", "\u{00A0}x\u{3000}", "\u{85}y\u{2029}", "z", "a\u{0301}", "é a", "a b", "~x!", "\u{7F}a",
                     "a\u{7F}", "\u{0600}1", "a\r\n"] {
            XCTAssertEqual(text.trimmedNonBlank, text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
        }
    }
}
