import Foundation
import SQLite
import Staging
import XCTest

/// Issue 10: the control database, run staging and their folders hold personal data and are created
/// readable by their owner alone, whatever the umask.
final class PrivateFilesTests: XCTestCase {
    func mode(_ url: URL) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    func testDatabasesAre0600AndFolders0700UnderAPermissiveUmask() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let root = try makeTemporaryDirectory(self).appendingPathComponent("staging")
        let control = try ControlStore(root: root)
        _ = try RunStaging(root: root, runID: "r1")
        XCTAssertEqual(try mode(root), 0o700)
        XCTAssertEqual(try mode(control.databaseURL), 0o600)
        XCTAssertEqual(try mode(root.appendingPathComponent("runs/r1")), 0o700)
        XCTAssertEqual(try mode(root.appendingPathComponent("runs/r1/staging.db")), 0o600)
        let plain = try Database(path: root.appendingPathComponent("other.db").path)
        try plain.execute(sql: "CREATE TABLE t (x)")
        XCTAssertEqual(try mode(root.appendingPathComponent("other.db")), 0o600)
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("other.db-wal").path) {
            XCTAssertEqual(try mode(root.appendingPathComponent("other.db-wal")), 0o600)
        }
    }
}
