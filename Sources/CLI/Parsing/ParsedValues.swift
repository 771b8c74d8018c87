// MARK: - ParsedValues

/// The words the parser matched to a command's declarations, converted on request.
///
/// Why: commands build themselves from it in `init(_:)` using the same declaration values the help
/// reads, so an option cannot be parsed under one name and documented under another.
public struct ParsedValues: Sendable, Equatable {
    /// Raw words per `ArgumentDefinition.key`, in command-line order.
    var raw: [String: [String]]

    init(raw: [String: [String]] = [:]) {
        self.raw = raw
    }

    // MARK: - Typed access

    /// The option's value, or its default when absent.
    /// - Throws: `CommandLineError.invalidValue` when the text does not convert.
    public func get<Value>(_ option: Option<Value>) throws -> Value {
        guard let words = raw[option.definition.key], !words.isEmpty else { return option.defaultValue }
        return Value.combine(try words.map { try convert($0, Value.self, option.definition) })
    }

    /// Whether the flag was given.
    public func get(_ flag: Flag) -> Bool {
        raw[flag.definition.key] != nil
    }

    /// The positional's value (`nil`/absent only for an `Optional` value type; the parser enforces
    /// required ones).
    public func get<Value>(_ positional: Positional<Value>) throws -> Value {
        guard let word = raw[positional.definition.key]?.first else {
            if let absent = Value.absentValue { return absent }
            throw CommandLineError.missingArgument(positional.definition.displayName)
        }
        return try convert(word, Value.self, positional.definition)
    }

    /// Every word given for a repeating positional.
    public func get(_ list: PositionalList) -> [String] {
        raw[list.definition.key] ?? []
    }

    private func convert<Value: ExpressibleByArgument>(
        _ word: String, _ type: Value.Type, _ definition: ArgumentDefinition
    ) throws -> Value {
        if !definition.allowedValues.isEmpty, !definition.allowedValues.contains(word) {
            throw CommandLineError.invalidValue(
                argument: definition.displayName, value: word,
                expected: "one of " + definition.allowedValues.joined(separator: ", "))
        }
        guard let value = Value(argument: word) else {
            throw CommandLineError.invalidValue(argument: definition.displayName, value: word, expected: Value.valueExpectation)
        }
        return value
    }
}
