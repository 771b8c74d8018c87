import Foundation
import SQLite

// MARK: - HashedRowWriter

/// Writes one row only when its content hash differs from the stored one, and says which it did.
///
/// Why read-then-write instead of `ON CONFLICT … WHERE`: the caller needs to tell an insert from
/// an update for the manifest figures, and both statements come from the statement cache, so the
/// extra indexed look-up costs little next to a page write saved. Used by every table group (stores,
/// catalogue, purchase orders, orders, customers).
struct HashedRowWriter {
    let table: String
    /// Primary-key columns, in order.
    let keyColumns: [String]
    /// Every other column except `content_hash`, in order.
    let valueColumns: [String]

    enum Outcome { case inserted, updated, unchanged }

    /// The three statements, built once: the cache finds them by text, and building the text for
    /// every row cost more than the look-up it saved (issue 8).
    private let selectSQL: String
    private let updateSQL: String
    private let insertSQL: String
    private let insertIfAbsentSQL: String
    private let storedKeysSQL: String

    init(table: String, keyColumns: [String], valueColumns: [String]) {
        self.table = table
        self.keyColumns = keyColumns
        self.valueColumns = valueColumns
        let whereKey = keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
        selectSQL = "SELECT content_hash FROM \(table) WHERE \(whereKey)"
        let assignments = (valueColumns + ["content_hash"]).map { "\($0) = ?" }.joined(separator: ", ")
        updateSQL = "UPDATE \(table) SET \(assignments) WHERE \(whereKey)"
        let columns = keyColumns + valueColumns + ["content_hash"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        insertSQL = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        // DO NOTHING on a key conflict only: a NOT NULL or CHECK failure still fails (`OR IGNORE` would hide it).
        insertIfAbsentSQL = insertSQL + " ON CONFLICT DO NOTHING"
        storedKeysSQL = "SELECT \(keyColumns[0]) FROM \(table) WHERE \(keyColumns[0]) IN (SELECT value FROM json_each(?))"
    }

    /// Inserts or updates the row with `key` and `values` (in the declared column order).
    func write(key: [(any DatabaseValueConvertible)?], values: [(any DatabaseValueConvertible)?],
               hash: ContentHash, in db: Database) throws -> Outcome {
        // A record's values and its table's declared columns come from two lists; a mismatch is a
        // programming error that every table test reaches, never bad input.
        precondition(key.count == keyColumns.count && values.count == valueColumns.count,
                     "\(table): \(values.count) values for \(valueColumns.count) declared columns")
        // Bound value by value (no argument arrays), the stored hash read by column: this runs once per row of
        // every load.
        func bindKey(_ bindings: inout StatementBindings) { for value in key { bindings.bind(value) } }
        func bindValues(_ bindings: inout StatementBindings) {
            for value in values { bindings.bind(value) }
            bindings.bind(hash.rawValue)
        }
        var stored: Int64?
        try db.cachedStatement(sql: selectSQL).execute(bindKey) { row in stored = row.int64(0) }
        if let stored {
            if stored == hash.rawValue { return .unchanged }
            try db.cachedStatement(sql: updateSQL).execute { bindings in
                bindValues(&bindings)
                bindKey(&bindings)
            }
            return .updated
        }
        try db.cachedStatement(sql: insertSQL).execute { bindings in
            bindKey(&bindings)
            bindValues(&bindings)
        }
        return .inserted
    }

    /// Inserts the row unless its key is taken, without looking first: true when it inserted. For a caller
    /// that knows the key was absent a moment ago (``storedKeys(among:in:)``); false sends it the compared way
    /// (``write(key:values:hash:in:)``), e.g. for a key its own batch wrote twice.
    func insertIfAbsent(key: [(any DatabaseValueConvertible)?], values: [(any DatabaseValueConvertible)?],
                        hash: ContentHash, in db: Database) throws -> Bool {
        precondition(key.count == keyColumns.count && values.count == valueColumns.count,
                     "\(table): \(values.count) values for \(valueColumns.count) declared columns")
        try db.cachedStatement(sql: insertIfAbsentSQL).execute { bindings in
            for value in key { bindings.bind(value) }
            for value in values { bindings.bind(value) }
            bindings.bind(hash.rawValue)
        }
        return db.changesCount == 1
    }

    /// Which of `keys` (of a table with a one-column key) have a row, asked in one statement instead of one
    /// look-up per key: the keys go in as one JSON list (`json_each`), as elsewhere in the Flow store.
    func storedKeys(among keys: [String], in db: Database) throws -> Set<String> {
        precondition(keyColumns.count == 1, "\(table): a batch look-up needs a one-column key")
        guard !keys.isEmpty else { return [] }
        var stored = Set<String>()
        try db.cachedStatement(sql: storedKeysSQL)
            .execute({ $0.bind(String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)) }) { row in
                stored.insert(row.text(0) ?? "")
            }
        return stored
    }
}

extension UpsertCounts {
    mutating func record(_ outcome: HashedRowWriter.Outcome) {
        switch outcome {
        case .inserted: inserted += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
    }
}
