// MARK: - StatementCache

/// Prepared statements of one ``Database``, keyed by their SQL text.
///
/// Why: preparing is the costly part of a small statement; batch loops run the same SQL thousands
/// of times. A statement that failed a step is dropped (GRDB does the same), and one that is in
/// use (its rows are being iterated) is not handed out twice.
final class StatementCache {
    private var statements: [String: Statement] = [:]

    var count: Int { statements.count }

    func statement(sql: String, prepare: () throws -> Statement) throws -> Statement {
        if let cached = statements[sql] {
            if !cached.isInUse { return cached }
            return try prepare()        // re-entrant use of the same SQL: a private, uncached copy
        }
        let statement = try prepare()
        statement.cache = self
        statements[sql] = statement
        return statement
    }

    func remove(_ statement: Statement) {
        if statements[statement.sql] === statement {
            statements[statement.sql] = nil
        }
        statement.cache = nil
    }

    func removeAll() {
        for statement in statements.values { statement.cache = nil }
        statements.removeAll()
    }
}
