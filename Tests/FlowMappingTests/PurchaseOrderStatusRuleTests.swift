import XCTest
@testable import FlowMapping
import FlowStore

final class PurchaseOrderStatusRuleTests: XCTestCase {
    private let cancelled: Set<String> = ["OrderCanceled", "Deleted"]

    private func status(_ lines: [(Int64, Int64, Int64)], _ omnium: String? = "Confirmed") -> FlowPurchaseOrderStatus {
        PurchaseOrderStatusRule.status(
            lines: lines.map { .init(ordered: $0.0, delivered: $0.1, cancelled: $0.2) },
            omniumStatus: omnium, cancelledStatuses: cancelled)
    }

    func testNothingDeliveredIsSentToSupplier() {
        XCTAssertEqual(status([(1000, 0, 0), (200, 0, 0)]), .sentToSupplier)
        XCTAssertEqual(status([]), .sentToSupplier)
    }

    func testSomeDeliveredIsPartiallyReceived() {
        XCTAssertEqual(status([(1000, 1000, 0), (200, 0, 0)]), .partiallyReceived)
        XCTAssertEqual(status([(1000, 50, 0)]), .partiallyReceived)
    }

    func testAllDeliveredIsReceivedCountingCancelledQuantities() {
        XCTAssertEqual(status([(1000, 1000, 0), (200, 300, 0)]), .received)
        XCTAssertEqual(status([(1000, 600, 400)]), .received)
        XCTAssertEqual(status([(1000, 1000, 0), (200, 0, 200)]), .received)
    }

    func testCancelledPurchaseOrderIsClosedWhateverWasDelivered() {
        XCTAssertEqual(status([(1000, 500, 0)], "OrderCanceled"), .closed)
        XCTAssertEqual(status([(1000, 0, 0)], "deleted"), .closed)
    }

    func testEveryLineCancelledIsClosed() {
        XCTAssertEqual(status([(1000, 0, 1000)]), .closed)
    }

    func testOmniumCompletedDoesNotOverrideQuantities() {
        XCTAssertEqual(status([(1000, 400, 0)], "Completed"), .partiallyReceived)
    }
}
