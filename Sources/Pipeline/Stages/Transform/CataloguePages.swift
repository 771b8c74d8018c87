import Dispatch
import FlowStore
import Foundation
import Omnium
import SQLite
import Staging

// MARK: - Reading a staged dataset page by page

extension RunStaging {
    /// Calls `body` with the rows of `dataset` in key order, decoded, about `size` at a time, each page read
    /// in its own short read; `prepare` turns a decoded page into what `body` writes.
    ///
    /// Why not `forEachRecord`: it holds the staging connection for the whole iteration, so a stage
    /// cannot write its output (or the Flow store cannot be written in step) until the end, and the
    /// whole output would have to wait in memory. Keyset paging (`key > last`) keeps a few pages in
    /// memory and lets the caller write between pages. When `grouped`, a page is extended until the
    /// group part of the key (before `CatalogueDatasets.groupSeparator`) changes, so the rows of one
    /// SKU or product document never straddle two pages.
    ///
    /// Why two steps: decoding and mapping a page is CPU work that touches no database, and writing the
    /// result is SQLite's. `prepare` (with the decoding) runs on a worker thread for the next page while
    /// `body` writes this one on the caller's thread, so a transform or load uses both cores. `body` still
    /// gets every page once, in key order; an error in either step ends the iteration at that page, as
    /// it would one page at a time.
    /// - Throws: `StagingError.payload` naming a row that does not decode; `SQLiteError`; what
    ///   `prepare` or `body` throw.
    func forEachPage<Record: Sendable, Prepared: Sendable>(
        _ dataset: DatasetKey<Record>, size: Int, grouped: Bool = false,
        prepare: @escaping @Sendable ([(key: String, record: Record)]) throws -> Prepared,
        _ body: (Prepared) throws -> Void
    ) throws {
        let size = max(1, size)
        let decode = Self.pageDecoder(dataset)
        let worker = DispatchQueue(label: "omniflow.staging.pages")
        // Whatever happens, no preparation outlives the iteration.
        defer { worker.sync {} }
        var after: String?
        var exhausted = false
        var current: PageWork<Prepared>?
        repeat {
            var next: PageWork<Prepared>?
            if !exhausted {
                let rows = try rawPage(dataset.name, after: after, size: size, grouped: grouped)
                after = rows.last?.key ?? after
                exhausted = rows.count < size
                if !rows.isEmpty { next = PageWork(on: worker) { try prepare(decode(rows)) } }
            }
            if let current { try body(current.value()) }
            current = next
        } while current != nil
    }

    /// ``forEachPage(_:size:grouped:prepare:_:)`` for a caller with nothing to prepare: the decoding still
    /// runs a page ahead.
    func forEachPage<Record: Sendable>(_ dataset: DatasetKey<Record>, size: Int, grouped: Bool = false,
                                       _ body: ([(key: String, record: Record)]) throws -> Void) throws {
        try forEachPage(dataset, size: size, grouped: grouped, prepare: { $0 }, body)
    }

    /// Decodes a page of `dataset`'s rows: records staged as Omnium sent them with their model's fast reader
    /// when it has one (``OmniumWireDecodable``), omniflow's own staged records with theirs
    /// (``StagedJSONDecodable``), and with the dataset's decoder when that reader is not certain or there is none.
    private static func pageDecoder<Record: Sendable>(
        _ dataset: DatasetKey<Record>
    ) -> @Sendable ([DatasetRow]) throws -> [(key: String, record: Record)] {
        let wire = dataset.coding.name == DatasetCoding.omniumWire.name ? Record.self as? any OmniumWireDecodable.Type : nil
        let staged = dataset.coding.name == DatasetCoding.staging.name ? Record.self as? any StagedJSONDecodable.Type : nil
        let (name, coding) = (dataset.name, dataset.coding)
        return { rows in
            let decoder = coding.makeDecoder()
            return try rows.map { row -> (key: String, record: Record) in
                if let record = wire?.init(wireJSON: row.payload) as? Record { return (row.key, record) }
                if let record = staged?.init(stagedJSON: row.payload) as? Record { return (row.key, record) }
                do { return (row.key, try decoder.decode(Record.self, from: row.payload)) } catch {
                    throw StagingError.payload(dataset: name, key: row.key, reason: "cannot decode: \(error)")
                }
            }
        }
    }

    /// The next page's rows after `after`: `size` of them, extended to the end of the last row's group when
    /// `grouped`.
    private func rawPage(_ dataset: String, after: String?, size: Int, grouped: Bool) throws -> [DatasetRow] {
        // The input is published, so it is read beside the writer: the other stage's writes do not hold it up.
        var rows = try readBesideWriter { db in try Self.rows(db, dataset: dataset, after: after, before: nil, limit: size) }
        if grouped, rows.count == size, let last = rows.last,
           let separator = last.key.firstIndex(of: CatalogueDatasets.groupSeparator) {
            // Every key of the group sorts below "<group>\u{20}" (0x1F < 0x20).
            let bound = String(last.key[..<separator]) + "\u{20}"
            rows += try readBesideWriter { db in
                try Self.rows(db, dataset: dataset, after: last.key, before: bound, limit: nil)
            }
        }
        return rows
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

/// One page's preparation, running on the worker queue of ``RunStaging/forEachPage(_:size:grouped:prepare:_:)``;
/// ``value()`` waits for it.
private final class PageWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once on the worker before `finished` is signalled, read only after waiting for it.
    private var result: Result<Value, any Error>?

    init(on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> Value) {
        queue.async {
            self.result = Result(catching: work)
            self.finished.signal()
        }
    }

    func value() throws -> Value {
        finished.wait()
        guard let result else { preconditionFailure("page work signalled without a result") }
        return try result.get()
    }
}
