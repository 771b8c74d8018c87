import XCTest

@testable import Pipeline

final class ConfigurationJSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONNode {
        var parser = ConfigJSONParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }

    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try parse(text)
            XCTFail("expected a syntax error for \(text)")
        } catch let error as JSONSyntaxError {
            return error
        } catch {
            XCTFail("unexpected \(error)")
        }
        return nil
    }

    func testParsesAllValueKindsWithOffsets() throws {
        let node = try parse(#"{"a": "x\u00e6\n", "b": -1.5e3, "c": [true, null], "d": {"e": false}}"#)
        guard case .object(let members) = node.value else { return XCTFail("not an object") }
        XCTAssertEqual(members.map(\.key), ["a", "b", "c", "d"])
        XCTAssertEqual(members[0].value.value, .string("xæ\n"))
        XCTAssertEqual(members[0].keyOffset, 1)
        XCTAssertEqual(members[1].value.value, .number("-1.5e3"))
        XCTAssertEqual(members[2].value.value, .array([JSONNode(value: .bool(true), offset: 38), JSONNode(value: .null, offset: 44)]))
    }

    func testSurrogatePairsAndUTF8() throws {
        let node = try parse(#"{"k": "\ud83d\ude00 ø"}"#)
        guard case .object(let members) = node.value else { return XCTFail("not an object") }
        XCTAssertEqual(members[0].value.value, .string("😀 ø"))
    }

    func testRejectsWhatStrictJSONRejects() {
        XCTAssertEqual(syntaxError("")?.message, "the file is empty")
        XCTAssertEqual(syntaxError("{\"a\": 01}")?.message, "numbers must not have leading zeros")
        XCTAssertEqual(syntaxError("{\"a\": \"x}")?.message, "unterminated string")
        XCTAssertEqual(syntaxError("{\"a\": 1} x")?.offset, 9)
        XCTAssertEqual(syntaxError("{'a': 1}")?.message, "unexpected character ''', expected a quoted key")
        XCTAssertEqual(syntaxError("{\"a\": tru}")?.offset, 6)
        XCTAssertNotNil(syntaxError("{\"a\": \"\\ud800\"}"))
    }

    func testLineAndColumnCountCharactersNotBytes() {
        let source = SourceText(bytes: Array("{\n \"æø\": x".utf8))
        let offset = Array("{\n \"æø\": ".utf8).count
        XCTAssertEqual(source.position(of: offset).line, 2)
        XCTAssertEqual(source.position(of: offset).column, 8)
    }

    func testClosestMatch() {
        XCTAssertEqual(ClosestMatch.find("SyncCategoryToFlow", among: ConfigKey.names), "SyncCategoriesToFlow")
        XCTAssertEqual(ClosestMatch.find("omnium_client_id", among: ConfigKey.names), "OMNIUM_CLIENT_ID")
        XCTAssertNil(ClosestMatch.find("completely-different", among: ConfigKey.names))
    }
}
