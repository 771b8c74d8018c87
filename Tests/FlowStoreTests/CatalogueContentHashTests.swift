import Foundation
import XCTest
@testable import FlowStore

final class CatalogueContentHashTests: XCTestCase {
    private func hash(_ feed: (inout ContentHasher) -> Void) -> ContentHash {
        var hasher = ContentHasher()
        feed(&hasher)
        return hasher.finalize()
    }

    func testStableKnownValue() {
        // FNV-1a 64 of tag 1, length 1 (8 bytes LE), "a" (computed independently): a fixed value guards against accidental changes
        // of the encoding, which would rewrite every row of every table on the next run.
        let value = hash { $0.combine("a") }
        XCTAssertEqual(value, hash { $0.combine("a") })
        XCTAssertEqual(value.description, "e4981b2632418b44")
    }

    func testFieldBoundariesMatter() {
        XCTAssertNotEqual(hash { $0.combine("ab"); $0.combine("c") }, hash { $0.combine("a"); $0.combine("bc") })
        XCTAssertNotEqual(hash { $0.combine(nil as String?); $0.combine("x") },
                          hash { $0.combine("x"); $0.combine(nil as String?) })
        XCTAssertNotEqual(hash { $0.combine(""); }, hash { $0.combine(nil as String?) })
        XCTAssertNotEqual(hash { $0.combine(Int64(1)) }, hash { $0.combine(true) })
        XCTAssertNotEqual(hash { $0.combine(["a", "b"]) }, hash { $0.combine(["ab"]) })
    }

    func testRecordHashFollowsContentNotKey() {
        let product = FlowProduct(productUid: "A", sku: "A", name: "Genser", vatCodeUid: "25",
                                  productGroupUid: "default")
        var sameContentOtherKey = product
        sameContentOtherKey.productUid = "B"
        var changed = product
        changed.purchasePrice = 10_000
        XCTAssertEqual(product.contentHash, sameContentOtherKey.contentHash)
        XCTAssertNotEqual(product.contentHash, changed.contentHash)
    }

    func testDatesHashAtMillisecondPrecision() {
        let date = Date(timeIntervalSince1970: 1_700_000_000.123)
        XCTAssertEqual(hash { $0.combine(date) }, hash { $0.combine(date.addingTimeInterval(0.0001)) })
        XCTAssertNotEqual(hash { $0.combine(date) }, hash { $0.combine(date.addingTimeInterval(0.001)) })
    }
}
