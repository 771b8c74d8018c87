import Foundation
import Omnium
import SQLite
import Staging

// MARK: - Reading a staged dataset page by page

extension RunStaging {
    /// Calls `body` with the rows of `dataset` in key order, about `size` at a time, each page read in
    /// its own short read.
    ///
    /// Why not `forEachRecord`: it holds the staging connection for the whole iteration, so a stage
    /// cannot write its output (or the Flow store cannot be written in step) until the end, and the
    /// whole output would have to wait in memory. Keyset paging (`key > last`) keeps one page in
    /// memory and lets the caller write between pages. When `grouped`, a page is extended until the
    /// group part of the key (before `CatalogueDatasets.groupSeparator`) changes, so the rows of one
    /// SKU or product document never straddle two pages.
    /// - Throws: `StagingError.payload` naming a row that does not decode; `SQLiteError`.
    func forEachPage<Record: Decodable>(_ dataset: String, as type: Record.Type, size: Int, grouped: Bool = false,
                                        decoder: JSONDecoder = RunStaging.makeDecoder(),
                                        fastRead: ((Data) -> Record?)? = nil,
                                        _ body: ([(key: String, record: Record)]) throws -> Void) throws {
        var after: String?
        while true {
            var rows = try read { db in
                try Self.rows(db, dataset: dataset, after: after, before: nil, limit: max(1, size))
            }
            guard let last = rows.last else { return }
            if grouped, rows.count == size, let separator = last.key.firstIndex(of: CatalogueDatasets.groupSeparator) {
                // Every key of the group sorts below "<group>\u{20}" (0x1F < 0x20).
                let bound = String(last.key[..<separator]) + "\u{20}"
                rows += try read { db in try Self.rows(db, dataset: dataset, after: last.key, before: bound, limit: nil) }
            }
            after = rows.last?.key
            let page = try rows.map { row -> (key: String, record: Record) in
                if let record = fastRead?(row.payload) { return (row.key, record) }
                do { return (row.key, try decoder.decode(Record.self, from: row.payload)) } catch {
                    throw StagingError.payload(dataset: dataset, key: row.key, reason: "cannot decode: \(error)")
                }
            }
            try body(page)
            if rows.count < size { return }
        }
    }

    /// ``forEachPage(_:as:size:grouped:_:)`` through the dataset's typed key. Records staged as Omnium
    /// sent them are read with their model's fast reader when it has one (``OmniumWireDecodable``), and
    /// with the dataset's decoder when that reader is not certain.
    func forEachPage<Record>(_ dataset: DatasetKey<Record>, size: Int, grouped: Bool = false,
                             _ body: ([(key: String, record: Record)]) throws -> Void) throws {
        var fastRead: ((Data) -> Record?)?
        if dataset.coding.name == DatasetCoding.omniumWire.name, let wire = Record.self as? any OmniumWireDecodable.Type {
            fastRead = { payload in wire.init(wireJSON: payload) as? Record }
        }
        try forEachPage(dataset.name, as: Record.self, size: size, grouped: grouped,
                        decoder: dataset.coding.makeDecoder(), fastRead: fastRead, body)
    }

    private static func rows(_ db: Database, dataset: String, after: String?, before: String?,
                             limit: Int?) throws -> [DatasetRow] {
        var sql = "SELECT key, payload FROM dataset_rows WHERE dataset = ?"
        var arguments: StatementArguments = [try storageName(db, dataset: dataset)]
        if let after { sql += " AND key > ?"; arguments.append(after) }
        if let before { sql += " AND key < ?"; arguments.append(before) }
        sql += " ORDER BY key"
        if let limit { sql += " LIMIT ?"; arguments.append(limit) }
        return try db.fetchAll(sql: sql, arguments: arguments).map {
            DatasetRow(key: try $0.decode("key"), payload: try $0.decode("payload"))
        }
    }
}
