import Foundation
import SQLite
import Staging
import XCTest

final class RunStagingTests: XCTestCase {
    private struct Product: Codable, Equatable {
        var id: String
        var name: String
        var priceHundredths: Int64
        var modified: Date
    }

    private func makeStaging(runID: String = "20261126T154751Z-3f9a") throws -> RunStaging {
        try RunStaging(root: makeTemporaryDirectory(self).appendingPathComponent("staging"), runID: runID,
                       clock: FixedClock(testEpoch))
    }

    private func rows(_ staging: RunStaging, _ dataset: String) throws -> [DatasetRow] {
        var rows: [DatasetRow] = []
        try staging.forEachRow(dataset) { rows.append($0) }
        return rows
    }

    func testOpensTheRunFolderDatabase() throws {
        let root = try makeTemporaryDirectory(self).appendingPathComponent("staging")
        let staging = try RunStaging(root: root, runID: "r1")
        XCTAssertEqual(staging.folder.path, root.appendingPathComponent("runs/r1").path)
        XCTAssertEqual(staging.databaseURL.path, root.appendingPathComponent("runs/r1/staging.db").path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: staging.databaseURL.path))
    }

    /// A new run's staging is made with 32 KiB pages, so a staged document of a few KB stays on its leaf
    /// page; a run staged before with SQLite's 4 KiB pages (resumed by a newer omniflow) keeps its pages
    /// and its rows.
    func testANewStagingHas32KiBPagesAndAnOlderOneKeepsItsOwn() throws {
        let root = try makeTemporaryDirectory(self).appendingPathComponent("staging")
        let pageSize = { (staging: RunStaging) in try staging.read { try $0.fetchValue(sql: "PRAGMA page_size", as: Int.self) } }
        XCTAssertEqual(try pageSize(RunStaging(root: root, runID: "new")), 32_768)

        do {
            let older = try RunStaging(root: root, runID: "older", configuration: Database.Configuration(newDatabasePageSize: 4_096))
            XCTAssertEqual(try pageSize(older), 4_096)
            try older.replaceDataset("stores", rows: [DatasetRow(key: "s1", text: "kept")])
        }
        let reopened = try RunStaging(root: root, runID: "older")
        XCTAssertEqual(try pageSize(reopened), 4_096)
        XCTAssertEqual(try rows(reopened, "stores").map(\.key), ["s1"])
    }

    /// Closing a run's staging leaves its WAL beside it (no checkpoint after the run's work is done); whoever
    /// opens it next, a resumed run or `sqlite3`, reads the rows through it.
    func testClosingLeavesTheWALWhichTheNextOpenerReads() throws {
        let root = try makeTemporaryDirectory(self).appendingPathComponent("staging")
        let wal = RunStaging.folder(root: root, runID: "r1").appendingPathComponent("staging.db-wal").path
        do {
            let staging = try RunStaging(root: root, runID: "r1")
            try staging.replaceDataset("stores", rows: [DatasetRow(key: "s1", text: "kept")])
        }
        let walSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int)
        XCTAssertGreaterThan(walSize, 0, "the WAL was checkpointed and removed at close")
        XCTAssertEqual(try rows(RunStaging(root: root, runID: "r1"), "stores").map(\.key), ["s1"])
        let plain = try Database(path: RunStaging.folder(root: root, runID: "r1").appendingPathComponent("staging.db").path)
        XCTAssertEqual(try plain.fetchValue(sql: "SELECT count(*) FROM dataset_rows", as: Int.self), 1)
    }

    /// A read beside the writer sees what is committed while another thread is inside a write transaction
    /// (it does not wait for it), and never that transaction's rows.
    func testAReadBesideTheWriterSeesCommittedRowsWhileAWriteIsUnderway() throws {
        let staging = try makeStaging()
        try staging.replaceDataset("stores", rows: [DatasetRow(key: "s1", text: "committed")])
        let writing = DispatchSemaphore(value: 0), finish = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? staging.write { db in
                try db.execute(sql: "DELETE FROM dataset_rows")
                writing.signal()
                finish.wait()
            }
            done.signal()
        }
        writing.wait()
        let seen = try staging.readBesideWriter { db in
            try db.fetchAll(sql: "SELECT key FROM dataset_rows ORDER BY key").map { try $0.decode("key") as String }
        }
        finish.signal()
        done.wait()
        XCTAssertEqual(seen, ["s1"])
        XCTAssertEqual(try staging.readBesideWriter { try $0.fetchValue(sql: "SELECT count(*) FROM dataset_rows", as: Int.self) }, 0,
                       "the write, once committed, is seen by the next read")
    }

    func testReplaceDatasetReplacesOnlyThatDataset() throws {
        let staging = try makeStaging()
        try staging.replaceDataset("stores", rows: [DatasetRow(key: "s1", text: "old")])
        try staging.replaceDataset("products", rows: [DatasetRow(key: "b", text: "2"), DatasetRow(key: "a", text: "1")])
        let summary = try staging.replaceDataset("products", rows: [DatasetRow(key: "c", text: "3")])
        XCTAssertEqual(try rows(staging, "products"), [DatasetRow(key: "c", text: "3")])
        XCTAssertEqual(try rows(staging, "stores").map(\.text), ["old"])
        XCTAssertEqual(summary.rowCount, 1)
        XCTAssertEqual(summary.writtenAt, testEpoch)
        XCTAssertEqual(try staging.summary("products"), summary)
        XCTAssertEqual(try staging.datasets().map(\.name), ["products", "stores"])
    }

    func testFailingInsertLeavesTheOldRows() throws {
        let staging = try makeStaging()
        let before = try staging.replaceDataset("products", rows: [DatasetRow(key: "a", text: "1")])
        // A key written twice violates the primary key half-way through the new rows.
        XCTAssertThrowsError(try staging.replaceDataset("products", rows: [
            DatasetRow(key: "x", text: "new"), DatasetRow(key: "y", text: "new"), DatasetRow(key: "x", text: "again"),
        ])) { XCTAssertTrue(($0 as? SQLiteError)?.isConstraintViolation ?? false) }
        XCTAssertEqual(try rows(staging, "products"), [DatasetRow(key: "a", text: "1")])
        XCTAssertEqual(try staging.summary("products"), before)

        struct ProducerFailed: Error {}
        XCTAssertThrowsError(try staging.replaceDataset("products") { writer in
            try writer.insert(key: "z", payload: Data())
            throw ProducerFailed()
        }) { XCTAssertTrue($0 is ProducerFailed) }
        XCTAssertEqual(try staging.count("products"), 1)
    }

    func testChecksumDependsOnContentNotInsertionOrder() throws {
        let staging = try makeStaging()
        let one = try staging.replaceDataset("a", rows: [DatasetRow(key: "1", text: "x"), DatasetRow(key: "2", text: "y")])
        let two = try staging.replaceDataset("b", rows: [DatasetRow(key: "2", text: "y"), DatasetRow(key: "1", text: "x")])
        XCTAssertEqual(one.checksum, two.checksum)
        XCTAssertEqual(try staging.checksum("a"), one.checksum)
        let changed = try staging.replaceDataset("b", rows: [DatasetRow(key: "2", text: "y"), DatasetRow(key: "1", text: "X")])
        XCTAssertNotEqual(changed.checksum, one.checksum)
        XCTAssertEqual(try staging.checksum("empty"), DatasetChecksum().hexDigest)
    }

    func testPagedDatasetIsPublishedByPointerWithTheChecksumOfWhatIsOnDisk() throws {
        let staging = try makeStaging()
        let first = try staging.replaceDataset("p", rows: [DatasetRow(key: "old", text: "o")])
        try staging.beginPending("p")
        XCTAssertEqual(try staging.appendPendingRows("p", rows: [DatasetRow(key: "2", text: "b"), DatasetRow(key: "1", text: "x")]), 2)
        // A key read again replaces its row and its part of the checksum.
        _ = try staging.appendPendingRows("p", rows: [DatasetRow(key: "1", text: "a"), DatasetRow(key: "3", text: "c")],
                                          checkpoint: PendingCheckpoint(position: "3", rows: 4, pages: 2))
        // Not visible before publication.
        XCTAssertEqual(try rows(staging, "p").map(\.key), ["old"])
        XCTAssertEqual(try staging.summary("p"), first)
        // A resumed attempt finds the checkpoint and keeps its pages and running checksum.
        XCTAssertEqual(try staging.resumePending("p"), PendingCheckpoint(position: "3", rows: 4, pages: 2))
        let published = try staging.publishPending("p")
        XCTAssertEqual(try rows(staging, "p"), [DatasetRow(key: "1", text: "a"), DatasetRow(key: "2", text: "b"),
                                                DatasetRow(key: "3", text: "c")])
        XCTAssertEqual(published.rowCount, 3)
        XCTAssertEqual(published.checksum, try staging.checksum("p"))
        let direct = try staging.replaceDataset("q", rows: try rows(staging, "p"))
        XCTAssertEqual(published.checksum, direct.checksum)
        // The old version's rows are gone; the pending storage became the current one.
        let stored = try staging.read { try $0.fetchAll(sql: "SELECT DISTINCT dataset FROM dataset_rows WHERE dataset LIKE 'p%'") }
        XCTAssertEqual(try stored.map { try $0.decode("dataset") as String }, ["p#a"])
        // The next version goes to the other storage; a fresh begin discards an unpublished attempt.
        try staging.beginPending("p")
        _ = try staging.appendPendingRows("p", rows: [DatasetRow(key: "z", text: "unpublished")])
        XCTAssertNil(try staging.resumePending("p"))
        _ = try staging.appendPendingRows("p", rows: [DatasetRow(key: "9", text: "n")])
        try staging.publishPending("p")
        XCTAssertEqual(try rows(staging, "p"), [DatasetRow(key: "9", text: "n")])
        XCTAssertEqual(try staging.summary("p")?.checksum, try staging.checksum("p"))
        XCTAssertEqual(try staging.count("p"), 1)
        // replaceDataset and removeDataset follow the pointer.
        try staging.replaceDataset("p", rows: [DatasetRow(key: "r", text: "r")])
        XCTAssertEqual(try rows(staging, "p").map(\.key), ["r"])
        XCTAssertTrue(try staging.removeDataset("p"))
        XCTAssertEqual(try staging.read { try $0.fetchValue(sql: "SELECT count(*) FROM dataset_rows WHERE dataset LIKE 'p%'",
                                                             as: Int.self) }, 0)
    }

    func testChecksumNoticesRowsChangedBehindItsBack() throws {
        let staging = try makeStaging()
        let summary = try staging.replaceDataset("a", rows: [DatasetRow(key: "1", text: "x")])
        try staging.write { try $0.execute(sql: "UPDATE dataset_rows SET payload = ? WHERE key = '1'", arguments: [Data("y".utf8)]) }
        XCTAssertNotEqual(try staging.checksum("a"), summary.checksum)
    }

    func testRecordsRoundTripAsJSON() throws {
        let staging = try makeStaging()
        let products = [
            Product(id: "P-2", name: "Brødfjøl æøå", priceHundredths: 19_900, modified: Date(timeIntervalSince1970: 1_795_708_071.123)),
            Product(id: "P-1", name: "Sykkel", priceHundredths: Int64.max, modified: testEpoch),
        ]
        let summary = try staging.replaceDataset("extract.products", records: products, key: \.id)
        XCTAssertEqual(summary.rowCount, 2)
        var loaded: [String: Product] = [:]
        try staging.forEachRecord("extract.products", as: Product.self) { loaded[$0] = $1 }
        XCTAssertEqual(loaded, ["P-1": products[1], "P-2": products[0]])
        let text = try XCTUnwrap(staging.row("extract.products", key: "P-2")).text
        XCTAssertEqual(text, #"{"id":"P-2","modified":"2026-11-26T15:47:51.123Z","name":"Brødfjøl æøå","priceHundredths":19900}"#)
    }

    func testUndecodableRowIsNamed() throws {
        let staging = try makeStaging()
        try staging.replaceDataset("p", rows: [DatasetRow(key: "bad", text: "not json")])
        XCTAssertThrowsError(try staging.forEachRecord("p", as: Product.self) { _, _ in }) { error in
            guard case .payload("p", "bad", _)? = error as? StagingError else { return XCTFail("\(error)") }
        }
    }

    func testRowsAreStreamedInKeyOrderAndIterationCanStop() throws {
        let staging = try makeStaging()
        try staging.replaceDataset("n") { writer in
            for index in (0..<500).reversed() { try writer.insert(key: String(format: "%04d", index), payload: Data([1])) }
        }
        var keys: [String] = []
        try staging.forEachRow("n") { keys.append($0.key) }
        XCTAssertEqual(keys.count, 500)
        XCTAssertEqual(keys, keys.sorted())
        struct Enough: Error {}
        var seen = 0
        XCTAssertThrowsError(try staging.forEachRow("n") { _ in
            seen += 1
            if seen == 10 { throw Enough() }
        })
        XCTAssertEqual(seen, 10)
    }

    func testRemoveDataset() throws {
        let staging = try makeStaging()
        try staging.replaceDataset("a", rows: [DatasetRow(key: "1", text: "x")])
        XCTAssertTrue(try staging.removeDataset("a"))
        XCTAssertFalse(try staging.removeDataset("a"))
        XCTAssertEqual(try staging.count("a"), 0)
        XCTAssertNil(try staging.summary("a"))
    }
}
