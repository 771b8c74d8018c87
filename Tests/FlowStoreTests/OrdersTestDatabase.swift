import Foundation
import SQLite
import XCTest
import FlowStore

/// A fresh `flow.db` in its own temporary folder with the order, PO and customer tables migrated.
func makeOrdersTestDatabase(_ testCase: XCTestCase) throws -> Database {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("omniflow-orders-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    let db = try Database(path: folder.appendingPathComponent("flow.db").path)
    var migrator = DatabaseMigrator()
    for migration in PurchaseOrdersTable.migrations + OrdersTable.migrations + CustomersTable.migrations {
        migrator.registerMigration(migration.name) { try $0.executeScript(migration.sql) }
    }
    try migrator.migrate(db)
    return db
}
