import Foundation
import Omnium
@testable import OmniumSandbox
import XCTest

/// `SandboxMutations`: exactly the requested fraction changes, deterministically, with `modified` stamped.
final class SandboxMutationsTests: XCTestCase {
    private func makeState() -> SandboxState {
        SandboxState(options: SandboxDataOptions(seed: 5, scale: .small), clock: { Date(timeIntervalSince1970: 1_800_000_000) })
    }

    func testChangesExactlyTheRequestedFraction() throws {
        let state = makeState()
        let result = SandboxMutations.apply(to: state, fraction: 0.1)
        XCTAssertEqual(result.productIndices.count, 20)
        XCTAssertEqual(result.priceProductIndices.count, 20)
        XCTAssertEqual(result.orderIds.count, 15)
        XCTAssertEqual(Set(result.orderIds).count, 15)
        let changedProducts = try state.products(matching: OmniumProductSearchRequest(modifiedFrom: result.stamp))
        XCTAssertEqual(changedProducts.count, 20)
        let changedOrders = try state.orders(matching: OmniumOrderSearchRequest(modifiedFrom: result.stamp))
        XCTAssertEqual(changedOrders.count, 15)
        let changedPrices = try state.prices(matching: OmniumPriceSearchRequest(lastModified: result.stamp))
        XCTAssertEqual(Set(changedPrices.all.compactMap(\.productId)).count, 20)
        let changedStock = try state.inventory(matching: OmniumInventorySearchRequest(lastModified: result.stamp))
        XCTAssertEqual(changedStock.count, result.inventoryKeys.count)
        XCTAssertEqual(state.events().count, 15)
    }

    func testDeterministicAndDifferentPerRound() {
        let a = SandboxMutations.apply(to: makeState(), fraction: 0.05)
        let b = SandboxMutations.apply(to: makeState(), fraction: 0.05)
        XCTAssertEqual(a.productIndices, b.productIndices)
        XCTAssertEqual(a.orderIds, b.orderIds)
        let state = makeState()
        let first = SandboxMutations.apply(to: state, fraction: 0.05, round: 1)
        let second = SandboxMutations.apply(to: state, fraction: 0.05, round: 2)
        XCTAssertNotEqual(first.productIndices, second.productIndices)
        XCTAssertGreaterThan(second.stamp, first.stamp)
    }

    func testZeroAndFullFractions() {
        XCTAssertEqual(SandboxMutations.apply(to: makeState(), fraction: 0).productIndices, [])
        XCTAssertEqual(SandboxMutations.apply(to: makeState(), fraction: 1).productIndices, Array(0..<200))
    }
}
