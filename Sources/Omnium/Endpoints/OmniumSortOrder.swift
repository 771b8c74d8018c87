import Foundation

// MARK: - Sort orders

/// Omnium's `sortOrder` values used by the integration (free strings on the wire).
///
/// Delta queries always use `modifiedAscending` with `modifiedFrom = mark` (inclusive), so a run
/// that stops half-way can advance its mark to the last persisted `modified` and resume.
/// Spec: omnium-contract.md §3.
public enum OmniumSortOrder {
    public static let modifiedAscending = "ModifiedAscending"
    public static let modifiedDescending = "ModifiedDescending"
    public static let createdAscending = "CreatedAscending"
    public static let createdDescending = "CreatedDescending"
}
