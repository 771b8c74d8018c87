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
