// MARK: - StatementArguments

/// Positional arguments for `?` placeholders, written as an array literal: `[id, name, nil]`.
///
/// Why values are converted at construction: the arguments become plain ``DatabaseValue``s, so they
/// are `Sendable` and can travel inside a ``SQLiteError`` (redacted unless made public).
public struct StatementArguments: Sendable, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
    public var values: [DatabaseValue]

    public init() { values = [] }

    public init(_ values: [(any DatabaseValueConvertible)?]) {
        self.values = values.map { $0?.databaseValue ?? .null }
    }

    public init(values: [DatabaseValue]) { self.values = values }

    public init(arrayLiteral elements: (any DatabaseValueConvertible)?...) {
        self.init(elements)
    }

    public var isEmpty: Bool { values.isEmpty }
    public var count: Int { values.count }

    public mutating func append(_ value: (any DatabaseValueConvertible)?) {
        values.append(value?.databaseValue ?? .null)
    }

    public static func + (lhs: StatementArguments, rhs: StatementArguments) -> StatementArguments {
        StatementArguments(values: lhs.values + rhs.values)
    }

    public var description: String { "[" + values.map(\.description).joined(separator: ", ") + "]" }
}
