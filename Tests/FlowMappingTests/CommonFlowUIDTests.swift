import XCTest
@testable import FlowMapping

final class CommonFlowUIDTests: XCTestCase {
    func testKeepsAllowedCharactersAndCase() {
        XCTAssertEqual(FlowUID.readable("SKU-123_ab"), "SKU-123_ab")
    }

    func testAValidIdIsItsOwnUID() {
        for id in ["SKU-123_ab", "1001", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "_x_"] {
            XCTAssertEqual(FlowUID.sanitize(id), id)
        }
    }

    func testIdsThatNeedFoldingKeepAReadableStemAndADigest() throws {
        let uid = try XCTUnwrap(FlowUID.sanitize("EVIL/1"))
        XCTAssertTrue(uid.hasPrefix("EVIL_1--"), uid)
        XCTAssertEqual(uid.count, "EVIL_1--".count + 16)
        XCTAssertTrue(FlowUID.isValidUID(uid))
        XCTAssertEqual(FlowUID.sanitize("EVIL/1"), uid, "stable")
        // SHA-256("EVIL/1") starts with these 8 bytes (checked with `printf 'EVIL/1' | sha256sum`).
        XCTAssertEqual(uid, "EVIL_1--" + String(sha256Prefix("EVIL/1")))
    }

    func testIdsThatFoldAlikeGetDifferentUIDs() {
        let ids = ["EVIL/1", "EVIL 1", "EVIL_1", "EVIL__1", "EVIL--1", "Bær 1", "Baer 1", "Baer_1", "Bær/1", "É1", "E\u{301}1"]
        let uids = ids.compactMap(FlowUID.sanitize)
        XCTAssertEqual(uids.count, ids.count)
        XCTAssertEqual(Set(uids).count, ids.count, "\(uids)")
        XCTAssertTrue(uids.allSatisfy(FlowUID.isValidUID))
    }

    func testAValidIdHoldingTheDigestSeparatorCannotImpersonateAFoldedOne() throws {
        let folded = try XCTUnwrap(FlowUID.sanitize("EVIL/1"))
        XCTAssertNotEqual(FlowUID.sanitize(folded), folded, "a literal id equal to a folded UID is folded again")
        for kept in ["a-b-c", "-a-", "-", "a_-_b"] { XCTAssertEqual(FlowUID.sanitize(kept), kept) }
        for folded in ["a--b", "--", "a---", "--a"] { XCTAssertNotEqual(FlowUID.sanitize(folded), folded) }
    }

    func testAnIdWithNothingUsableHasNoUID() {
        XCTAssertNil(FlowUID.sanitize(""))
        XCTAssertNil(FlowUID.sanitize("日本"))
    }

    private func sha256Prefix(_ text: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sh", "-c", "printf '%s' \"$0\" | sha256sum | cut -c1-16", text]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        process.waitUntilExit()
        return String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testTransliteratesNorwegianLetters() {
        XCTAssertEqual(FlowUID.readable("Bærepose Ørsta Åsane"), "Baerepose_Orsta_Asane")
        XCTAssertEqual(FlowUID.readable("æøåÆØÅ"), "aeoaAEOA")
    }

    func testStripsOtherDiacritics() {
        XCTAssertEqual(FlowUID.readable("Crème brûlée"), "Creme_brulee")
        XCTAssertEqual(FlowUID.readable("Müller Straße"), "Muller_Strasse")
    }

    func testReplacesAndCollapsesOtherCharacters() {
        XCTAssertEqual(FlowUID.readable("  shirt / yellow  (XL)  "), "shirt_yellow_XL")
        XCTAssertEqual(FlowUID.readable("a__b\t\nc"), "a_b_c")
        XCTAssertEqual(FlowUID.readable("shirt-yellow_no"), "shirt-yellow_no")
    }

    func testEmptyResultIsNil() {
        XCTAssertNil(FlowUID.readable(""))
        XCTAssertNil(FlowUID.readable("  &&  "))
        XCTAssertNil(FlowUID.readable("日本"))
    }

    func testBrandIsLowerCasedAndSanitized() {
        XCTAssertEqual(FlowUID.brand("Nike Air"), "nike_air")
        XCTAssertEqual(FlowUID.brand("Bjørn Borg"), "bjorn_borg")
        XCTAssertEqual(FlowUID.brand("ÆRØ Design"), "aero_design")
        XCTAssertNil(FlowUID.brand("   "))
    }
}
