import FlowMapping
import FlowStore
import Foundation
import Omnium
import OmniumSandbox
import Pipeline
import XCTest

/// Issue 4's purchase orders: sandbox purchase orders and deliveries through the real client into
/// the Flow store, in both `ExportDeliveryAsPo` modes.
final class PurchaseOrdersEndToEndTests: XCTestCase {
    static let stages = ["extract.stores", "transform.stores", "load.stores",
                         "extract.purchase_orders", "transform.purchase_orders", "load.purchase_orders"]

    @discardableResult
    func run(_ fixture: EndToEndFixture, file: StaticString = #filePath, line: UInt = #line) async throws -> RunResult {
        let result = try await fixture.run(RunRequest(selection: StageSelection(only: Self.stages)))
        XCTAssertTrue(result.succeeded, "\(result.manifest.stages.map { "\($0.name): \($0.error ?? $0.status.rawValue)" })",
                      file: file, line: line)
        return result
    }

    func flowPO(_ fixture: EndToEndFixture, _ uid: String) throws -> FlowPurchaseOrderSnapshot? {
        try FlowDatabase(path: fixture.configuration.flowStorePath)
            .read { try PurchaseOrdersTable.fetchSnapshot(purchaseOrderUid: uid, in: $0) }
    }

    /// A primary sandbox store that is its own warehouse and a Flow store after the stores stages.
    func receivingWarehouse(_ fixture: EndToEndFixture) throws -> String {
        let uids = try FlowDatabase(path: fixture.configuration.flowStorePath).read { try StoresTable.storeUids(in: $0) }
        return try XCTUnwrap(fixture.sandbox.state.stores().first {
            $0.isPrimaryStore == true && $0.isWarehouse == true && uids.contains(FlowUID.sanitize($0.id) ?? "")
        }?.id)
    }

    static func line(_ id: String, _ sku: String, quantity: Decimal, delivered: Decimal = 0,
                     delivery: String? = nil) -> OmniumPurchaseOrderLine {
        OmniumPurchaseOrderLine(lineItemId: id, code: sku, displayName: "Vare \(sku)", quantity: quantity,
                                deliveredQuantity: delivered, placedPrice: 40, discountedPrice: 38 * quantity,
                                deliveryId: delivery)
    }

    /// Puts purchase orders and deliveries into the sandbox, stamped with the sandbox's time.
    func put(_ fixture: EndToEndFixture, _ purchaseOrders: [OmniumPurchaseOrder], deliveries: [OmniumDelivery] = []) {
        fixture.sandbox.state.write { storage, now in
            for var purchaseOrder in purchaseOrders {
                purchaseOrder.modified = now
                storage.purchaseOrders[purchaseOrder.id!] = purchaseOrder
            }
            for delivery in deliveries { storage.deliveries[delivery.id!] = delivery }
        }
    }

    static func purchaseOrder(_ id: String, status: String = "Confirmed", warehouse: String,
                              lines: [OmniumPurchaseOrderLine]) -> OmniumPurchaseOrder {
        OmniumPurchaseOrder(id: id, purchaseOrderNumber: "PO-\(id)", status: status, storeId: warehouse,
                            supplierId: "Nordisk Engros", billingCurrency: "NOK",
                            requestedDeliveryDate: Date(timeIntervalSince1970: 1_830_000_000),
                            purchaseOrderForm: OmniumPurchaseOrderForm(lineItems: lines))
    }

    // MARK: - Tests

    func testPurchaseOrderAsPurchaseOrderWithStatusesACancelledOneAndARemovedLine() async throws {
        let fixture = try EndToEndFixture()
        try await run(fixture)
        let warehouse = try receivingWarehouse(fixture)
        let eta = Date(timeIntervalSince1970: 1_829_000_000)
        put(fixture, [
            Self.purchaseOrder("E2E-PO-1", warehouse: warehouse, lines: [
                Self.line("E2E-PO-1-a", "SKU-A", quantity: 10, delivered: 4, delivery: "E2E-D-1"),
                Self.line("E2E-PO-1-b", "SKU-B", quantity: 6),
            ]),
            Self.purchaseOrder("E2E-PO-2", status: "OrderCanceled", warehouse: warehouse,
                               lines: [Self.line("E2E-PO-2-a", "SKU-C", quantity: 1)]),
        ], deliveries: [OmniumDelivery(id: "E2E-D-1", warehouseCode: warehouse, estimatedTimeOfArrival: eta)])
        try await run(fixture)

        let po = try XCTUnwrap(flowPO(fixture, "E2E-PO-1"))
        XCTAssertEqual(po.purchaseOrder.status, .partiallyReceived)
        XCTAssertEqual(po.purchaseOrder.supplierUid, FlowUID.sanitize("Nordisk Engros"))
        XCTAssertEqual(po.purchaseOrder.expectedDeliveryDate, eta, "the delivery's ETA before the requested date")
        XCTAssertEqual(po.lines.map(\.quantityOrdered), [1000, 600])
        XCTAssertEqual(po.lines.map(\.quantityReceived), [400, 0])
        XCTAssertEqual(po.lines.map(\.unitPrice), [3800, 3800])
        XCTAssertEqual(try flowPO(fixture, "E2E-PO-2")?.purchaseOrder.status, .closed)

        put(fixture, [Self.purchaseOrder("E2E-PO-1", warehouse: warehouse, lines: [
            Self.line("E2E-PO-1-a", "SKU-A", quantity: 10, delivered: 10, delivery: "E2E-D-1"),
        ])])
        try await run(fixture)
        let updated = try XCTUnwrap(flowPO(fixture, "E2E-PO-1"))
        XCTAssertEqual(updated.lines.map(\.lineUid), ["E2E-PO-1-a"], "the line removed in Omnium is deleted")
        XCTAssertEqual(updated.purchaseOrder.status, .received)

        let quiet = try await run(fixture)
        XCTAssertEqual(quiet.manifest.entry(named: "load.purchase_orders")?.outcome?.rowsWritten, 0)
    }

    func testDeliveryAsPurchaseOrderOnePerDeliveryAndACancelledOrderClosesThem() async throws {
        let fixture = try EndToEndFixture()
        fixture.configuration.exportDeliveryAsPo = true
        try await run(fixture)
        let warehouse = try receivingWarehouse(fixture)
        put(fixture, [
            Self.purchaseOrder("E2E-PO-3", warehouse: warehouse, lines: [
                Self.line("E2E-PO-3-a", "SKU-A", quantity: 2, delivery: "E2E-D-3"),
                Self.line("E2E-PO-3-b", "SKU-B", quantity: 5, delivery: "E2E-D-4"),
            ]),
            Self.purchaseOrder("E2E-PO-4", status: "OrderCanceled", warehouse: warehouse, lines: [
                Self.line("E2E-PO-4-a", "SKU-C", quantity: 1, delivery: "E2E-D-5"),
            ]),
        ], deliveries: ["E2E-D-3", "E2E-D-4", "E2E-D-5"].map { OmniumDelivery(id: $0, warehouseCode: warehouse) })
        try await run(fixture)

        let d3 = try XCTUnwrap(flowPO(fixture, "E2E-PO-3-delivery-E2E-D-3"))
        let d4 = try XCTUnwrap(flowPO(fixture, "E2E-PO-3-delivery-E2E-D-4"))
        XCTAssertNil(try flowPO(fixture, "E2E-PO-3"))
        XCTAssertEqual(d3.lines.map(\.lineUid), ["E2E-PO-3-a"])
        XCTAssertEqual(d4.lines.map(\.quantityOrdered), [500])
        XCTAssertEqual([d3.purchaseOrder.status, d4.purchaseOrder.status], [.sentToSupplier, .sentToSupplier])
        XCTAssertEqual(try flowPO(fixture, "E2E-PO-4-delivery-E2E-D-5")?.purchaseOrder.status, .closed)
    }
}
