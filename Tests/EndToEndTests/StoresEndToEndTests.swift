import FlowMapping
import FlowStore
import Foundation
import Omnium
import Pipeline
import XCTest

/// Issue 2's data flow: Omnium stores into the Flow store, through the real client and the sandbox.
final class StoresEndToEndTests: XCTestCase {
    func testStoresWarehousesAndOpeningHoursMatchTheSandbox() async throws {
        let fixture = try EndToEndFixture()
        let result = try await fixture.run(RunRequest(selection: StageSelection(only: ["extract.stores", "transform.stores", "load.stores"])))
        XCTAssertTrue(result.succeeded, "\(result.manifest.stages.map { "\($0.name): \($0.error ?? $0.status.rawValue)" })")

        let omniumStores = fixture.sandbox.state.stores()
        let primary = omniumStores.filter { $0.isPrimaryStore == true }
        XCTAssertFalse(primary.isEmpty)
        let flow = try FlowDatabase(path: fixture.configuration.flowStorePath)
        try flow.read { db in
            let stores = try StoresTable.stores(in: db)
            XCTAssertEqual(stores.count, primary.count, "one Flow store per primary Omnium store")
            for omnium in primary {
                let uid = try XCTUnwrap(FlowUID.sanitize(omnium.id))
                let store = try XCTUnwrap(stores.first { $0.storeUid == uid }, "store \(omnium.id)")
                XCTAssertEqual(store.name, omnium.name)
                XCTAssertEqual(store.isActive, !(omnium.isInactive ?? false))
                XCTAssertEqual(store.city, omnium.address?.city)
                // Warehouses: itself when it is one, then availableWarehouses by priority.
                var expected: [String] = omnium.isWarehouse == true ? [uid] : []
                for entry in (omnium.availableWarehouses ?? []).sorted(by: { ($0.priority ?? .max) < ($1.priority ?? .max) }) {
                    if let code = entry.warehouseCode, let wuid = FlowUID.sanitize(code), !expected.contains(wuid) {
                        expected.append(wuid)
                    }
                }
                XCTAssertEqual(try StoresTable.warehouseUids(ofStore: uid, in: db), expected, "warehouses of \(omnium.id)")
                // Opening hours: one row per weekday Omnium gives, open days with HH:mm times.
                let hours = try StoresTable.openingHours(ofStore: uid, in: db)
                let monday = try XCTUnwrap(omnium.mondayOpeningHours)
                let flowMonday = try XCTUnwrap(hours.first { $0.weekday == 1 })
                XCTAssertEqual(flowMonday.isOpen, monday.isOpen == true && monday.openFrom != monday.openTo)
                if flowMonday.isOpen, let from = monday.openFrom {
                    XCTAssertEqual(flowMonday.openFrom, String(format: "%02d:%02d", from.hours, from.minutes))
                }
            }
        }

        // A second run with nothing changed in Omnium writes nothing to the Flow store.
        let again = try await fixture.run(RunRequest(selection: StageSelection(only: ["extract.stores", "transform.stores", "load.stores"])))
        XCTAssertEqual(again.manifest.entry(named: "load.stores")?.outcome?.rowsWritten, 0)
    }
}
