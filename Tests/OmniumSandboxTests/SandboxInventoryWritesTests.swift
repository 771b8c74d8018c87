import Foundation
import HTTPServer
import Omnium
@testable import OmniumSandbox
import XCTest

/// Inventory `UpdateMany` and goods reception.
final class SandboxInventoryWritesTests: XCTestCase {
    private final class Clock: @unchecked Sendable {
        var now = Date(timeIntervalSince1970: 1_800_000_000)
    }

    private let clock = Clock()
    private lazy var state = SandboxState(options: SandboxDataOptions(seed: 4, scale: .small)) { [clock] in clock.now }

    // MARK: - UpdateMany

    func testUpsertBySkuAndWarehouseKeepsReservationsAndUnchangedModified() throws {
        let sku = state.generator.skus(forProductAt: 0)[0]
        let web = SandboxDataGenerator.webWarehouseId
        let before = try XCTUnwrap(state.inventory(sku: sku, warehouseCodes: [web]).first)
        XCTAssertEqual(try state.updateInventory([OmniumInventoryItem(sku: sku, warehouseCode: web, inventory: 77, reservedInventory: 0, cost: 0)]), 1)
        let after = try XCTUnwrap(state.inventory(sku: sku, warehouseCodes: [web]).first)
        XCTAssertEqual(after.inventory, 77)
        XCTAssertEqual(after.reservedInventory, before.reservedInventory, "reservations kept without the flag")
        XCTAssertEqual(after.cost, before.cost, "cost sent as 0 keeps the stored value")
        XCTAssertEqual(after.modified, clock.now)
        clock.now += 60
        XCTAssertEqual(try state.updateInventory([OmniumInventoryItem(sku: sku, warehouseCode: web, inventory: 77)]), 0)
        XCTAssertEqual(state.inventory(sku: sku, warehouseCodes: [web]).first?.modified, after.modified)
        try state.updateInventory([OmniumInventoryItem(sku: sku, warehouseCode: web, inventory: 77, reservedInventory: 0)],
                                  isReservedInventoryOverwritten: true)
        XCTAssertEqual(state.inventory(sku: sku, warehouseCodes: [web]).first?.reservedInventory, 0)
    }

    func testCreatesMissingItemsAndFindsThemInSearches() throws {
        XCTAssertEqual(try state.updateInventory([OmniumInventoryItem(sku: "LOCAL-1", warehouseCode: state.generator.primaryStoreIds()[1], inventory: 5)]), 1)
        let found = try state.inventory(matching: OmniumInventorySearchRequest(productCodes: ["local-1"]))
        XCTAssertEqual(found.all.map(\.inventory), [5])
        XCTAssertEqual(found.all.first?.reservedInventory, 0)
    }

    func testBadWarehouseOrTooManyItemsApplyNothing() {
        let sku = state.generator.skus(forProductAt: 1)[0]
        let good = OmniumInventoryItem(sku: sku, warehouseCode: SandboxDataGenerator.centralWarehouseId, inventory: 999)
        for bad in [OmniumInventoryItem(sku: sku, warehouseCode: SandboxDataGenerator.webshopId, inventory: 1),
                    OmniumInventoryItem(sku: sku, warehouseCode: "nowhere", inventory: 1),
                    OmniumInventoryItem(sku: nil, warehouseCode: SandboxDataGenerator.centralWarehouseId, inventory: 1)] {
            XCTAssertThrowsError(try state.updateInventory([good, bad])) { XCTAssertEqual(($0 as? SandboxWriteError)?.status, 400) }
        }
        XCTAssertNotEqual(state.inventory(sku: sku, warehouseCodes: [SandboxDataGenerator.centralWarehouseId]).first?.inventory, 999)
        XCTAssertThrowsError(try state.updateInventory(Array(repeating: good, count: 1_001)))
    }

    // MARK: - Goods reception

    private func openPurchaseOrder() throws -> OmniumPurchaseOrder {
        try XCTUnwrap(state.read { $0.purchaseOrders.all }.first { $0.status == "New" || $0.status == "Confirmed" })
    }

    func testDeliveryScopedReceptionUpdatesLinesStockStatusesAndDedupes() throws {
        let po = try openPurchaseOrder()
        let deliveryId = try XCTUnwrap(po.deliveryId)
        let lines = po.purchaseOrderForm!.lineItems!
        let warehouse = po.storeId!
        let stockBefore = state.inventory(sku: lines[0].code!, warehouseCodes: [warehouse]).first?.inventory ?? 0
        let first = OmniumGoodsReceptionLine(lineItemId: lines[0].lineItemId, deliveredQuantity: 1, warehouseCode: warehouse, goodsReceptionId: "GR-1")
        try state.processGoodsReception(deliveryId: deliveryId, lines: [first])
        XCTAssertEqual(state.purchaseOrder(id: po.id!)?.purchaseOrderForm?.lineItems?[0].deliveredQuantity, 1)
        XCTAssertEqual(state.inventory(sku: lines[0].code!, warehouseCodes: [warehouse]).first?.inventory, stockBefore + 1)
        XCTAssertEqual(state.delivery(id: deliveryId)?.deliveryStatus, "InProgress")
        XCTAssertThrowsError(try state.processGoodsReception(deliveryId: deliveryId, lines: [first])) { error in
            XCTAssertEqual((error as? SandboxWriteError)?.status, 400)
            XCTAssertTrue((error as? SandboxWriteError)?.message.contains("GR-1") == true)
        }
        XCTAssertEqual(state.purchaseOrder(id: po.id!)?.purchaseOrderForm?.lineItems?[0].deliveredQuantity, 1, "duplicate applied nothing")
        let rest = lines.enumerated().map { k, line in
            OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: line.quantity! - (k == 0 ? 1 : 0),
                                     warehouseCode: warehouse, goodsReceptionId: "GR-2")
        }
        try state.processGoodsReception(deliveryId: deliveryId, lines: rest)
        XCTAssertEqual(state.purchaseOrder(id: po.id!)?.status, "Completed")
        XCTAssertEqual(state.delivery(id: deliveryId)?.deliveryStatus, "Completed")
        XCTAssertEqual(state.processedGoodsReceptionIds(), ["GR-1", "GR-2"])
        XCTAssertEqual(state.goodsReceptions().count, 2)
    }

    func testReceptionValidation() throws {
        let po = try openPurchaseOrder()
        let line = po.purchaseOrderForm!.lineItems![0]
        let other = try XCTUnwrap(state.read { $0.purchaseOrders.all }.first { $0.deliveryId != po.deliveryId })
        func refuse(_ deliveryId: String?, _ lines: [OmniumGoodsReceptionLine], _ status: Int, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertThrowsError(try state.processGoodsReception(deliveryId: deliveryId, lines: lines), file: file, line: line) {
                XCTAssertEqual(($0 as? SandboxWriteError)?.status, status, file: file, line: line)
            }
        }
        let good = OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: 1, warehouseCode: po.storeId)
        refuse("DEL-missing", [good], 404)
        refuse(po.deliveryId, [], 400)
        refuse(po.deliveryId, [OmniumGoodsReceptionLine(lineItemId: other.purchaseOrderForm!.lineItems![0].lineItemId, deliveredQuantity: 1, warehouseCode: po.storeId)], 400)
        refuse(po.deliveryId, [OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: 1, warehouseCode: SandboxDataGenerator.webshopId)], 400)
        refuse(po.deliveryId, [OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: 1)], 400)
        refuse(po.deliveryId, [good, OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: -1, warehouseCode: po.storeId)], 400)
        XCTAssertEqual(state.purchaseOrder(id: po.id!)?.purchaseOrderForm?.lineItems?[0].deliveredQuantity, line.deliveredQuantity)
        // the generic endpoint resolves the PO line anywhere and does not check ids
        try state.processGoodsReception(deliveryId: nil, lines: [OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: 2, warehouseCode: po.storeId, goodsReceptionId: "G")])
        try state.processGoodsReception(deliveryId: nil, lines: [OmniumGoodsReceptionLine(lineItemId: line.lineItemId, deliveredQuantity: 2, warehouseCode: po.storeId, goodsReceptionId: "G")])
        XCTAssertEqual(state.purchaseOrder(id: po.id!)?.purchaseOrderForm?.lineItems?[0].deliveredQuantity, (line.deliveredQuantity ?? 0) + 4)
    }

    /// `UpdateMany`'s shortcut for plain items reads every body as the decoder does: the same items, or the same
    /// error, whatever the members, their spelling, types and nulls.
    func testUpdateManyBodiesReadByTheShortcutEqualTheDecoder() throws {
        let bodies = [
            #"[{"sku":"A","warehouseCode":"w1","inventory":12.5},{"sku":"B","warehouseCode":"w2","inventory":-3}]"#,
            #"[{"sku":null,"warehouseCode":"w1","inventory":null}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1},{"SKU":"B","warehouseCode":"w1","inventory":2}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1,"reservedInventory":4}]"#,
            #"[{"sku":"A","warehouseCode":"w1"}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":"7"}]"#,
            #"[{"sku":5,"warehouseCode":"w1","inventory":1}]"#,
            #"[{"sku":"A","warehouseCode":"w1","cost":1}]"#,
            #"{"sku":"A","warehouseCode":"w1","inventory":1}"#,
            #"[1]"#, "[]", "  ", #"[{"sku":"A""#,
            // What the reader of plain items takes, and what it leaves to the strict path.
            #" [ {"inventory":1.5,"sku":"A","warehouseCode":"w1"} , {"warehouseCode":"w1", "sku":"B", "inventory":0} ] "#,
            #"[{"sku":"A","sku":"B","warehouseCode":"w1","inventory":1}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1,"sku":"B"}]"#,
            #"[{"sku":"A\u0042","warehouseCode":"w1","inventory":1}]"#,
            #"[{"sku":"A\"","warehouseCode":"w1","inventory":1}]"#,
            #"[{"sku":"Å","warehouseCode":"w1","inventory":1}]"#,
            "[{\"sku\":\"A\tB\",\"warehouseCode\":\"w1\",\"inventory\":1}]",
            #"[{"sku":"A","warehouseCode":"w1","inventory":1e2}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":012}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":-0}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":0.00}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":-0.0}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1.}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":.5}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":+5}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":123456789012345678}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1234567890123456789}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":12345678901234567.89}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":-99.10}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":true}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1},]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1}] x"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1}"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1,}]"#,
            #"[{"sku":"A","warehouseCode":"w1"  "inventory":1}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1}{}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1},{"sku":"B","warehouseCode":"w2","inventory":2}]"#,
            #"[{"sku":"A","warehouseCode":"w1","inventory":1},{"sku":"B","warehouseCode":"w1","inventory":2},{"sku":"C","warehouseCode":"w1x","inventory":3}]"#,
        ]
        for body in bodies {
            let request = try HTTPRequest(method: .PUT, target: "/api/Inventory/UpdateMany", body: Data(body.utf8))
            let expected = Result { try request.omniumBody([OmniumInventoryItem].self) }
            let actual = Result { try InventoryWriteRoutes.items(of: request) }
            switch (expected, actual) {
            case (.success(let want), .success(let got)):
                XCTAssertEqual(got, want, body)
                // The same Decimal, not only an equal one: its text (trailing zeros kept) is what reads answer.
                XCTAssertEqual(got.map { $0.inventory.map(SandboxDecimalText.string) }, want.map { $0.inventory.map(SandboxDecimalText.string) }, body)
            case (.failure(let want), .failure(let got)): XCTAssertEqual("\(got)", "\(want)", body)
            default: XCTFail("\(body): decoder \(expected), shortcut \(actual)")
            }
        }
        XCTAssertNotNil(InventoryWriteRoutes.plainItem(try SandboxRequestDecoder.value(of: Data(bodies[0].utf8)).arrayFirst))
        // Invalid UTF-8 in a string: refused by both.
        var invalid = Data(#"[{"sku":"A"#.utf8)
        invalid.append(0xFF)
        invalid.append(contentsOf: #"","warehouseCode":"w1","inventory":1}]"#.utf8)
        XCTAssertNil(SandboxInventoryItemsReader.plainItems(invalid))
        let request = try HTTPRequest(method: .PUT, target: "/api/Inventory/UpdateMany", body: invalid)
        XCTAssertThrowsError(try InventoryWriteRoutes.items(of: request))
    }

    /// The client's stock bodies (`OmniumInventoryLevel.jsonArray`) are read by the reader of plain items, and
    /// each level is the `Decimal` the strict parser makes of its text: value, mantissa, exponent and sign.
    func testStockPushBodiesAreReadByThePlainReaderAsTheStrictParserReadsThem() throws {
        var levels: [OmniumInventoryLevel] = []
        for hundredths in Array(-2_050...2_050) + [99_999_999, -123_456_789_012, 100_000_000_000_000_000, 999_999_999_999_999_999] {
            levels.append(OmniumInventoryLevel(sku: "SKU-\(levels.count)", warehouseCode: levels.count % 7 == 0 ? "w2" : "w1",
                                               inventoryHundredths: Int64(hundredths)))
        }
        let body = OmniumInventoryLevel.jsonArray(levels)
        let read = try XCTUnwrap(SandboxInventoryItemsReader.plainItems(body))
        let strict = try SandboxRequestDecoder.decode([OmniumInventoryItem].self, from: SandboxRequestDecoder.value(of: body))
        XCTAssertEqual(read.count, levels.count)
        XCTAssertEqual(read, strict)
        for (got, want) in zip(read, strict) {
            let (gotParts, wantParts) = (got.inventory.flatMap(SandboxDecimalText.parts), want.inventory.flatMap(SandboxDecimalText.parts))
            XCTAssertEqual(gotParts, wantParts, "\(want.inventory.map { "\($0)" } ?? "nil")")
        }
    }

    /// The table of written stock answers as a dictionary would, through growth, overwrites and many keys.
    func testInventoryTableAnswersAsADictionary() {
        var table = SandboxInventoryTable()
        var reference: [SandboxInventoryKey: OmniumInventoryItem] = [:]
        var random = SplitMix64(seed: 7, stream: "inventory.table", index: 0)
        for step in 0..<30_000 {
            let key = SandboxInventoryKey(sku: "S\(random.int(in: 0...12_000))", warehouseCode: random.chance(0.5) ? "w1" : "w2")
            let item = OmniumInventoryItem(sku: key.sku, warehouseCode: key.warehouseCode, inventory: Decimal(step))
            table.set(item, for: key)
            reference[key] = item
        }
        XCTAssertEqual(table.count, reference.count)
        XCTAssertEqual(Set(table.keys), Set(reference.keys))
        XCTAssertEqual(table.values.count, reference.count)
        for (key, item) in reference { XCTAssertEqual(table[key], item) }
        XCTAssertNil(table[SandboxInventoryKey(sku: "S1", warehouseCode: "w3")])
        XCTAssertEqual(Set(table.values.map { "\($0.sku!)/\($0.warehouseCode!)" }),
                       Set(reference.keys.map { "\($0.sku)/\($0.warehouseCode)" }))
    }
}

private extension OmniumJSONValue {
    var arrayFirst: OmniumJSONValue {
        if case .array(let items) = self, let first = items.first { return first }
        return .null
    }
}
