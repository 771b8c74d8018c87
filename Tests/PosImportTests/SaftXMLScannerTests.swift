import Foundation
@testable import PosImport
import XCTest

/// The byte-level scanner under SaftReader: entities, CDATA, namespaces, tokens split across reads,
/// and the line numbers of its errors.
final class SaftXMLScannerTests: XCTestCase {
    static let ns = "urn:StandardAuditFile-Taxation-CashRegister:NO"
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("saftscan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Records every event as text.
    final class Recorder: SaftXMLScannerDelegate {
        var events: [String] = []
        func scannerDidStart(localName: String, namespace: String?, line: Int) throws {
            events.append("<\(localName) \(namespace ?? "-") @\(line)")
        }
        func scannerDidEnd(localName: String, text: UnsafeBufferPointer<UInt8>, line: Int) throws {
            events.append("</\(localName)> '\(String(decoding: text, as: UTF8.self))' @\(line)")
        }
    }

    func write(_ text: String) throws -> URL {
        let url = folder.appendingPathComponent("\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        return url
    }

    func scan(_ text: String, chunkSize: Int = SaftXMLScanner.defaultChunkSize) throws -> [String] {
        let recorder = Recorder()
        try SaftXMLScanner(url: try write(text), chunkSize: chunkSize).scan(recorder)
        return recorder.events
    }

    func scanError(_ text: String, chunkSize: Int = SaftXMLScanner.defaultChunkSize,
                   file: StaticString = #filePath, line: UInt = #line) -> SaftFileError? {
        do {
            _ = try scan(text, chunkSize: chunkSize)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch let error as SaftFileError {
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
            return nil
        }
    }

    func testEntitiesCharacterReferencesAndCDATA() throws {
        let events = try scan("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <n1:a xmlns:n1="\(Self.ns)"><n1:b>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#xE6;ø</n1:b><n1:c><![CDATA[<x>&amp;]]>!</n1:c><?pi skipped?></n1:a>
            """)
        XCTAssertEqual(events, [
            "<a \(Self.ns) @3", "<b \(Self.ns) @3", "</b> '&<>\"'ABæø' @3",
            "<c \(Self.ns) @3", "</c> '<x>&amp;!' @3", "</a> '' @3",
        ])
    }

    func testDefaultNamespaceSelfClosingTagsAndAttributes() throws {
        let events = try scan("<auditfile xmlns=\"\(Self.ns)\" a='1 > 0'>\n<header/>\n<x:y xmlns:x=\"urn:other\" b=\"&quot;\"/></auditfile>")
        XCTAssertEqual(events, [
            "<auditfile \(Self.ns) @1", "<header \(Self.ns) @2", "</header> '' @2",
            "<y urn:other @3", "</y> '' @3", "</auditfile> '' @3",
        ])
    }

    /// Every token (tags, entities, CDATA, comments, the BOM) split at every possible place gives the same events.
    func testTokensSplitAcrossReadsGiveTheSameEvents() throws {
        let text = "\u{FEFF}<?xml version=\"1.0\"?>\n<n1:a xmlns:n1=\"\(Self.ns)\">\n<n1:b attr=\"x>y\">1&amp;2&#x10FFFF;æ</n1:b><!-- c --><n1:c><![CDATA[]]]]><![CDATA[>]]></n1:c>\n</n1:a>\n"
        let whole = try scan(text)
        XCTAssertEqual(whole.count, 6)
        for chunkSize in 1...9 {
            XCTAssertEqual(try scan(text, chunkSize: chunkSize), whole, "chunk size \(chunkSize)")
        }
    }

    /// Every name the reader knows is found as itself; names that differ by a byte, are one longer or
    /// shorter, or differ in case are `.other` unless they are another known name.
    func testElementNamesAreFoundExactlyAndNearMissesAreOther() {
        let table = SaftElementNames()
        func lookup(_ name: String) -> SaftElement {
            Array(name.utf8).withUnsafeBufferPointer { table.element($0) }
        }
        let known = Dictionary(uniqueKeysWithValues: SaftElement.allCases.filter { $0 != .other }.map { ($0.name, $0) })
        for (name, element) in known {
            XCTAssertEqual(lookup(name), element, name)
            let bytes = Array(name.utf8)
            var misses = [name + "x", String(name.dropLast()), name.uppercased(), "n1:" + name, ""]
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                misses.append(String(decoding: changed, as: UTF8.self))
            }
            for miss in misses {
                XCTAssertEqual(lookup(miss), known[miss] ?? .other, "\(name) → \(miss)")
            }
        }
        XCTAssertEqual(lookup(String(repeating: "a", count: 300)), .other)
    }

    /// End tags are compared with the open element in one pass when they close it plainly; anything else
    /// (another name or prefix, one byte longer or shorter, white space) takes the general path, which
    /// accepts or refuses as before, also when long names are split across reads.
    func testEndTagsAreCheckedAgainstTheOpenElement() throws {
        let head = "<n1:auditfile xmlns:n1=\"\(Self.ns)\" xmlns:n2=\"\(Self.ns)\">"
        let text = head + "<n1:cashtransaction><n1:transAmntIn>1</n1:transAmntIn ></n1:cashtransaction></n1:auditfile>"
        let whole = try scan(text)
        XCTAssertEqual(whole, [
            "<auditfile \(Self.ns) @1", "<cashtransaction \(Self.ns) @1", "<transAmntIn \(Self.ns) @1",
            "</transAmntIn> '1' @1", "</cashtransaction> '' @1", "</auditfile> '' @1",
        ])
        for chunkSize in [1, 2, 3, 5, 7, 8, 9, 13] {
            XCTAssertEqual(try scan(text, chunkSize: chunkSize), whole, "chunk size \(chunkSize)")
        }
        for wrong in ["</n2:cashtransaction>", "</n1:cashtransactio>", "</n1:cashtransactionx>", "</n1:Cashtransaction>", "</n1:>"] {
            for chunkSize in [SaftXMLScanner.defaultChunkSize, 4] {
                let error = scanError(head + "<n1:cashtransaction>\n" + wrong + "</n1:auditfile>", chunkSize: chunkSize)
                XCTAssertEqual(error?.line, 2, wrong)
                XCTAssertTrue(error?.reason.contains("not well-formed") == true, "\(wrong): \(String(describing: error))")
            }
        }
    }

    func testErrorsNameTheElementAndLine() {
        let head = "<?xml version=\"1.0\"?>\n<n1:a xmlns:n1=\"\(Self.ns)\">\n"
        var error = scanError(head + "<n1:b>\n</n1:c></n1:a>")
        XCTAssertEqual(error?.line, 4)
        XCTAssertEqual(error?.element, "b")
        XCTAssertTrue(error?.reason.contains("does not close") == true, "\(String(describing: error))")

        error = scanError(head + "<n1:b>x</n1:b>\n<n1:c>&nbsp;</n1:c></n1:a>")
        XCTAssertEqual(error?.line, 4)
        XCTAssertEqual(error?.element, "c")
        XCTAssertTrue(error?.reason.contains("undeclared entity &nbsp;") == true)

        error = scanError(head + "<n1:b>\n<n1:c>truncated", chunkSize: 3)
        XCTAssertEqual(error?.line, 4)
        XCTAssertTrue(error?.reason.contains("truncated") == true)

        error = scanError("<?xml version=\"1.0\"?>\n\n<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<a>&e;</a>")
        XCTAssertEqual(error?.element, "doctype")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.reason.contains("refused") == true)

        error = scanError(head + "<x:b/></n1:a>")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.reason.contains("prefix 'x' is not declared") == true)

        error = scanError("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>")
        XCTAssertTrue(error?.reason.contains("UTF-8") == true)

        error = scanError(head + "<n1:b>\u{1}</n1:b></n1:a>")
        XCTAssertTrue(error?.reason.contains("control character") == true)

        error = scanError(head + "<n1:b>&#0;</n1:b></n1:a>")
        XCTAssertTrue(error?.reason.contains("does not allow") == true)

        error = scanError("<a/><b/>")
        XCTAssertTrue(error?.reason.contains("second root") == true)

        error = scanError("<a/>text")
        XCTAssertTrue(error?.reason.contains("after the root") == true)
    }

    /// The reader refuses invalid UTF-8 in a value instead of replacing it.
    func testTheReaderRefusesInvalidUTF8AndTrimsValues() throws {
        var bytes = Data("<n1:auditfile xmlns:n1=\"\(Self.ns)\"><n1:company><n1:companyName>\n".utf8)
        bytes.append(contentsOf: [0x41, 0xC3, 0x28])
        bytes.append(contentsOf: Data("</n1:companyName></n1:company></n1:auditfile>".utf8))
        let url = folder.appendingPathComponent("bad.xml")
        try bytes.write(to: url)
        XCTAssertThrowsError(try SaftReader(url: url).read(transaction: { _ in })) { error in
            XCTAssertEqual((error as? SaftFileError)?.element, "companyName")
            XCTAssertEqual((error as? SaftFileError)?.line, 2)
            XCTAssertTrue("\(error)".contains("not valid UTF-8"))
        }
        let good = try write("<auditfile xmlns=\"\(Self.ns)\"><company><companyName> \u{00A0}Bench &amp; Co\n</companyName><location><name>S</name></location></company></auditfile>")
        let reader = SaftReader(url: good)
        try reader.read(transaction: { _ in })
        XCTAssertEqual(reader.master.companyName, "Bench & Co")
    }

    /// Nesting up to the limit reads (the scanner's and the reader's stacks hold exactly that many open
    /// elements); one deeper is refused naming the element, before anything is pushed.
    func testNestingUpToTheLimitReadsAndOneDeeperIsRefused() throws {
        func nested(_ depth: Int) -> String {
            "<n1:auditfile xmlns:n1=\"\(Self.ns)\">" + String(repeating: "<n1:x>", count: depth - 1)
                + String(repeating: "</n1:x>", count: depth - 1) + "</n1:auditfile>"
        }
        let events = try scan(nested(SaftXMLScanner.maxDepth))
        XCTAssertEqual(events.count, 2 * SaftXMLScanner.maxDepth)
        XCTAssertEqual(events.last, "</auditfile> '' @1")
        let url = try write(nested(SaftXMLScanner.maxDepth))
        XCTAssertThrowsError(try SaftReader(url: url).read(transaction: { _ in })) { error in
            XCTAssertEqual((error as? SaftFileError)?.element, "company", "read to the end, then missing company")
        }
        let error = scanError(nested(SaftXMLScanner.maxDepth + 1))
        XCTAssertEqual(error?.element, "x")
        XCTAssertTrue(error?.reason.contains("nested deeper than 256") == true, "\(String(describing: error))")
    }

    func testADepthStackPushesAndPopsInOrder() {
        let stack = SaftDepthStack<Int>(capacity: 4)
        XCTAssertTrue(stack.isEmpty)
        XCTAssertNil(stack.last)
        for value in [3, 1, 4, 1] { stack.append(value) }
        XCTAssertEqual(stack.count, 4)
        XCTAssertEqual((0..<4).map { stack[$0] }, [3, 1, 4, 1])
        stack.removeLast()
        XCTAssertEqual(stack.last, 4)
        stack.append(5)
        XCTAssertEqual((0..<stack.count).map { stack[$0] }, [3, 1, 4, 5])
        while !stack.isEmpty { stack.removeLast() }
        XCTAssertNil(stack.last)
    }

    func testAmountsFastPathMatchesTheGeneralRules() {
        let cases = ["86.40", "1234.560", "2", "-3.5", "+7.05", " 12.3 ", "1.005", "1.", ".5", "-", "", "1.2.3", "12a",
                     "1234567890123456", "123456789012345", "\u{00A0}5.00", "٣", "5.000", "0.10"]
        for text in cases {
            XCTAssertEqual(SaftAmount.hundredths(text), SaftAmount.generalHundredths(text), "'\(text)'")
        }
        XCTAssertEqual(SaftAmount.hundredths("86.40"), 8640)
        XCTAssertEqual(SaftAmount.hundredths("-3.5"), -350)
        XCTAssertNil(SaftAmount.hundredths("1.005"))
    }
}
