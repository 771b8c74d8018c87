import FlowStore
import Foundation
import SQLite
import XCTest

final class StoresTableTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("stores-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func batch(name: String = "Oslo City", warehouses: [String] = ["oslo", "central"],
               salesPriceUid: String = "main") -> FlowStoresBatch {
        FlowStoresBatch(
            organizations: [FlowOrganization(organizationUid: "987654321", name: "Org. 987654321", vatNumber: "987654321")],
            stores: [FlowStoreRecord(storeUid: "oslo", name: name, city: "Oslo", organizationUid: "987654321",
                                     salesPriceUid: salesPriceUid, purchaseNumberSeriesUid: "po",
                                     defaultWarehouseUid: warehouses.first, defaultReturnWarehouseUid: warehouses.first)],
            warehouses: warehouses.map { FlowWarehouse(warehouseUid: $0, name: $0, isWebWarehouse: false, isActive: true) },
            storeWarehouses: warehouses.enumerated().map { FlowStoreWarehouse(storeUid: "oslo", warehouseUid: $1, priority: $0) },
            openingHours: [FlowOpeningHours(storeUid: "oslo", weekday: 1, isOpen: true, openFrom: "09:00", openTo: "20:00")],
            specialOpeningHours: [FlowSpecialOpeningHours(storeUid: "oslo", date: "2026-12-24", isClosed: false,
                                                          label: "Julaften", openFrom: "09:00", openTo: "13:00")])
    }

    func testFirstLoadInsertsAndUnchangedReloadWritesNothing() throws {
        let flow = try FlowDatabase(path: folder.appendingPathComponent("flow.db").path)
        let first = try flow.write { try StoresTable.save(batch(), in: $0) }
        XCTAssertEqual(first["stores"], UpsertCounts(inserted: 1))
        XCTAssertEqual(first["warehouses"], UpsertCounts(inserted: 2))
        let second = try flow.write { try StoresTable.save(batch(), in: $0) }
        XCTAssertEqual(second.values.reduce(UpsertCounts(), +).written, 0)
        try flow.read { db in
            XCTAssertEqual(try StoresTable.warehouseUids(ofStore: "oslo", in: db), ["oslo", "central"])
            XCTAssertEqual(try StoresTable.openingHours(ofStore: "oslo", in: db).first?.openTo, "20:00")
            XCTAssertEqual(try StoresTable.specialOpeningHours(ofStore: "oslo", in: db).first?.label, "Julaften")
        }
    }

    func testUpdateKeepsCreateOnlyFieldsAndResetsMissingDefaultWarehouse() throws {
        let flow = try FlowDatabase(path: folder.appendingPathComponent("flow.db").path)
        _ = try flow.write { try StoresTable.save(batch(), in: $0) }
        let counts = try flow.write {
            try StoresTable.save(batch(name: "Oslo Sentrum", warehouses: ["central"], salesPriceUid: "other"), in: $0)
        }
        XCTAssertEqual(counts["stores"], UpsertCounts(updated: 1))
        let store = try XCTUnwrap(try flow.read { try StoresTable.store(uid: "oslo", in: $0) })
        XCTAssertEqual(store.name, "Oslo Sentrum")
        XCTAssertEqual(store.salesPriceUid, "main", "salesPriceUid is set on create only")
        XCTAssertEqual(store.purchaseNumberSeriesUid, "po")
        XCTAssertEqual(store.defaultWarehouseUid, "central", "the old default is gone: first available")
        try flow.read { XCTAssertEqual(try StoresTable.warehouseUids(ofStore: "oslo", in: $0), ["central"]) }
    }
}
