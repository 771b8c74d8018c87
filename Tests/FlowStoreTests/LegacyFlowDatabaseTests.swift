import FlowStore
import Foundation
import SQLite
import XCTest

/// A `flow.db` written by omniflow before migrations were named (commit 283ab01, steps counted in
/// `user_version`) opens with today's code, keeps its data, and gains only the steps added since.
final class LegacyFlowDatabaseTests: XCTestCase {
    func testAFlowStoreFromBeforeNamedMigrationsUpgradesInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-flow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("flow.db").path
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/legacy-283ab01/flow.db")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)

        let flow = try FlowDatabase(path: path)
        let counts = Dictionary(uniqueKeysWithValues: try flow.rowCounts().map { ($0.table, $0.count) })
        XCTAssertEqual(counts["stores"], 6)
        XCTAssertEqual(counts["products"], 41)
        XCTAssertEqual(counts["stock"], 183)
        XCTAssertEqual(counts["orders"], 72)
        XCTAssertEqual(counts["customers"], 56)
        let applied: [String] = try flow.read { db in
            try db.fetchAll(sql: "SELECT name FROM omniflow_migrations").map { try $0.decode("name") }
        }
        for legacy in ["stores.v1", "catalogue.v1", "purchase_orders.v1", "customers.v1", "orders.v1"] {
            XCTAssertTrue(applied.contains(legacy), "\(legacy) not recorded: \(applied)")
        }
        XCTAssertEqual(try flow.read { try $0.fetchValue(sql: "PRAGMA user_version", as: Int.self) },
                       DatabaseMigrator.namedSchemaUserVersion)
        // Stock is keyed by product, then warehouse ("catalogue.stock-by-product"), with every level kept.
        let keyColumns: [String] = try flow.read { db in
            try db.fetchAll(sql: "SELECT name FROM pragma_table_info('stock') WHERE pk > 0 ORDER BY pk")
                .map { try $0.decode("name") }
        }
        XCTAssertEqual(keyColumns, ["product_uid", "warehouse_uid"])
        let legacy = try Database(path: fixture.path, configuration: Database.Configuration(readOnly: true))
        let levels = "SELECT warehouse_uid, product_uid, quantity, reserved, available, content_hash FROM stock"
            + " ORDER BY warehouse_uid, product_uid"
        let text = { (rows: [Row]) in
            try rows.map { row in
                try ["warehouse_uid", "product_uid", "quantity", "reserved", "available", "content_hash"]
                    .map { (try row.decode($0) as DatabaseValue).description }.joined(separator: "|")
            }
        }
        let migrated = try text(try flow.read { try $0.fetchAll(sql: levels) })
        XCTAssertEqual(migrated.count, 183)
        XCTAssertEqual(migrated, try text(try legacy.fetchAll(sql: levels)))
        // Reopening applies nothing more and loses nothing.
        XCTAssertEqual(try FlowDatabase(path: path).rowCounts().map(\.count), try flow.rowCounts().map(\.count))
    }
}
