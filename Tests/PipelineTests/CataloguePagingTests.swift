import FlowStore
import Foundation
import Omnium
@testable import Pipeline
import Staging
import XCTest

/// Keyset paging of staged datasets: bounded pages, groups never split, each page prepared (on a worker
/// thread) before the caller writes it, in order, an error stopping at its page.
final class CataloguePagingTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("paging-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testGroupedPagesKeepAGroupTogetherAndVisitEveryRowOnce() throws {
        let staging = try RunStaging(root: folder, runID: "run")
        // Groups of 1, 4, 2, 3 rows: with pages of 3, group "b" must come whole.
        let keys = ["a␟1", "b␟1", "b␟2", "b␟3", "b␟4", "c␟1", "c␟2", "d␟1", "d␟2", "d␟3"]
            .map { $0.replacingOccurrences(of: "␟", with: "\u{1F}") }
        try staging.replaceDataset("rows", records: keys, key: { $0 })
        var pages: [[String]] = []
        try staging.forEachPage(DatasetKey<String>("rows"), size: 3, grouped: true) { pages.append($0.map(\.record)) }
        XCTAssertEqual(pages.flatMap { $0 }, keys)
        for page in pages {
            let groups = Set(page.map { $0.split(separator: "\u{1F}")[0] })
            for group in groups {
                XCTAssertEqual(page.filter { $0.hasPrefix(group + "\u{1F}") }.count,
                               keys.filter { $0.hasPrefix(group + "\u{1F}") }.count, "group \(group) split: \(pages)")
            }
        }
        XCTAssertEqual(pages.first?.count, 5, "the first page grows to finish group b")
    }

    func testUngroupedPagesAreBoundedAndAnEmptyDatasetCallsNothing() throws {
        let staging = try RunStaging(root: folder, runID: "run")
        try staging.replaceDataset("rows", records: (0..<7).map { String(format: "k%02d", $0) }, key: { $0 })
        var sizes: [Int] = []
        try staging.forEachPage(DatasetKey<String>("rows"), size: 3) { sizes.append($0.count) }
        XCTAssertEqual(sizes, [3, 3, 1])
        var calls = 0
        try staging.forEachPage(DatasetKey<String>("missing"), size: 3) { _ in calls += 1 }
        XCTAssertEqual(calls, 0)
    }

    func testEveryPageIsPreparedOnceAndWrittenInKeyOrder() throws {
        let staging = try RunStaging(root: folder, runID: "run")
        let keys = (0..<9).map { String(format: "k%02d", $0) }
        try staging.replaceDataset("rows", records: keys, key: { $0 })
        var written: [String] = []
        try staging.forEachPage(DatasetKey<String>("rows"), size: 3, prepare: { page in
            page.map { $0.record.uppercased() }
        }) { prepared in written += prepared }
        XCTAssertEqual(written, keys.map { $0.uppercased() }, "9 rows in pages of 3, the last read finds none")
    }

    struct Refused: Error, Equatable { var page: String }

    func testAnErrorInPreparingAPageStopsAtThatPageAfterTheEarlierOnesAreWritten() throws {
        let staging = try RunStaging(root: folder, runID: "run")
        try staging.replaceDataset("rows", records: (0..<10).map { String(format: "k%02d", $0) }, key: { $0 })
        var written: [[String]] = []
        XCTAssertThrowsError(try staging.forEachPage(DatasetKey<String>("rows"), size: 3, prepare: { page in
            if page.contains(where: { $0.record == "k04" }) { throw Refused(page: page[0].record) }
            return page.map(\.record)
        }) { written.append($0) }) { error in
            XCTAssertEqual(error as? Refused, Refused(page: "k03"))
        }
        XCTAssertEqual(written, [["k00", "k01", "k02"]])
    }

    func testAnErrorWritingAPageEndsTheIteration() throws {
        let staging = try RunStaging(root: folder, runID: "run")
        try staging.replaceDataset("rows", records: (0..<10).map { String(format: "k%02d", $0) }, key: { $0 })
        var calls = 0
        XCTAssertThrowsError(try staging.forEachPage(DatasetKey<String>("rows"), size: 2) { page in
            calls += 1
            if calls == 2 { throw Refused(page: page[0].record) }
        }) { error in XCTAssertEqual(error as? Refused, Refused(page: "k02")) }
        XCTAssertEqual(calls, 2)
    }

    func testARowThatDoesNotDecodeIsNamed() throws {
        let staging = try RunStaging(root: folder, runID: "run")
        try staging.replaceDataset("rows", rows: [DatasetRow(key: "a", payload: Data("1".utf8)),
                                                  DatasetRow(key: "b", payload: Data("{".utf8))])
        XCTAssertThrowsError(try staging.forEachPage(DatasetKey<Int>("rows"), size: 1) { _ in }) { error in
            guard case StagingError.payload(let dataset, let key, _)? = error as? StagingError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual([dataset, key], ["rows", "b"])
        }
    }
    /// Rows of a dataset staged as Omnium sent them go through the model's fast reader, rows of omniflow's own
    /// records through theirs; a row the reader is not certain of through the dataset's decoder (the same value),
    /// and one nothing reads is named (issue 8: the reader is opened once per page).
    func testEachRowIsReadByItsModelsReaderOrElseByTheDecoder() throws {
        let staging = try RunStaging(root: folder, runID: "run")
        let plain = #"{"sku":"A","warehouseCode":"W1","inventory":5,"modified":"2024-03-01T10:15:30Z"}"#
        let escaped = #"{"sku":"B\/1","warehouseCode":"W1","inventory":2}"#
        let wire = DatasetKey<OmniumInventoryItem>("wire", coding: .omniumWire)
        try staging.replaceDataset(wire.name, rows: [DatasetRow(key: "a", payload: Data(plain.utf8)),
                                                     DatasetRow(key: "b", payload: Data(escaped.utf8))])
        var items: [OmniumInventoryItem] = []
        try staging.forEachPage(wire, size: 10) { page in items += page.map(\.record) }
        XCTAssertEqual(items, try [plain, escaped].map { try OmniumJSON.decoder.decode(OmniumInventoryItem.self, from: Data($0.utf8)) })
        XCTAssertEqual(items.map(\.sku), ["A", "B/1"])

        let entry = FlowPriceEntry(key: FlowPriceKey(priceListUid: "main", productUid: "p1"),
                                   periods: [FlowPrice(priceListUid: "main", productUid: "p1", price: 12_900)])
        let encoded = try RunStaging.makeEncoder().encode(entry)
        // The same entry with its members in another order: the hand-written reader declines, the decoder reads it.
        let reordered = Data(#"{"periods":[{"isCampaign":false,"price":12900,"priceListUid":"main","productUid":"p1"}],"key":{"priceListUid":"main","productUid":"p1"}}"#.utf8)
        let staged = DatasetKey<FlowPriceEntry>("staged")
        try staging.replaceDataset(staged.name, rows: [DatasetRow(key: "a", payload: encoded), DatasetRow(key: "b", payload: reordered),
                                                       DatasetRow(key: "c", payload: Data(#"{"key":1}"#.utf8))])
        var entries: [FlowPriceEntry] = []
        XCTAssertThrowsError(try staging.forEachPage(staged, size: 2) { page in entries += page.map(\.record) }) { error in
            guard case StagingError.payload(let dataset, let key, _)? = error as? StagingError else { return XCTFail("\(error)") }
            XCTAssertEqual([dataset, key], ["staged", "c"])
        }
        XCTAssertNil(FlowPriceEntry(stagedJSON: reordered))
        XCTAssertEqual(entries, [entry, entry])
    }
}
