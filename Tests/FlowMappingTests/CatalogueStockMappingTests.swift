import FlowStore
import Foundation
import Omnium
import XCTest
@testable import FlowMapping

final class CatalogueStockMappingTests: XCTestCase {
    private let warehouses: [String: StockWarehouse] = [
        "oslo": StockWarehouse(warehouseUid: "oslo", stockMaster: .omnium),
        "bergen": StockWarehouse(warehouseUid: "bergen", stockMaster: .flow),
        "web-1": StockWarehouse(warehouseUid: "web-1", stockMaster: .omnium, isWebWarehouse: true),
        "web-2": StockWarehouse(warehouseUid: "web-2", stockMaster: .flow, isWebWarehouse: true),
    ]

    func testOmniumMasterStockMappedFlowMasterSkipped() {
        let items = [
            OmniumInventoryItem(sku: "a", warehouseCode: "oslo", inventory: 12, reservedInventory: 2),
            OmniumInventoryItem(sku: "a", warehouseCode: "bergen", inventory: 5),
            OmniumInventoryItem(sku: "a", warehouseCode: "trondheim", inventory: 1),
        ]
        let result = StockMapping.map(items, warehouses: warehouses, settings: CatalogueFixtures.settings)
        XCTAssertEqual(result.stock, [FlowStock(warehouseUid: "oslo", productUid: "a", quantity: 1200, reserved: 200)])
        XCTAssertEqual(result.stock.first?.available, 1000)
        XCTAssertEqual(result.skipped, ["Flow is stock master": 1, "warehouse not in Flow": 1])
        XCTAssertEqual(result.issues, [])
    }

    func testStockBeyondRangeIsQuarantinedNamingTheFieldAndTheRestLoads() {
        let items = [
            OmniumInventoryItem(sku: "huge", warehouseCode: "oslo", inventory: Decimal(string: "1e30")!),
            OmniumInventoryItem(sku: "oversold", warehouseCode: "oslo", inventory: -3),
            OmniumInventoryItem(sku: "ok", warehouseCode: "oslo", inventory: 4, reservedInventory: Decimal(string: "-1e20")!),
        ]
        let result = StockMapping.map(items, warehouses: warehouses, settings: CatalogueFixtures.settings)
        XCTAssertEqual(result.stock, [FlowStock(warehouseUid: "oslo", productUid: "oversold", quantity: -300, reserved: 0)],
                       "negative stock (oversold) is real; nothing is clamped to Int64.max")
        XCTAssertEqual(result.issues.map(\.recordKey), ["huge@oslo", "ok@oslo"])
        XCTAssertEqual(result.issues.map(\.outcome), [.recordQuarantined, .recordQuarantined])
        XCTAssertEqual(result.issues.first?.reason, "inventory 1000000000000000000000000000000 is outside ±10000000000000")
        XCTAssertTrue(result.issues.last?.reason.hasPrefix("reservedInventory -100000000000000000000 ") ?? false)
    }

    func testWebWarehousesSumIntoFlowWebWarehouse() {
        var settings = CatalogueFixtures.settings
        settings.flowWebWarehouse = "WEB"
        let items = [
            OmniumInventoryItem(sku: "a", warehouseCode: "web-1", inventory: CatalogueFixtures.decimal("2.5")),
            OmniumInventoryItem(sku: "a", warehouseCode: "web-2", inventory: 3, reservedInventory: 4),
        ]
        let result = StockMapping.map(items, warehouses: warehouses, settings: settings)
        XCTAssertEqual(result.stock, [FlowStock(warehouseUid: "WEB", productUid: "a", quantity: 550, reserved: 400)])
        XCTAssertEqual(result.stock.first?.available, 150)
    }

    func testWithoutFlowWebWarehouseWebFollowsTheStoreRule() {
        let items = [OmniumInventoryItem(sku: "a", warehouseCode: "web-2", inventory: 3)]
        let result = StockMapping.map(items, warehouses: warehouses, settings: CatalogueFixtures.settings)
        XCTAssertEqual(result.stock, [])
        XCTAssertEqual(result.skipped, ["Flow is stock master": 1])
    }

    func testDuplicatesKeepLatestAndBadItemsQuarantined() {
        let items = [
            OmniumInventoryItem(sku: "a", warehouseCode: "oslo", inventory: 1, modified: CatalogueFixtures.day(-2)),
            OmniumInventoryItem(sku: "a", warehouseCode: "oslo", inventory: 7, modified: CatalogueFixtures.day(-1)),
            OmniumInventoryItem(sku: "a", warehouseCode: "oslo", inventory: 3, modified: CatalogueFixtures.day(-3)),
            OmniumInventoryItem(warehouseCode: "oslo", inventory: 1),
            OmniumInventoryItem(sku: "§ §", warehouseCode: "oslo"),
        ]
        let result = StockMapping.map(items, warehouses: warehouses, settings: CatalogueFixtures.settings)
        XCTAssertEqual(result.stock.map(\.quantity), [700])
        XCTAssertEqual(result.issues.map(\.recordKey), ["?@oslo", "§ §@oslo"])
    }

    /// Levels come out in the order their Flow key first appears; parts of one Flow level are summed wherever
    /// they stand in the batch, each part counted once (its latest `modified`).
    func testSummedPartsApartInTheBatchAndTheirDuplicates() {
        var settings = CatalogueFixtures.settings
        settings.flowWebWarehouse = "WEB"
        let warehouses = self.warehouses.merging(["web-3": StockWarehouse(warehouseUid: "web-3", stockMaster: .omnium,
                                                                         isWebWarehouse: true)]) { $1 }
        let items = [
            OmniumInventoryItem(sku: "b", warehouseCode: "web-1", inventory: 1, modified: CatalogueFixtures.day(-2)),
            OmniumInventoryItem(sku: "a", warehouseCode: "oslo", inventory: 2),
            OmniumInventoryItem(sku: "b", warehouseCode: "oslo", inventory: 4),
            OmniumInventoryItem(sku: "b", warehouseCode: "web-3", inventory: 8),
            OmniumInventoryItem(sku: "b", warehouseCode: "web-1", inventory: 16, modified: CatalogueFixtures.day(-1)),
            OmniumInventoryItem(sku: "b", warehouseCode: "web-1", inventory: 32, modified: CatalogueFixtures.day(-3)),
        ]
        let result = StockMapping.map(items, warehouses: warehouses, settings: settings)
        XCTAssertEqual(result.stock, [
            FlowStock(warehouseUid: "WEB", productUid: "b", quantity: 2_400, reserved: 0),
            FlowStock(warehouseUid: "oslo", productUid: "a", quantity: 200, reserved: 0),
            FlowStock(warehouseUid: "oslo", productUid: "b", quantity: 400, reserved: 0),
        ])
        XCTAssertEqual(result.issues, [])
    }
}
