import Foundation
import Staging
import XCTest

final class DatasetChecksumTests: XCTestCase {
    private func checksum(_ rows: [(String, String)]) -> String {
        var checksum = DatasetChecksum()
        for (key, payload) in rows { checksum.add(key: key, payload: Data(payload.utf8)) }
        return checksum.hexDigest
    }

    func testFieldBoundariesMatter() {
        XCTAssertNotEqual(checksum([("ab", "c")]), checksum([("a", "bc")]))
        XCTAssertNotEqual(checksum([("a", "")]), checksum([("", "a")]))
        XCTAssertNotEqual(checksum([("a", "b"), ("c", "d")]), checksum([("a", "bcd")]))
    }

    func testIsTheDocumentedSHA256Framing() {
        // key "k" (1 byte), payload "v" (1 byte), 8-byte big-endian lengths.
        var framed = Data([0, 0, 0, 0, 0, 0, 0, 1]) + Data("k".utf8)
        framed += Data([0, 0, 0, 0, 0, 0, 0, 1]) + Data("v".utf8)
        XCTAssertEqual(checksum([("k", "v")]), SHA256.hexDigest(of: framed))
        var counted = DatasetChecksum()
        counted.add(key: "k", payload: Data())
        XCTAssertEqual(counted.rowCount, 1)
    }
}
