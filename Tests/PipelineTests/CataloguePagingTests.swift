import Foundation
@testable import Pipeline
import Staging
import XCTest

/// Keyset paging of staged datasets: bounded pages, groups never split.
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
        try staging.forEachPage("rows", as: String.self, size: 3, grouped: true) { pages.append($0.map(\.record)) }
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
        try staging.forEachPage("rows", as: String.self, size: 3) { sizes.append($0.count) }
        XCTAssertEqual(sizes, [3, 3, 1])
        var calls = 0
        try staging.forEachPage("missing", as: String.self, size: 3) { _ in calls += 1 }
        XCTAssertEqual(calls, 0)
    }
}
