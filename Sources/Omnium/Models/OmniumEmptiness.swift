import Foundation

// Client rule: treat `null`, `""` and `[]` alike (omnium-contract.md §1). These helpers fold the
// three spellings into one so mapping code never checks all of them by hand.

extension Collection {
    /// `nil` when empty, else the value.
    public var nonEmpty: Self? { isEmpty ? nil : self }
}

extension Optional where Wrapped: Collection {
    /// `nil` when absent or empty, else the value.
    public var nonEmpty: Wrapped? {
        switch self {
        case .some(let value) where !value.isEmpty: return value
        default: return nil
        }
    }

    /// True when absent or empty.
    public var isNilOrEmpty: Bool { nonEmpty == nil }
}

extension Optional where Wrapped: RangeReplaceableCollection {
    /// The value, or an empty collection when absent.
    public var orEmpty: Wrapped { self ?? Wrapped() }
}
