import Foundation
import Omnium
import Pipeline
import Staging
import XCTest

/// Mid-stream checkpoints: an extract of 20,000 products that stops half-way is resumed from its last
/// staged page, not from the beginning.
final class ExtractCheckpointTests: XCTestCase {
    func testAResumedProductExtractAsksOnlyForThePagesItHadNotRead() async throws {
        let fixture = try CatalogueFixture()
        let total = 20_000, pageSize = 1_000
        let start = day("2026-11-01T00:00:00Z")
        fixture.omnium.pageSize = pageSize
        fixture.omnium.products = (0..<total).map { index in
            OmniumProduct(id: "P\(index)_no", productId: "P\(index)", skuId: "SKU-\(index)", name: "Vare \(index)",
                          modified: start.addingTimeInterval(Double(index)))
        }
        let stages: [any Stage] = [ExtractProducts()]
        let pages = total / pageSize

        // The first attempt dies after half the pages (Omnium stops answering).
        fixture.omnium.failAfterRequests = pages / 2
        let first = try await StageRunner(stages: stages, environment: fixture.environment).run(RunRequest())
        XCTAssertFalse(first.succeeded)
        let staging = try RunStaging(root: fixture.control.root, runID: first.runID)
        XCTAssertEqual(try staging.pendingCount("omnium.products"), total / 2, "the pages read before the stop stay staged")

        // The resume continues from the checkpoint.
        fixture.omnium.failAfterRequests = nil
        fixture.omnium.clearRequests()
        let resumed = try await StageRunner(stages: stages, environment: fixture.environment)
            .run(RunRequest(resume: first.runID))
        XCTAssertTrue(resumed.succeeded, "\(resumed.manifest.stages.map { "\($0.name) \($0.status) \($0.error ?? "")" })")
        let remainingPages = pages - pages / 2
        XCTAssertLessThanOrEqual(fixture.omnium.requests.count, remainingPages + 2,
                                 "resume made \(fixture.omnium.requests.count) requests for \(remainingPages) remaining pages")
        let firstBody = try XCTUnwrap(fixture.omnium.requests.first?.body)
        XCTAssertTrue(firstBody.contains("2026-11-01T02:46:39"), "scroll restarts at the checkpoint: \(firstBody)")

        // Every product is staged once, and the checkpoint is gone with the publication.
        XCTAssertEqual(try staging.count("omnium.products"), total)
        XCTAssertEqual(try staging.pendingCount("omnium.products"), 0)
        XCTAssertNil(try staging.resumePending("omnium.products"))
        let notes = resumed.manifest.notes("extract.products")
        XCTAssertTrue(notes.contains { $0.hasPrefix("resumed from checkpoint") }, "\(notes)")
    }

    func testAFreshRunStartsWithoutACheckpoint() async throws {
        let fixture = try CatalogueFixture()
        fixture.omnium.pageSize = 2
        fixture.omnium.products = (0..<5).map { index in
            OmniumProduct(id: "P\(index)_no", productId: "P\(index)", skuId: "SKU-\(index)", name: "Vare \(index)",
                          modified: day("2026-11-01T00:00:00Z").addingTimeInterval(Double(index)))
        }
        let manifest = try await fixture.run([ExtractProducts()])
        XCTAssertFalse(manifest.notes("extract.products").contains { $0.hasPrefix("resumed") })
        XCTAssertEqual(fixture.omnium.requests.count, 4, "three pages and the empty one that ends the scroll")
        XCTAssertEqual(fixture.omnium.requests.first?.body.contains("modifiedFrom"), false)
    }
}
