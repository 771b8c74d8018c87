// MARK: - UpsertCounts

/// What an upsert did: rows inserted, rows rewritten because their content hash changed, rows
/// left alone, and (for child tables replaced as a set) rows deleted.
///
/// Shared by every FlowStore table group so the load stage can sum them into the run manifest.
/// Spec: docs/CONTRACTS.md (FlowStore "Tables"), DESIGN.md "load".
public struct UpsertCounts: Hashable, Sendable, CustomStringConvertible {
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    public var deleted: Int

    public init(inserted: Int = 0, updated: Int = 0, unchanged: Int = 0, deleted: Int = 0) {
        self.inserted = inserted
        self.updated = updated
        self.unchanged = unchanged
        self.deleted = deleted
    }

    /// Rows written (inserted + updated + deleted).
    public var written: Int { inserted + updated + deleted }

    public static func + (lhs: UpsertCounts, rhs: UpsertCounts) -> UpsertCounts {
        UpsertCounts(inserted: lhs.inserted + rhs.inserted, updated: lhs.updated + rhs.updated,
                     unchanged: lhs.unchanged + rhs.unchanged, deleted: lhs.deleted + rhs.deleted)
    }

    public static func += (lhs: inout UpsertCounts, rhs: UpsertCounts) { lhs = lhs + rhs }

    public var description: String {
        "inserted \(inserted), updated \(updated), unchanged \(unchanged)" + (deleted > 0 ? ", deleted \(deleted)" : "")
    }
}
