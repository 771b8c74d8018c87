import FlowStore
import Foundation
import Omnium
import Pipeline
import Staging
import XCTest

/// The full reconciliation of prices and stock (`OMNIFLOW_FULL_RECONCILIATION_HOURS`) against the
/// scripted Omnium: deletions in Omnium reach Flow on a full read only, never on a delta, never in a
/// Flow-master warehouse, and never from a full read that returned nothing.
final class CatalogueReconciliationTests: XCTestCase {

    // MARK: - Fixture

    func makeFixture(hours: Int = 24) throws -> CatalogueFixture {
        let fixture = try CatalogueFixture { configuration in
            configuration.flowStockMaster = ["bergen": true]
            configuration.fullReconciliationHours = hours
        }
        CatalogueStagesTests.seed(fixture.omnium)
        // Flow's own stock in the Flow-master store, which no run may touch.
        try fixture.flow.write { db in
            _ = try StockTable.upsert([FlowStock(warehouseUid: "bergen", productUid: "SKU-1", quantity: 700),
                                       FlowStock(warehouseUid: "bergen", productUid: "SKU-9", quantity: 40)], in: db)
        }
        return fixture
    }

    func hatPrices(_ fixture: CatalogueFixture) throws -> [FlowPrice] {
        try fixture.flow.read { try PricesTable.fetchPrices(priceListUid: "main", productUid: "SKU-2", in: $0) }
    }

    func stock(_ fixture: CatalogueFixture, _ warehouse: String, _ product: String) throws -> FlowStock? {
        try fixture.flow.read { try StockTable.fetch(warehouseUid: warehouse, productUid: product, in: $0) }
    }

    // MARK: - Prices

    func testDeletedPriceStaysAfterADeltaAndGoesOnTheNextFullRead() async throws {
        let fixture = try makeFixture()
        try await fixture.run()
        XCTAssertEqual(try hatPrices(fixture).map(\.price), [19900])
        let firstFull = try XCTUnwrap(fixture.control.watermark(for: CatalogueStreams.pricesFull)?.value)

        fixture.omnium.prices.removeAll { $0.code == "SKU-2" }
        let delta = try await fixture.run()
        XCTAssertEqual(try hatPrices(fixture).map(\.price), [19900], "a delta never sees a deletion")
        XCTAssertFalse(delta.notes("load.prices").contains { $0.contains("reconciled") }, "\(delta.notes("load.prices"))")
        XCTAssertEqual(try fixture.control.watermark(for: CatalogueStreams.pricesFull)?.value, firstFull)

        fixture.clock.advance(by: 24 * 3_600)
        let full = try await fixture.run()
        XCTAssertEqual(try hatPrices(fixture), [], "Omnium no longer prices SKU-2")
        XCTAssertTrue(full.notes("load.prices").contains("reconciled: 1 prices removed (1 price list/product pairs)"),
                      "\(full.notes("load.prices"))")
        XCTAssertTrue(full.notes("extract.prices").contains("full read (reconciliation)"), "\(full.notes("extract.prices"))")
        XCTAssertEqual(full.written("load.prices"), 1, "\(full.notes("load.prices"))")
        XCTAssertEqual(try fixture.flow.read {
            try PricesTable.fetchPrices(priceListUid: "main", productUid: "SKU-1", in: $0)
        }.count, 3, "prices Omnium still has stay")
        XCTAssertNotEqual(try fixture.control.watermark(for: CatalogueStreams.pricesFull)?.value, firstFull)
    }

    // MARK: - Stock

    func testStockMissingFromAFullReadBecomesZeroOnlyInOmniumMasterWarehouses() async throws {
        let fixture = try makeFixture()
        try await fixture.run()
        XCTAssertEqual(try stock(fixture, "oslo", "SKU-1")?.quantity, 1000)

        fixture.omnium.inventory.removeAll { $0.sku == "SKU-1" }   // gone from oslo and (Flow-master) bergen
        try await fixture.run()
        XCTAssertEqual(try stock(fixture, "oslo", "SKU-1")?.quantity, 1000, "a delta never sees a deletion")

        fixture.clock.advance(by: 24 * 3_600)
        let full = try await fixture.run()
        XCTAssertEqual(try stock(fixture, "oslo", "SKU-1"),
                       FlowStock(warehouseUid: "oslo", productUid: "SKU-1", quantity: 0, reserved: 0),
                       "the row stays, its level is 0")
        XCTAssertEqual(try stock(fixture, "oslo-lager", "SKU-2")?.quantity, 300, "items Omnium still has stay")
        XCTAssertEqual(try stock(fixture, "bergen", "SKU-1")?.quantity, 700, "Flow-master stock is never touched")
        XCTAssertEqual(try stock(fixture, "bergen", "SKU-9")?.quantity, 40, "Flow-master stock is never touched")
        XCTAssertTrue(full.notes("load.inventory").contains("reconciled: 1 stock rows zeroed"),
                      "\(full.notes("load.inventory"))")
        XCTAssertEqual(full.written("load.inventory"), 1, "\(full.notes("load.inventory"))")

        // The next full read finds nothing more to zero.
        fixture.clock.advance(by: 24 * 3_600)
        let next = try await fixture.run()
        XCTAssertTrue(next.notes("load.inventory").contains("reconciled: 0 stock rows zeroed"),
                      "\(next.notes("load.inventory"))")
    }

    /// A first load into warehouses without stock looks for nothing to zero; stock Flow already had in an
    /// Omnium-master warehouse (an earlier integration, a restored store) is reconciled on the first load too.
    func testFirstLoadZeroesOnlyStockThatWasThereBefore() async throws {
        let empty = try makeFixture()
        let first = try await empty.run()
        XCTAssertTrue(first.notes("load.inventory").contains("reconciled: 0 stock rows zeroed (no stock in these warehouses before this load)"),
                      "\(first.notes("load.inventory"))")
        XCTAssertEqual(try stock(empty, "oslo", "SKU-1")?.quantity, 1000)

        let earlier = try makeFixture()
        try earlier.flow.write { db in
            _ = try StockTable.upsert([FlowStock(warehouseUid: "oslo", productUid: "SKU-OLD", quantity: 5)], in: db)
        }
        let load = try await earlier.run()
        XCTAssertTrue(load.notes("load.inventory").contains("reconciled: 1 stock rows zeroed"), "\(load.notes("load.inventory"))")
        XCTAssertEqual(try stock(earlier, "oslo", "SKU-OLD"),
                       FlowStock(warehouseUid: "oslo", productUid: "SKU-OLD", quantity: 0, reserved: 0))
        XCTAssertEqual(try stock(earlier, "oslo", "SKU-1")?.quantity, 1000)
        XCTAssertEqual(try stock(earlier, "bergen", "SKU-9")?.quantity, 40, "Flow-master stock is never touched")
    }

    // MARK: - Safety

    func testAnEmptyFullReadRemovesNothingAndIsReadWholeAgain() async throws {
        let fixture = try makeFixture(hours: 0)
        try await fixture.run()
        let pricesFull = try fixture.control.watermark(for: CatalogueStreams.pricesFull)?.value
        let stockFull = try fixture.control.watermark(for: CatalogueStreams.inventoryFull)?.value
        XCTAssertNotNil(pricesFull)
        XCTAssertNotNil(stockFull)

        fixture.omnium.prices = []
        fixture.omnium.inventory = []
        let manifest = try await fixture.run()
        XCTAssertEqual(try hatPrices(fixture).map(\.price), [19900])
        XCTAssertEqual(try stock(fixture, "oslo", "SKU-1")?.quantity, 1000)
        XCTAssertEqual(try stock(fixture, "oslo-lager", "SKU-2")?.quantity, 300)
        for stage in ["load.prices", "load.inventory"] {
            XCTAssertTrue(manifest.notes(stage).contains { $0.hasPrefix("full read returned nothing; reconciliation skipped") },
                          "\(stage): \(manifest.notes(stage))")
            XCTAssertEqual(manifest.written(stage), 0, "\(stage): \(manifest.notes(stage))")
        }
        XCTAssertEqual(try fixture.control.watermark(for: CatalogueStreams.pricesFull)?.value, pricesFull,
                       "a refused reconciliation does not count as a full read")
        XCTAssertEqual(try fixture.control.watermark(for: CatalogueStreams.inventoryFull)?.value, stockFull)
    }

    // MARK: - Full-read time

    func testFullReadTimeMovesOnlyAfterTheLoad() async throws {
        let fixture = try makeFixture(hours: 0)
        try await fixture.run()
        let before = try XCTUnwrap(fixture.control.watermark(for: CatalogueStreams.pricesFull)?.value)
        XCTAssertEqual(before, OmniumDateFormat.string(from: fixture.clock.now))

        fixture.omnium.prices.removeAll { $0.code == "SKU-2" }
        fixture.clock.advance(by: 3_600)
        // Extract and transform only: the load does not run, so neither Flow nor the time may change.
        let partial = try await StageRunner(stages: [ExtractPrices(), TransformPrices()], environment: fixture.environment)
            .run(RunRequest())
        XCTAssertTrue(partial.succeeded)
        XCTAssertEqual(try fixture.control.watermark(for: CatalogueStreams.pricesFull)?.value, before)
        XCTAssertEqual(try hatPrices(fixture).map(\.price), [19900])

        try await fixture.run()
        XCTAssertEqual(try hatPrices(fixture), [])
        XCTAssertEqual(try fixture.control.watermark(for: CatalogueStreams.pricesFull)?.value,
                       OmniumDateFormat.string(from: fixture.clock.now))
    }
}
