import Foundation
import Omnium
import XCTest
@testable import Pipeline

/// `extract.prices` keys each staged price by a fingerprint of its values (prices have no id; issue 8):
/// the same price in other bytes is one row, any changed member is another.
final class PriceFingerprintTests: XCTestCase {
    private func price(_ json: String) throws -> OmniumPrice {
        try OmniumJSON.decoder.decode(OmniumPrice.self, from: Data(json.utf8))
    }

    func testThePriceInOtherBytesHasTheSameKey() throws {
        let a = try price(#"{"code":"SKU-1","marketId":"NOR","unitPrice":199.50,"isTaxExcluded":false,"validFrom":"2026-01-01T00:00:00Z"}"#)
        let b = try price(#"{ "validFrom": "2026-01-01T00:00:00.0000000Z", "isTaxExcluded": false, "unitPrice": 199.5, "marketId": "NOR", "code": "SKU-1", "storeId": null }"#)
        XCTAssertEqual(ExtractPrices.key(a), ExtractPrices.key(b))
        XCTAssertTrue(ExtractPrices.key(a).hasPrefix("SKU-1\u{1F}"))
    }

    func testAnyChangedMemberGivesAnotherKey() throws {
        let base = try price(#"{"code":"SKU-1","marketId":"NOR","unitPrice":199.5}"#)
        var variants: [OmniumPrice] = []
        var changed = base; changed.unitPrice = 199.51; variants.append(changed)
        changed = base; changed.marketId = nil; variants.append(changed)
        changed = base; changed.storeId = "NOR"; variants.append(changed)
        changed = base; changed.isTaxExcluded = true; variants.append(changed)
        changed = base; changed.isTaxExcluded = false; variants.append(changed)
        changed = base; changed.validUntil = Date(timeIntervalSince1970: 1_800_000_000); variants.append(changed)
        changed = base; changed.discountAmount = 0; variants.append(changed)
        changed = base; changed.cost = 199.5; variants.append(changed)
        changed = base; changed.priceType = "NOR"; variants.append(changed)
        let keys = Set(([base] + variants).map(ExtractPrices.key))
        XCTAssertEqual(keys.count, variants.count + 1)
    }
}
