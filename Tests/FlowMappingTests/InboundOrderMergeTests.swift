import Foundation
import XCTest
@testable import FlowMapping
import FlowStore

final class InboundOrderMergeTests: XCTestCase {

    // MARK: - Fixtures

    private func item(_ id: String, _ position: Int, quantity: Int64 = 100, price: Int64 = 19_950,
                      discount: Int64 = 0, delivered: Int64 = 0) -> FlowOrderItem {
        FlowOrderItem(orderUid: "W-1", externalId: id, position: position, sku: "SKU-\(id)", name: "Item \(id)",
                      quantity: quantity, itemPrice: price, itemDiscountAmount: discount, vatRate: 25,
                      deliveredQuantity: delivered)
    }

    private func draft(_ items: [FlowOrderItem], state: FlowOrderState = .confirmed, total: Int64? = nil,
                       status: String = "New", validUntil: Date? = nil, fromOmnium: Bool = false) -> InboundOrderDraft {
        let order = FlowOrder(orderUid: "W-1", orderNumber: "W-1", externalOrderNumber: "W-1", type: .onlineOrder,
                              orderState: state, storeUid: "oslo", orderTotal: total ?? items.reduce(0) { $0 + $1.quantity * $1.itemPrice / 100 },
                              validUntil: validUntil, omniumStatus: status)
        return InboundOrderDraft(
            snapshot: FlowOrderSnapshot(order: order, items: items,
                                        orderhandlings: [FlowOrderHandling(orderUid: "W-1", orderHandlingUid: "online")]),
            isValidUntilFromOmnium: fromOmnium)
    }

    // MARK: - Tests

    func testUnknownOrderIsCreatedAsDrafted() {
        let incoming = draft([item("1", 0), item("2", 1)])
        let result = InboundOrderMerge.merge(existing: nil, incoming: incoming)
        XCTAssertEqual(result.outcome, .created)
        XCTAssertEqual(result.snapshot, incoming.snapshot)
        XCTAssertEqual(result.snapshot.order.orderState, .confirmed)
        XCTAssertEqual(result.itemChanges.count, 2)
        XCTAssertEqual(result.addedOrderhandlings.map(\.orderHandlingUid), ["online"])
    }

    func testUpdateAddsChangesAndDeletesLinesAndReopens() {
        let first = InboundOrderMerge.merge(existing: nil, incoming: draft([item("1", 0), item("2", 1), item("3", 2)]))
        let update = draft([item("1", 0), item("2", 1, quantity: 300), item("4", 2)])
        let result = InboundOrderMerge.merge(existing: first.snapshot, incoming: update)
        XCTAssertEqual(result.outcome, .reopened)
        XCTAssertEqual(result.snapshot.order.orderState, .open)
        XCTAssertEqual(result.snapshot.items.map(\.externalId), ["1", "2", "4"])
        XCTAssertEqual(result.snapshot.items[1].quantity, 300)
        XCTAssertEqual(result.itemChanges, [
            .updated(from: item("2", 1), to: item("2", 1, quantity: 300)),
            .added(item("4", 2)),
            .deleted(item("3", 2)),
        ])
        XCTAssertEqual(result.addedOrderhandlings, [])
        XCTAssertEqual(result.snapshot.orderhandlings.count, 1)
    }

    func testPriceAndDiscountChangesUpdateTheLine() {
        let first = InboundOrderMerge.merge(existing: nil, incoming: draft([item("1", 0), item("2", 1)]))
        let result = InboundOrderMerge.merge(existing: first.snapshot,
                                             incoming: draft([item("1", 0, price: 17_950), item("2", 1, discount: 500)]))
        XCTAssertEqual(result.outcome, .reopened)
        XCTAssertEqual(result.itemChanges.map(\.externalId), ["1", "2"])
    }

    func testDeliveredLineRemovedInOmniumIsKeptAndDoesNotReopenLater() {
        var stored = InboundOrderMerge.merge(existing: nil, incoming: draft([item("1", 0), item("2", 1)])).snapshot
        stored.items[1].deliveredQuantity = 100   // staff picked line 2 in Flow
        let update = draft([item("1", 0)], total: 19_950)
        let result = InboundOrderMerge.merge(existing: stored, incoming: update)
        XCTAssertEqual(result.outcome, .reopened)   // totals changed
        XCTAssertEqual(result.snapshot.items.map(\.externalId), ["1", "2"])
        XCTAssertEqual(result.itemChanges, [.kept(stored.items[1])])

        let again = InboundOrderMerge.merge(existing: result.snapshot, incoming: update)
        XCTAssertEqual(again.outcome, .unchanged)
        XCTAssertEqual(again.snapshot, result.snapshot)
    }

    func testFlowDeliveredQuantityAndHandlingStateSurviveAnUpdate() {
        var stored = InboundOrderMerge.merge(existing: nil, incoming: draft([item("1", 0)])).snapshot
        stored.items[0].deliveredQuantity = 50
        stored.orderhandlings[0].state = "IN_PROGRESS"
        let result = InboundOrderMerge.merge(existing: stored, incoming: draft([item("1", 0, quantity: 200)]))
        XCTAssertEqual(result.snapshot.items[0].deliveredQuantity, 50)
        XCTAssertEqual(result.snapshot.items[0].quantity, 200)
        XCTAssertEqual(result.snapshot.orderhandlings, [FlowOrderHandling(orderUid: "W-1", orderHandlingUid: "online", state: "IN_PROGRESS")])
    }

    func testSameOrderAgainIsUnchanged() {
        let incoming = draft([item("1", 0)])
        let stored = InboundOrderMerge.merge(existing: nil, incoming: incoming).snapshot
        let result = InboundOrderMerge.merge(existing: stored, incoming: incoming)
        XCTAssertEqual(result.outcome, .unchanged)
        XCTAssertEqual(result.snapshot.order.orderState, .confirmed)
        XCTAssertEqual(result.itemChanges, [])
    }

    func testStatusOnlyChangeRefreshesWithoutReopening() {
        var stored = InboundOrderMerge.merge(existing: nil, incoming: draft([item("1", 0)], state: .parked)).snapshot
        stored.order.orderState = .parked
        let result = InboundOrderMerge.merge(existing: stored, incoming: draft([item("1", 0)], status: "ReadyForPickup"))
        XCTAssertEqual(result.outcome, .refreshed)
        XCTAssertEqual(result.snapshot.order.orderState, .parked)
        XCTAssertEqual(result.snapshot.order.omniumStatus, "ReadyForPickup")
    }

    func testComputedDeadlineDoesNotMoveButOmniumDeadlineDoes() {
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        let later = created.addingTimeInterval(86_400 * 3)
        let stored = InboundOrderMerge.merge(existing: nil, incoming: draft([item("1", 0)], validUntil: created)).snapshot

        let recomputed = InboundOrderMerge.merge(existing: stored, incoming: draft([item("1", 0)], validUntil: later))
        XCTAssertEqual(recomputed.outcome, .unchanged)
        XCTAssertEqual(recomputed.snapshot.order.validUntil, created)

        let fromOmnium = InboundOrderMerge.merge(existing: stored,
                                                 incoming: draft([item("1", 0)], validUntil: later, fromOmnium: true))
        XCTAssertEqual(fromOmnium.outcome, .reopened)
        XCTAssertEqual(fromOmnium.snapshot.order.validUntil, later)
    }

    func testNewlyConfiguredHandlingIsAttached() {
        var stored = InboundOrderMerge.merge(existing: nil, incoming: draft([item("1", 0)])).snapshot
        stored.orderhandlings = []
        let result = InboundOrderMerge.merge(existing: stored, incoming: draft([item("1", 0)]))
        XCTAssertEqual(result.addedOrderhandlings.map(\.orderHandlingUid), ["online"])
        XCTAssertEqual(result.snapshot.orderhandlings.count, 1)
    }
}
