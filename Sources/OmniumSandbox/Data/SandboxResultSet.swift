import Foundation
import Omnium

/// The matches of one query, in their final order, fetched by position.
///
/// Why not an array: a full product, price or stock query over a 100,000-product catalogue would
/// materialise millions of records. The set keeps keys only and builds elements when a page or a
/// scroll batch asks for them, from a snapshot taken when the query ran (scroll snapshot semantics).
public struct SandboxResultSet<Element: Sendable>: Sendable {
    public let count: Int
    private let fetch: @Sendable (Range<Int>) -> [Element]

    /// A set over values already in memory.
    public init(_ elements: [Element]) {
        count = elements.count
        fetch = { Array(elements[$0]) }
    }

    init(count: Int, fetch: @escaping @Sendable (Range<Int>) -> [Element]) {
        self.count = count
        self.fetch = fetch
    }

    /// The elements at `range`, clamped to the set.
    public func elements(in range: Range<Int>) -> [Element] {
        let lower = min(max(range.lowerBound, 0), count)
        let upper = min(max(range.upperBound, lower), count)
        return lower == upper ? [] : fetch(lower..<upper)
    }

    /// Every element (small sets and tests).
    public var all: [Element] { elements(in: 0..<count) }
}

/// `sortOrder` of the search bodies. Unknown values are a 400 (Sandbox choice).
///
/// Spec: omnium-contract.md §3.
public enum SandboxSortOrder: String, Sendable, CaseIterable {
    case modifiedAscending = "ModifiedAscending"
    case modifiedDescending = "ModifiedDescending"
    case createdAscending = "CreatedAscending"
    case createdDescending = "CreatedDescending"

    /// Parses a sort order case-insensitively; nil text gives `fallback`; unknown text throws.
    public static func parse(_ text: String?, default fallback: SandboxSortOrder) throws -> SandboxSortOrder {
        guard let text = text.nonEmpty else { return fallback }
        guard let order = allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame }) else {
            throw SandboxQueryError.badRequest("Unknown sortOrder '\(text)'")
        }
        return order
    }

    /// Sorts records by (date, id) in this order.
    func sorted<T>(_ items: [T], modified: (T) -> Date?, created: (T) -> Date?, id: (T) -> String) -> [T] {
        let byModified = self == .modifiedAscending || self == .modifiedDescending
        let ascending = self == .modifiedAscending || self == .createdAscending
        return items.map { ((byModified ? modified($0) : created($0)) ?? .distantPast, id($0), $0) }
            .sorted { a, b in
                if a.0 != b.0 { return ascending ? a.0 < b.0 : a.0 > b.0 }
                return ascending ? a.1 < b.1 : a.1 > b.1
            }
            .map(\.2)
    }
}

/// A query the sandbox refuses (rendered as 400 with the message as Omnium's string body).
public enum SandboxQueryError: Error, Equatable, CustomStringConvertible {
    case badRequest(String)

    public var description: String {
        switch self { case .badRequest(let message): return message }
    }
}
