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
