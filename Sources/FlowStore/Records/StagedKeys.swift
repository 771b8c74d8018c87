import SQLite

/// The keys of one dataset of a run's staging database attached as schema `staging`
/// (``FlowDatabase/withStagingAttached(_:_:)``): the rows of `staging.dataset_rows` whose `dataset` is
/// `storage`, each keyed `<group>\u{1F}<rest>` (Staging's `CatalogueDatasets.key(group:_:)`).
///
/// Why here: a full read's reconciliation asks "which Flow rows did the read not yield?". Answering it
/// in SQL, as `NOT EXISTS` against the staged keys, keeps no set of every key in memory (3 M stock rows
/// at 100,000 products × 20 stores) and lets SQLite do the join.
public struct StagedKeys: Sendable {
    static let schema = "staging"
    /// Where the dataset's rows are in `dataset_rows` (`RunStaging.storageName`).
    public var storage: String

    public init(storage: String) { self.storage = storage }

    /// `NOT EXISTS` clause: no staged row keyed `<group>\u{1F}<rest>`; binds ``storage`` once.
    func notStaged(group: String, rest: String) -> String {
        "NOT EXISTS (SELECT 1 FROM \(Self.schema).dataset_rows r WHERE r.dataset = ? AND r.key = \(group) || char(31) || \(rest))"
    }
}

extension StagedKeys {
    /// The key `offset` rows after `after` (from the first when nil), in key order: where a chunk of
    /// a set-based load ends; nil when fewer rows are left.
    public func key(after: String?, offset: Int, in db: Database) throws -> String? {
        // `key > ''` rather than `? IS NULL OR key > ?`: an OR would keep SQLite from seeking the
        // index, and every chunk would scan the dataset from its start (keys are never empty).
        try db.cachedStatement(sql: """
            SELECT key FROM \(Self.schema).dataset_rows WHERE dataset = ? AND key > ? ORDER BY key LIMIT 1 OFFSET ?
            """).fetchOne(arguments: [storage, after ?? "", offset])?["key"]
    }

    /// The arguments of a query over the staged rows with keys in (`after`, `through`] (`through` nil = to the
    /// end): `dataset = ? AND key > ?[ AND key <= ?]`.
    func chunkArguments(after: String?, through: String?) -> StatementArguments {
        through.map { [storage, after ?? "", $0] } ?? [storage, after ?? ""]
    }
}
