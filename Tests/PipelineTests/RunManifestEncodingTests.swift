import Foundation
@testable import Pipeline
import Staging
import XCTest

final class RunManifestEncodingTests: XCTestCase {
    /// The cached encoding must give the very bytes of encoding the whole manifest, as stages start, end and
    /// change, with text that looks like JSON's own punctuation inside the values.
    func testSameTextAsTheWholeManifestAtEveryStep() throws {
        let start = Date(timeIntervalSince1970: 1_795_708_071)
        var manifest = RunManifest(runID: "20261205T040320Z-8880", startedAt: start, businessDate: "2026-12-05",
                                   selection: ["extract.stores", "load.stores"])
        let encoding = RunManifestEncoding()
        func check(_ step: String) throws {
            let cached = String(decoding: try encoding.encode(manifest), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let whole = String(decoding: try RunManifest.encoder.encode(manifest), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            XCTAssertEqual(cached.count, whole.count, step)
            for (line, (a, b)) in zip(cached, whole).enumerated() where a != b {
                XCTFail("\(step), line \(line + 1): \(a) instead of \(b)")
                break
            }
            XCTAssertEqual(try RunManifest.decoder.decode(RunManifest.self, from: encoding.encode(manifest)), manifest, step)
        }
        try check("no stages")
        manifest.upsert(entry("extract.stores", .running, start: start))
        try check("one running")
        var outcome = StageOutcome(rowsRead: 20, rowsWritten: 20, checksums: ["omnium.stores": "ab12"],
                                   notes: ["a note with \"quotes\",\n a newline, ] and }", "  indented  "])
        outcome.checks = [StageCheck(name: "counts", summary: "20 of 20", isBlocking: true,
                                      comparisons: [.init(key: "stores", expected: "20", actual: "20")])]
        manifest.upsert(entry("extract.stores", .succeeded, start: start, outcome: outcome))
        manifest.upsert(entry("load.stores", .running, start: start.addingTimeInterval(2)))
        try check("one ended, one running")
        manifest.upsert(entry("load.stores", .failed, start: start.addingTimeInterval(2), error: "it broke:\n\tbadly"))
        manifest.status = .failed
        manifest.finishedAt = start.addingTimeInterval(2)
        manifest.inputsFromRuns = ["omnium.stores": "20261204T010000Z-0001"]
        try check("finished")
    }

    private func entry(_ name: String, _ status: StageRunRecord.Status, start: Date, outcome: StageOutcome? = nil,
                       error: String? = nil) -> RunManifest.Entry {
        let finished = status == .running ? nil : start.addingTimeInterval(1)
        return RunManifest.Entry(name: name, version: 1, status: status, startedAt: start, finishedAt: finished,
                                 durationMilliseconds: finished == nil ? nil : 1_000, outcome: outcome,
                                 outputs: ["omnium.stores"], error: error, parameters: ["since": "2026-12-04"])
    }
}
