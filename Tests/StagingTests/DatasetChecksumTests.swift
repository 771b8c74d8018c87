import Digest
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

    func testIsTheDocumentedSumOfRowDigests() {
        // Row digest: SHA-256 of key "k" and payload "v", each after its 8-byte big-endian length.
        var framed = Data([0, 0, 0, 0, 0, 0, 0, 1]) + Data("k".utf8)
        framed += Data([0, 0, 0, 0, 0, 0, 0, 1]) + Data("v".utf8)
        var rowDigest = SHA256()
        rowDigest.update(framed)
        // One row: the sum is that digest; the checksum hashes the count then the sum.
        XCTAssertEqual(checksum([("k", "v")]),
                       SHA256.hexDigest(of: Data([0, 0, 0, 0, 0, 0, 0, 1]) + Data(rowDigest.finalize())))
        XCTAssertEqual(checksum([]), SHA256.hexDigest(of: Data(repeating: 0, count: 40)))
        var counted = DatasetChecksum()
        counted.add(key: "k", payload: Data())
        XCTAssertEqual(counted.rowCount, 1)
    }

    func testOrderDoesNotMatterAndARemovedRowLeavesNoTrace() {
        XCTAssertEqual(checksum([("a", "1"), ("b", "2"), ("c", "3")]), checksum([("c", "3"), ("a", "1"), ("b", "2")]))
        var replaced = DatasetChecksum()
        for (key, payload) in [("a", "old"), ("b", "2"), ("c", "3")] { replaced.add(key: key, payload: Data(payload.utf8)) }
        replaced.remove(key: "a", payload: Data("old".utf8))
        replaced.add(key: "a", payload: Data("1".utf8))
        XCTAssertEqual(replaced.hexDigest, checksum([("a", "1"), ("b", "2"), ("c", "3")]))
        XCTAssertEqual(replaced.rowCount, 3)
        // Removing every row (carries through all four words) is the empty checksum again.
        replaced.remove(key: "a", payload: Data("1".utf8))
        replaced.remove(key: "b", payload: Data("2".utf8))
        replaced.remove(key: "c", payload: Data("3".utf8))
        XCTAssertEqual(replaced, DatasetChecksum())
    }

    /// A row hashed ahead (on a stage's page-ahead worker) counts exactly as one staging hashes itself,
    /// in a checksum and in a staged dataset's summary; the digest is no part of the row's equality.
    func testARowDigestedAheadCountsTheSame() throws {
        let rows = (0..<40).map { DatasetRow(key: "k\($0)", text: "payload \($0) ✓") }
        var plain = DatasetChecksum(), ahead = DatasetChecksum()
        for row in rows {
            plain.add(key: row.key, payload: row.payload)
            ahead.add(row.digested())
        }
        XCTAssertEqual(ahead, plain)
        XCTAssertNotNil(rows[0].digested().digest)
        XCTAssertEqual(rows[0].digested(), rows[0])

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("digested-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = try RunStaging(root: folder, runID: "r")
        for (name, staged) in [("plain", rows), ("ahead", rows.map { $0.digested() })] {
            try staging.beginPending(name)
            _ = try staging.appendPendingRows(name, rows: staged.prefix(25))
            _ = try staging.appendPendingRows(name, rows: staged.dropFirst(25))
            try staging.publishPending(name)
        }
        XCTAssertEqual(try staging.summary("ahead")?.checksum, try staging.summary("plain")?.checksum)
        XCTAssertEqual(try staging.summary("ahead")?.checksum, plain.hexDigest)
        let replaced = try staging.replaceDataset("replaced", rows: rows.map { $0.digested() })
        XCTAssertEqual(replaced.checksum, plain.hexDigest)
    }

    func testTheRunningSumSurvivesBeingSaved() {
        var running = DatasetChecksum()
        for index in 0..<50 { running.add(key: "k\(index)", payload: Data("v\(index)".utf8)) }
        let restored = DatasetChecksum(sumBytes: running.sumBytes, rowCount: running.rowCount)
        XCTAssertEqual(restored, running)
        XCTAssertEqual(restored.hexDigest, running.hexDigest)
        XCTAssertNotEqual(running.hexDigest, checksum([("k0", "v0")]))
    }
}
