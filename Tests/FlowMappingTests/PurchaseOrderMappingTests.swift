import Foundation
import XCTest
@testable import FlowMapping
import FlowStore
import Omnium

final class PurchaseOrderMappingTests: XCTestCase {
    private let poUid = FlowUID.sanitize("PO 1001")!
    private let stores = KnownFlowStores(storeUids: ["oslo", "bergen"], storeUidByWarehouseUid: [FlowUID.sanitize("oslo lager")!: "oslo"])
    private let requested = Date(timeIntervalSince1970: 1_800_000_000)
    private let eta = Date(timeIntervalSince1970: 1_800_500_000)

    // MARK: - Fixtures

    private func line(_ id: String, quantity: Decimal = 10, delivered: Decimal = 0, cancelled: Decimal = 0,
                      delivery: String? = nil, eta: Date? = nil) -> OmniumPurchaseOrderLine {
        OmniumPurchaseOrderLine(lineItemId: id, code: "SKU-\(id)", ean: "7090000000001", displayName: "Vare \(id)",
                                quantity: quantity, deliveredQuantity: delivered, canceledQuantity: cancelled,
                                placedPrice: Decimal(string: "59.90"), taxRate: 25,
                                discountedPrice: Decimal(string: "499.00")! * (quantity - cancelled) / 10,
                                deliveryId: delivery, estimatedTimeOfArrival: eta, warehouseCode: "oslo_lager",
                                supplierSkuId: "SUP-\(id)")
    }

    private func purchaseOrder(_ lines: [OmniumPurchaseOrderLine], status: String = "Confirmed",
                               supplier: String? = "Acme AS") -> OmniumPurchaseOrder {
        OmniumPurchaseOrder(id: "PO 1001", purchaseOrderNumber: "1001", referenceNumber: "REF-9", status: status,
                            storeId: "oslo", supplierId: supplier, supplierName: "Acme", billingCurrency: "NOK",
                            requestedDeliveryDate: requested,
                            purchaseOrderForm: OmniumPurchaseOrderForm(lineItems: lines),
                            purchaseOrderNotes: [OmniumComment(detail: "Ring first"), OmniumComment(title: "Pallets"),
                                                 OmniumComment(detail: "  ")],
                            modified: requested)
    }

    private func map(_ po: OmniumPurchaseOrder, asDeliveries: Bool = false,
                     deliveries: [OmniumDelivery] = []) throws -> [FlowPurchaseOrderSnapshot] {
        try PurchaseOrderMapping.map(po, deliveries: deliveries,
                                     settings: PurchaseOrderMappingSettings(exportDeliveryAsPo: asDeliveries),
                                     stores: stores)
    }

    // MARK: - Purchase order as PO

    func testPurchaseOrderModeMapsHeaderAndAllLines() throws {
        let result = try map(purchaseOrder([line("L1", eta: eta), line("L2", delivery: "D1")]))
        XCTAssertEqual(result.count, 1)
        let po = result[0].purchaseOrder
        XCTAssertEqual(po.purchaseOrderUid, poUid)
        XCTAssertEqual(po.omniumPurchaseOrderId, "PO 1001")
        XCTAssertNil(po.omniumDeliveryId)
        XCTAssertEqual(po.supplierUid, FlowUID.sanitize("Acme AS"))
        XCTAssertEqual(po.currency, "NOK")
        XCTAssertEqual(po.supplierReferenceNumber, "REF-9")
        XCTAssertEqual(po.note, "Ring first, Pallets")
        XCTAssertEqual(po.status, .sentToSupplier)
        XCTAssertEqual(po.storeUid, "oslo")
        XCTAssertEqual(po.warehouseUid, "oslo")
        XCTAssertEqual(po.expectedDeliveryDate, requested)   // earliest line date: L2 falls back to requested

        let lines = result[0].lines
        XCTAssertEqual(lines.map(\.lineUid), ["L1", "L2"])
        XCTAssertEqual(lines[0].quantityOrdered, 1000)
        XCTAssertEqual(lines[0].quantityReceived, 0)
        XCTAssertEqual(lines[0].unitPrice, 4_990)            // 499.00 / 10
        XCTAssertEqual(lines[0].expectedDeliveryDate, eta)    // ETA first
        XCTAssertEqual(lines[1].expectedDeliveryDate, requested)
        XCTAssertEqual(lines[0].warehouseUid, "oslo_lager")
        XCTAssertEqual(lines[0].supplierSku, "SUP-L1")
    }

    func testStatusFollowsDeliveryProgress() throws {
        XCTAssertEqual(try map(purchaseOrder([line("L1", delivered: 4), line("L2")]))[0].purchaseOrder.status,
                       .partiallyReceived)
        XCTAssertEqual(try map(purchaseOrder([line("L1", delivered: 10), line("L2", delivered: 8, cancelled: 2)]))[0]
                        .purchaseOrder.status, .received)
    }

    func testCancelledPurchaseOrderIsClosed() throws {
        let result = try map(purchaseOrder([line("L1", delivered: 4)], status: "OrderCanceled"))
        XCTAssertEqual(result[0].purchaseOrder.status, .closed)
    }

    func testFractionalQuantitiesAndUnitPriceRounding() throws {
        var l = line("L1", quantity: Decimal(string: "2.5")!)
        l.discountedPrice = Decimal(string: "100.01")    // 40.004 per unit
        let result = try map(purchaseOrder([l]))
        XCTAssertEqual(result[0].lines[0].quantityOrdered, 250)
        XCTAssertEqual(result[0].lines[0].unitPrice, 4_000)
        var noDiscount = line("L2")
        noDiscount.discountedPrice = nil
        XCTAssertEqual(try map(purchaseOrder([noDiscount]))[0].lines[0].unitPrice, 5_990)
    }

    // MARK: - Delivery as PO

    func testDeliveryModeMakesOnePurchaseOrderPerDelivery() throws {
        let po = purchaseOrder([line("L1", delivery: "D1"), line("L2", delivered: 10, delivery: "D2"),
                                line("L3", delivery: "D1"), line("L4")])
        let deliveries = [OmniumDelivery(id: "D2", warehouseCode: "bergen", estimatedTimeOfArrival: eta)]
        let result = try map(po, asDeliveries: true, deliveries: deliveries)
        XCTAssertEqual(result.map(\.purchaseOrder.purchaseOrderUid), [poUid + "-delivery-D1", poUid + "-delivery-D2"])
        XCTAssertEqual(result[0].lines.map(\.lineUid), ["L1", "L3"])
        XCTAssertEqual(result[1].lines.map(\.lineUid), ["L2"])
        XCTAssertEqual(result.map(\.purchaseOrder.status), [.sentToSupplier, .sentToSupplier])  // constant
        XCTAssertEqual(result[1].purchaseOrder.omniumDeliveryId, "D2")
        XCTAssertEqual(result[1].purchaseOrder.warehouseUid, "bergen")
        XCTAssertEqual(result[1].purchaseOrder.storeUid, "bergen")
        XCTAssertEqual(result[1].purchaseOrder.expectedDeliveryDate, eta)
        XCTAssertEqual(result[1].lines[0].expectedDeliveryDate, eta)   // delivery ETA when the line has none
        XCTAssertEqual(result[1].lines[0].quantityReceived, 1000)
    }

    func testDeliveryModeCancelledPurchaseOrderIsClosed() throws {
        let result = try map(purchaseOrder([line("L1", delivery: "D1")], status: "deleted"), asDeliveries: true)
        XCTAssertEqual(result.map(\.purchaseOrder.status), [.closed])
    }

    func testDeliveryModeEmptiedDeliveryYieldsEmptyPurchaseOrder() throws {
        let result = try map(purchaseOrder([line("L1", delivery: "D2")]), asDeliveries: true,
                             deliveries: [OmniumDelivery(id: "D1"), OmniumDelivery(id: "D2")])
        XCTAssertEqual(result.map(\.purchaseOrder.purchaseOrderUid), [poUid + "-delivery-D1", poUid + "-delivery-D2"])
        XCTAssertEqual(result[0].lines, [])
    }

    // MARK: - Issues

    func testMissingSupplierIsAnIssue() {
        XCTAssertThrowsError(try map(purchaseOrder([line("L1")], supplier: nil))) { error in
            let issue = error as? MappingIssue
            XCTAssertEqual(issue?.entity, .purchaseOrder)
            XCTAssertEqual(issue?.recordKey, "PO 1001")
            XCTAssertEqual(issue?.reason, "supplierId is missing (required by Flow)")
            XCTAssertEqual(issue?.outcome, .recordQuarantined)
            XCTAssertTrue(issue?.sourcePayload?.contains("\"PO 1001\"") == true, "\(issue?.sourcePayload ?? "nil")")
        }
    }

    func testUnknownWarehouseAndBadLinesAreIssues() {
        var po = purchaseOrder([line("L1")])
        po.storeId = "tromso"
        XCTAssertThrowsError(try map(po)) {
            XCTAssertEqual(($0 as? MappingIssue)?.reason,
                           "unknown store: receiving warehouse 'tromso' (storeId) is not a Flow store or warehouse")
        }
        po.storeId = nil
        XCTAssertThrowsError(try map(po)) {
            XCTAssertEqual(($0 as? MappingIssue)?.reason, "storeId (the receiving warehouse) is missing")
        }
        XCTAssertThrowsError(try map(purchaseOrder([line("L1"), line("L1")]))) {
            XCTAssertTrue("\($0)".contains("appears twice"), "\($0)")
        }
        var noSku = line("L1")
        noSku.code = ""
        XCTAssertThrowsError(try map(purchaseOrder([noSku]))) { XCTAssertTrue("\($0)".contains("no code"), "\($0)") }
    }

    func testWarehouseOfAStoreResolvesToItsStore() throws {
        var po = purchaseOrder([line("L1")])
        po.storeId = "oslo lager"
        let result = try map(po)
        XCTAssertEqual(result[0].purchaseOrder.storeUid, "oslo")
        XCTAssertEqual(result[0].purchaseOrder.warehouseUid, FlowUID.sanitize("oslo lager"))
    }
}
