import Foundation
import SQLite
import Staging
import XCTest

/// An `omniflow.db` written by omniflow before migrations were named (commit 283ab01, steps counted in
/// `user_version`) opens with today's code, keeps its data, and gains only the steps added since.
final class LegacyControlDatabaseTests: XCTestCase {
    func testAControlDatabaseFromBeforeNamedMigrationsUpgradesInPlace() throws {
        let root = try makeTemporaryDirectory(self).appendingPathComponent("staging")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: legacyFixture("omniflow.db"), to: root.appendingPathComponent("omniflow.db"))

        let store = try ControlStore(root: root)
        XCTAssertEqual(try store.runs().count, 1)
        XCTAssertEqual(try store.watermarks().count, 8)
        // The old quarantine said nothing of kinds: its rows come through as withheld, with stable ids (a
        // product among them that in fact loaded leaves that row on its next transform).
        let quarantine = try store.openQuarantine()
        XCTAssertEqual(quarantine.count, 5)
        XCTAssertEqual(Set(quarantine.map(\.kind)), [.withheld])
        XCTAssertEqual(Set(quarantine.map(\.id)).count, 5)
        XCTAssertEqual(try store.quarantineIssue(id: quarantine[0].id), quarantine[0])
        XCTAssertEqual(try store.read { try ControlSchema.migrator.appliedMigrations($0) }.sorted(),
                       ControlSchema.migrator.migrations.map(\.name).sorted())
        XCTAssertEqual(try store.read { try $0.fetchValue(sql: "PRAGMA user_version", as: Int.self) },
                       DatabaseMigrator.namedSchemaUserVersion)
        // Opening again changes nothing.
        XCTAssertEqual(try ControlStore(root: root).runs().count, 1)
    }
}

/// A database file committed under Tests/Fixtures/legacy-283ab01 (made by `omniflow demo --products 20`
/// at commit 283ab01).
func legacyFixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/legacy-283ab01/\(name)")
}
