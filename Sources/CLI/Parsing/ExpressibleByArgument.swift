// MARK: - ExpressibleByArgument

/// A type an option or argument value can be converted to from its command-line text.
///
/// Why: conversion and the words of its error ("expected a whole number") live with the type, so
/// every option of that type parses and complains the same way.
/// Spec: swift-argument-parser `Parsable Types/ExpressibleByArgument.swift`.
public protocol ExpressibleByArgument: Sendable {
    /// `nil` when the text is not a valid value.
    init?(argument: String)
    /// What a valid value looks like, for errors: "a whole number".
    static var valueExpectation: String { get }
    /// The value as help shows it after "default:"; `nil` shows no default.
    var defaultValueDescription: String? { get }
    /// The value of an absent optional argument: `.some(nil)` for `Optional`, `nil` (required) otherwise.
    static var absentValue: Self? { get }
    /// Whether the option may be repeated, its values combined by `combine`.
    static var isRepeatable: Bool { get }
    /// The value of a repeated option from its occurrences (non-empty, in order).
    static func combine(_ values: [Self]) -> Self
}

extension ExpressibleByArgument {
    public var defaultValueDescription: String? { "\(self)" }
    public static var absentValue: Self? { nil }
    public static var isRepeatable: Bool { false }
    // swift-format-ignore: NeverForceUnwrap
    public static func combine(_ values: [Self]) -> Self { values.last! }
    static var isOptionalValue: Bool { absentValue != nil }
}

// MARK: - Conformances

extension String: ExpressibleByArgument {
    public init?(argument: String) { self = argument }
    public static var valueExpectation: String { "a text" }
}

extension Int: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var valueExpectation: String { "a whole number" }
}

extension UInt16: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var valueExpectation: String { "a whole number from 0 to 65535" }
}

extension UInt64: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var valueExpectation: String { "a non-negative whole number" }
}

extension Double: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Double(argument), value.isFinite else { return nil }
        self = value
    }
    public static var valueExpectation: String { "a number" }
}

extension Optional: ExpressibleByArgument where Wrapped: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Wrapped(argument: argument) else { return nil }
        self = .some(value)
    }
    public static var valueExpectation: String { Wrapped.valueExpectation }
    public var defaultValueDescription: String? { self?.defaultValueDescription }
    public static var absentValue: Self? { .some(nil) }
    public static var isRepeatable: Bool { Wrapped.isRepeatable }
    public static func combine(_ values: [Self]) -> Self {
        let present = values.compactMap { $0 }
        return present.isEmpty ? nil : Wrapped.combine(present)
    }
}

// MARK: - CommaSeparated

/// A list given as `a,b,c` (and, when the option repeats, across repetitions).
///
/// Why: `--only extract.stores,extract.products` reads naturally and is what shells pass through
/// unchanged; empty items are dropped.
public struct CommaSeparated: ExpressibleByArgument, Equatable {
    public var items: [String]

    public init(_ items: [String]) { self.items = items }

    public init?(argument: String) {
        let items = argument.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        guard !items.isEmpty else { return nil }
        self.items = items
    }

    public static var valueExpectation: String { "a comma-separated list" }
    public var defaultValueDescription: String? { items.isEmpty ? nil : items.joined(separator: ",") }
    public static var isRepeatable: Bool { true }
    public static func combine(_ values: [CommaSeparated]) -> CommaSeparated { CommaSeparated(values.flatMap(\.items)) }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
