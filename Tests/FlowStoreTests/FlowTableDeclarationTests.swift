import Foundation
import SQLite
import XCTest

@testable import FlowStore

/// Each Flow table's writer declares the table's columns once; this checks every declaration against
/// the schema the migrations build, so insert, `SELECT *` decoding and the content hash column cannot
/// silently part ways.
final class FlowTableDeclarationTests: XCTestCase {
    func testEveryWriterDeclaresExactlyItsTablesColumns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flow-declarations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flow = try FlowDatabase(path: folder.appendingPathComponent("flow.db").path)
        XCTAssertEqual(Set(HashedRowWriter.declared.map(\.table)).count, HashedRowWriter.declared.count, "one writer per table")
        for writer in HashedRowWriter.declared {
            let declared = writer.keyColumns + writer.valueColumns + ["content_hash"]
            XCTAssertEqual(Set(declared).count, declared.count, "\(writer.table): a column declared twice")
            let schema: [String] = try flow.read { db in
                try db.fetchAll(sql: "SELECT name FROM pragma_table_info(?)", arguments: [writer.table])
                    .map { try $0.decode("name", as: String.self) }
            }
            XCTAssertFalse(schema.isEmpty, "\(writer.table) exists")
            XCTAssertEqual(Set(declared), Set(schema), "\(writer.table): declared columns differ from the table's")
        }
    }
}
