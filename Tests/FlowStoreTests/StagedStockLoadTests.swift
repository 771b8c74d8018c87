import Foundation
import SQLite
import XCTest

@testable import FlowStore

/// The set-based stock load and reconciliation over an attached run staging database (issue 8): the
/// same rows and counts as the row-by-row upsert, and what a full read did not report, page by page.
final class StagedStockLoadTests: XCTestCase {
    private var folder: URL!
    private var flow: FlowDatabase!
    private var staging: DatabaseQueue!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("staged-stock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        flow = try FlowDatabase(path: folder.appendingPathComponent("flow.db").path)
        // The layout RunStaging writes: a row per product, keyed by its UID, under a storage name.
        staging = try DatabaseQueue(path: folder.appendingPathComponent("staging.db").path)
        try staging.write { db in
            try db.execute(sql: "CREATE TABLE dataset_rows (dataset TEXT NOT NULL, key TEXT NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (dataset, key)) WITHOUT ROWID")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Stages `levels` as `transform.inventory` does: one row per product, its levels' list written by the
    /// staging encoder (the hand-written list is compared with it below).
    private func stage(_ levels: [FlowStock], as storage: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let products = Dictionary(grouping: levels, by: \.productUid)
        try staging.write { db in
            try db.execute(sql: "DELETE FROM dataset_rows WHERE dataset = ?", arguments: [storage])
            for (productUid, levels) in products {
                try db.execute(sql: "INSERT INTO dataset_rows (dataset, key, payload) VALUES (?, ?, ?)", arguments: [
                    storage, productUid, try encoder.encode(levels.map(HashedRecord.init)),
                ])
            }
        }
    }

    /// Loads the staged levels in chunks of `chunkSize`, as `load.inventory` does.
    private func load(_ storage: String, chunkSize: Int) throws -> UpsertCounts {
        let staged = StagedKeys(storage: storage)
        return try flow.withStagingAttached(folder.appendingPathComponent("staging.db").path) { db in
            try StockTable.upsertStaged(staged, chunkSize: chunkSize, in: db)
        }
    }

    private func stored() throws -> [FlowStock] {
        try flow.read { db in
            try db.fetchAll(sql: "SELECT * FROM stock ORDER BY warehouse_uid, product_uid").map {
                FlowStock(warehouseUid: try $0.decode("warehouse_uid"), productUid: try $0.decode("product_uid"),
                          quantity: try $0.decode("quantity"), reserved: try $0.decode("reserved"))
            }
        }
    }

    func testStagedLevelsLoadInChunksWithTheRowByRowCountsAndHashes() throws {
        var levels = (0..<7).map { FlowStock(warehouseUid: $0 < 4 ? "W1" : "W2", productUid: "P\($0)", quantity: Int64($0) * 100, reserved: 50) }
        // Products with levels in several warehouses, across chunks of 3 products.
        levels += [FlowStock(warehouseUid: "W2", productUid: "P0", quantity: 5), FlowStock(warehouseUid: "W3", productUid: "P0", quantity: 6),
                   FlowStock(warehouseUid: "W1", productUid: "P5", quantity: -7, reserved: 2)]
        levels.sort { ($0.warehouseUid, $0.productUid) < ($1.warehouseUid, $1.productUid) }
        try stage(levels, as: "flow.stock#a")
        XCTAssertEqual(try load("flow.stock#a", chunkSize: 3), UpsertCounts(inserted: 10))
        XCTAssertEqual(try stored(), levels)

        var changed = levels
        changed[2].quantity = 999
        changed[2].available = changed[2].quantity - changed[2].reserved
        try stage(changed, as: "flow.stock#b")
        XCTAssertEqual(try load("flow.stock#b", chunkSize: 3), UpsertCounts(updated: 1, unchanged: 9))
        XCTAssertEqual(try stored(), changed)
        let hashes: [Int64] = try flow.read { db in
            try db.fetchAll(sql: "SELECT content_hash FROM stock ORDER BY warehouse_uid, product_uid").map { try $0.decode("content_hash") }
        }
        XCTAssertEqual(hashes, changed.map(\.contentHash.rawValue), "the hash the row-by-row writer compares with")

        // The same rows through the row-by-row writer change nothing.
        XCTAssertEqual(try flow.write { db in try StockTable.upsert(changed, in: db) }, UpsertCounts(unchanged: 10))
    }

    /// A warehouse with no stock row before the load has its levels inserted at once; one with stock takes
    /// the compared way. Counts, rows and the keys reported for a reconciliation are the same either way.
    func testLevelsOfAWarehouseWithoutStockAreInsertedAtOnceWithTheSameCountsAndReportedKeys() throws {
        let before = [FlowStock(warehouseUid: "W1", productUid: "P1", quantity: 100),
                      FlowStock(warehouseUid: "W1", productUid: "P2", quantity: 200)]
        XCTAssertEqual(try flow.write { db in try StockTable.upsert(before, in: db) }, UpsertCounts(inserted: 2))
        let levels = [FlowStock(warehouseUid: "W1", productUid: "P1", quantity: 100),   // unchanged
                      FlowStock(warehouseUid: "W1", productUid: "P2", quantity: 250),   // changed
                      FlowStock(warehouseUid: "W1", productUid: "P3", quantity: 300),   // new in a warehouse with stock
                      FlowStock(warehouseUid: "W2", productUid: "P1", quantity: 10),    // new warehouse
                      FlowStock(warehouseUid: "W2", productUid: "P2", quantity: 20),
                      FlowStock(warehouseUid: "W2", productUid: "P3", quantity: 30)]
        try stage(levels, as: "flow.stock#a")
        let (counts, reported) = try flow.withStagingAttached(folder.appendingPathComponent("staging.db").path) { db in
            try StockTable.withReportedKeys(in: db) {
                (try StockTable.upsertStaged(StagedKeys(storage: "flow.stock#a"), chunkSize: 2, reportingKeys: true, in: db),
                 try db.fetchAll(sql: "SELECT warehouse_uid || '/' || product_uid AS k FROM temp.reported_stock_keys ORDER BY k")
                    .map { try $0.decode("k") as String })
            }
        }
        XCTAssertEqual(counts, UpsertCounts(inserted: 4, updated: 1, unchanged: 1))
        XCTAssertEqual(try stored(), levels.sorted { ($0.warehouseUid, $0.productUid) < ($1.warehouseUid, $1.productUid) })
        XCTAssertEqual(reported, ["W1/P1", "W1/P2", "W1/P3", "W2/P1", "W2/P2", "W2/P3"])
        // Loaded again, every level is compared: nothing changes.
        XCTAssertEqual(try load("flow.stock#a", chunkSize: 2), UpsertCounts(unchanged: 6))
    }

    /// A product row in another shape than the writer's (whitespace, another member order) is read by
    /// `JSONDecoder` and loads the same; a row that is no list of levels stops the load naming the product.
    func testRowsInAnotherShapeLoadAndUnreadableRowsAreNamed() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        let levels = [FlowStock(warehouseUid: "W1", productUid: "P1", quantity: 300, reserved: 100),
                      FlowStock(warehouseUid: "W2", productUid: "P1", quantity: -5)]
        try staging.write { db in
            try db.execute(sql: "INSERT INTO dataset_rows (dataset, key, payload) VALUES (?, ?, ?)",
                           arguments: ["flow.stock", "P1", try encoder.encode(levels.map(HashedRecord.init))])
        }
        XCTAssertEqual(try load("flow.stock", chunkSize: 10), UpsertCounts(inserted: 2))
        XCTAssertEqual(try stored(), levels)

        try staging.write { db in
            try db.execute(sql: "INSERT INTO dataset_rows (dataset, key, payload) VALUES (?, ?, ?)",
                           arguments: ["flow.stock", "P2", Data(#"{"warehouseUid":"W1"}"#.utf8)])
        }
        XCTAssertThrowsError(try load("flow.stock", chunkSize: 10)) { error in
            XCTAssertTrue("\(error)".hasPrefix("staged stock of product 'P2' cannot be read: "), "\(error)")
        }
    }

    /// The rows a full read did not report, in the warehouses it covered, come page by page in key order
    /// (product, then warehouse) in one pass over all those warehouses.
    func testUnreportedNonZeroLevelsComePageByPage() throws {
        let levels = (0..<6).map { FlowStock(warehouseUid: "W1", productUid: "P\($0)", quantity: 100) }
        let others = [FlowStock(warehouseUid: "W3", productUid: "P1", quantity: 100),
                      FlowStock(warehouseUid: "W3", productUid: "P4", quantity: 100),
                      FlowStock(warehouseUid: "W2", productUid: "P7", quantity: 5)]
        try stage(levels + others, as: "flow.stock")
        _ = try load("flow.stock", chunkSize: 10)
        // P2 reported in another warehouse only: not reported in W1. W2 is not covered by the read.
        try stage([levels[1], levels[4], others[1], FlowStock(warehouseUid: "W2", productUid: "P2", quantity: 1)],
                  as: "flow.stock#a")
        let staged = StagedKeys(storage: "flow.stock#a")
        let pages = try flow.withStagingAttached(folder.appendingPathComponent("staging.db").path) { db in
            try StockTable.withReportedKeys(in: db) {
                _ = try StockTable.upsertStaged(staged, chunkSize: 2, reportingKeys: true, in: db)
                var pages: [[String]] = []
                var after: FlowStockKey?
                while true {
                    let page = try StockTable.unreportedNonZeroKeys(warehouseUids: ["W1", "W3"], after: after, limit: 2, in: db)
                    guard let last = page.last else { break }
                    pages.append(page.map { "\($0.productUid)@\($0.warehouseUid)" })
                    after = last
                }
                return pages
            }
        }
        XCTAssertEqual(pages, [["P0@W1", "P1@W3"], ["P2@W1", "P3@W1"], ["P5@W1"]])
        XCTAssertEqual(try flow.withStagingAttached(folder.appendingPathComponent("staging.db").path) { db in
            try StockTable.withReportedKeys(in: db) { try StockTable.unreportedNonZeroKeys(warehouseUids: [], after: nil, limit: 2, in: db) }
        }, [], "no warehouse covered, nothing to reconcile")
        let left: Int? = try flow.read { db in
            try db.fetchValue(sql: "SELECT count(*) FROM sqlite_temp_master WHERE name = 'reported_stock_keys'", as: Int.self)
        }
        XCTAssertEqual(left, 0, "the temporary key table is dropped afterwards")
    }

    /// The hand-written staged JSON of a level is the staging encoder's bytes exactly (sorted keys, slashes
    /// unescaped, escapes as the encoder writes them).
    func testHandWrittenStagedJSONIsTheEncodersBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var levels = [
            FlowStock(warehouseUid: "W1", productUid: "P-1", quantity: 0),
            FlowStock(warehouseUid: "Lager/Øst", productUid: "SKU 7/8 😀", quantity: -250, reserved: 1_200),
            FlowStock(warehouseUid: "W", productUid: "P", quantity: Int64.max, reserved: 0),
            FlowStock(warehouseUid: "W", productUid: "P", quantity: Int64.min / 2, reserved: Int64.min / 2 + 7),
            FlowStock(warehouseUid: "W\u{7F}", productUid: "", quantity: 100_000_000_000_000, reserved: -1),
        ]
        for text in ["a\"b", "a\\b", "a\nb", "a\u{01}b", "\u{08}\u{0C}\t\r\u{1F}", "\u{2028}"] {
            levels.append(FlowStock(warehouseUid: "W", productUid: text, quantity: 1))
            levels.append(FlowStock(warehouseUid: text, productUid: "P", quantity: 1))
        }
        for level in levels {
            let hashed = HashedRecord(level)
            XCTAssertEqual(String(decoding: hashed.stagedJSON, as: UTF8.self),
                           String(decoding: try encoder.encode(hashed), as: UTF8.self))
        }
        // A product's row: the list of its levels.
        for count in [0, 1, 2, levels.count] {
            let list = levels.prefix(count).map(HashedRecord.init)
            XCTAssertEqual(String(decoding: HashedRecord.stagedJSONList(list), as: UTF8.self),
                           String(decoding: try encoder.encode(list), as: UTF8.self))
        }
    }
}
