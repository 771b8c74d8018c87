import Foundation
import Pipeline
import XCTest

/// `OMNIFLOW_LOG_FORMAT`: the same events as text lines or as JSON Lines.
final class RunLogFormatTests: XCTestCase {
    private func lines(_ format: RunLogFormat) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("runlog-\(UUID().uuidString)/run.log")
        addTeardownBlock { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let log = RunLog(file: file, format: format)
        log.info("stage finished", ["stage": "load.products", "rows.written": "12", "msg": "not a fixed member"])
        log.warning("retry", ["reason": "429 \"slow down\""])
        return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testJSONLinesCarryTheFixedMembersAndTheMetadata() throws {
        let lines = try lines(.json)
        XCTAssertEqual(lines.count, 2)
        let first = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        XCTAssertEqual(first["level"], "info")
        XCTAssertEqual(first["msg"], "stage finished", "metadata never replaces a fixed member")
        XCTAssertEqual(first["stage"], "load.products")
        XCTAssertEqual(first["rows.written"], "12")
        XCTAssertNotNil(first["ts"])
        let second = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: String])
        XCTAssertEqual(second["reason"], "429 \"slow down\"")
    }

    func testTextLinesAreKeyValue() throws {
        let lines = try lines(.text)
        XCTAssertTrue(lines[0].contains(" info stage finished "), lines[0])
        XCTAssertTrue(lines[0].contains("stage=load.products"), lines[0])
        XCTAssertTrue(lines[1].contains("reason=\"429 \\\"slow down\\\"\""), lines[1])
    }

    func testControlBytesFromOutsideAreEscapedInTheLog() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("runlog-\(UUID().uuidString)/run.log")
        addTeardownBlock { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let log = RunLog(file: file)
        log.warning("omnium said \u{1B}[2J", ["body": "ok\u{1B}]0;pwned\u{07}\r\nnext"])
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0 == "\r" }, text)
        XCTAssertTrue(text.contains("\\u{1B}[2J"), text)
        XCTAssertEqual(text.split(separator: "\n").count, 1, "one event, one line")
    }
}
