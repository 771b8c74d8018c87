import XCTest
@testable import FlowMapping

final class CommonHTMLTextTests: XCTestCase {
    func testRemovesTagsAndBreaksBlocks() {
        let html = "<p>Varm <b>ullgenser</b></p><p>Str&oslash;kne i<br/>Norge</p>"
        XCTAssertEqual(HTMLText.strip(html), "Varm ullgenser\nStrøkne i\nNorge")
    }

    func testDecodesNamedAndNumericEntities() {
        let html = "&aelig;&oslash;&aring; &AElig;&Oslash;&Aring; &#230;&#248;&#229; &#xE6; Fish&amp;Chips&nbsp;&euro;10"
        XCTAssertEqual(HTMLText.strip(html), "æøå ÆØÅ æøå æ Fish&Chips €10")
    }

    func testEscapedMarkupStaysText() {
        XCTAssertEqual(HTMLText.strip("<p>Use &lt;b&gt; for bold</p>"), "Use <b> for bold")
    }

    func testUnknownEntityAndLoneAmpersandStay() {
        XCTAssertEqual(HTMLText.strip("Tom & Jerry &bogus; &#;"), "Tom & Jerry &bogus; &#;")
    }

    func testDropsScriptStyleAndComments() {
        let html = "<style>p{color:red}</style><p>Tekst<!-- skjult --> her</p><script>alert(1)</script>"
        XCTAssertEqual(HTMLText.strip(html), "Tekst her")
    }

    func testAttributesWithAngleBracketsAndListItems() {
        let html = #"<ul><li title="a > b">Ull</li><li>Bomull</li></ul>"#
        XCTAssertEqual(HTMLText.strip(html), "Ull\nBomull")
    }

    func testNormalisesWhitespace() {
        let html = "  <div>\n   Linje   en\n</div>\n\n<div>\t linje to </div>  "
        XCTAssertEqual(HTMLText.strip(html), "Linje en\nlinje to")
    }

    func testPlainTextKeepsLineBreaksAndLessThan() {
        XCTAssertEqual(HTMLText.strip("Linje 1\r\nLinje 2\n\n\n3 < 4"), "Linje 1\nLinje 2\n3 < 4")
    }

    func testPlainTextIsGivenBackAsTheFullStripWouldGiveIt() {
        let pieces = ["a", "Genser", " ", "  ", "<b>", "</p>", "&amp;", "&", "<", ">", "\n", "\r", "\r\n", "\t", "\u{A0}",
                      "\u{0C}", "é", "à", "ø", "\u{301}", "\u{2003}", "😀"]
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "Genser i ull", " Genser", "Genser ", "Genser  i ull", "a \u{301}b", "Blå bukse"]
        for _ in 0..<5_000 {
            texts.append((0..<Int.random(in: 1...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined())
        }
        for text in texts {
            XCTAssertEqual(HTMLText.strip(text), HTMLText.stripMarkup(text), "\(Array(text.unicodeScalars))")
        }
        XCTAssertTrue(HTMLText.isPlainAlready("Genser i ull, blå"))
        XCTAssertFalse(HTMLText.isPlainAlready("Genser  i ull"))
    }
}
