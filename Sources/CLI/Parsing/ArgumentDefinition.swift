// MARK: - ArgumentDefinition

/// One declared option, flag or positional argument, as both the parser and the help read it.
///
/// Why: usage and help text are generated from these values, so they cannot drift from what the
/// parser accepts (no hand-written usage anywhere).
/// Spec: STYLE.md §2; swift-argument-parser `Parsing/ArgumentDefinition.swift`.
public struct ArgumentDefinition: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case option
        case flag
        case positional
    }

    public var kind: Kind
    /// Long name without dashes (`config` for `--config`); `nil` for positionals.
    public var longName: String?
    public var shortName: Character?
    /// `path` in `--config <path>`, `run-id` in `<run-id>`.
    public var valueName: String
    public var help: String
    /// Shown as "(default: …)".
    public var defaultDescription: String?
    /// Shown as "(values: …)".
    public var allowedValues: [String]
    /// Whether the parser demands it.
    public var isRequired: Bool
    /// Positional taking every remaining word; option accumulating repetitions.
    public var isRepeating: Bool

    /// The key values are stored under.
    var key: String { longName ?? "<\(valueName)>" }

    /// `--config`, `<run-id>`.
    var displayName: String { longName.map { "--\($0)" } ?? "<\(valueName)>" }

    /// `-q, --quiet`, `--config <path>`, `<run-id>` as the help's left column shows it.
    var helpLabel: String {
        switch kind {
        case .positional:
            return isRepeating ? "<\(valueName)> ..." : "<\(valueName)>"
        case .flag, .option:
            var label = shortName.map { "-\($0), " } ?? ""
            label += "--\(longName ?? "")"
            if kind == .option { label += " <\(valueName)>" }
            return label
        }
    }

    /// How the usage line shows it: `[--json]`, `[--from <stage>]`, `<name>`, `[<words> ...]`.
    var usageSynopsis: String {
        switch kind {
        case .positional:
            let core = isRepeating ? "<\(valueName)> ..." : "<\(valueName)>"
            return isRequired ? core : "[\(core)]"
        case .flag:
            return "[--\(longName ?? "")]"
        case .option:
            let core = "--\(longName ?? "") <\(valueName)>"
            return isRequired ? core : "[\(core)]"
        }
    }
}

// MARK: - Typed declarations

/// An option with a value: `--from <stage>`. `Value` may be `Optional` (no default).
public struct Option<Value: ExpressibleByArgument>: Sendable {
    public let definition: ArgumentDefinition
    public let defaultValue: Value

    public init(
        _ longName: String, short: Character? = nil, valueName: String, help: String,
        default defaultValue: Value, allowedValues: [String] = []
    ) {
        self.defaultValue = defaultValue
        self.definition = ArgumentDefinition(
            kind: .option, longName: longName, shortName: short, valueName: valueName, help: help,
            defaultDescription: defaultValue.defaultValueDescription, allowedValues: allowedValues,
            isRequired: false, isRepeating: Value.isRepeatable)
    }
}

extension Option where Value: ExpressibleByNilLiteral {
    /// An option without a default value.
    public init(_ longName: String, short: Character? = nil, valueName: String, help: String, allowedValues: [String] = []) {
        self.init(longName, short: short, valueName: valueName, help: help, default: nil, allowedValues: allowedValues)
    }
}

/// A flag: `--json`. Present means `true`.
public struct Flag: Sendable {
    public let definition: ArgumentDefinition

    public init(_ longName: String, short: Character? = nil, help: String) {
        definition = ArgumentDefinition(
            kind: .flag, longName: longName, shortName: short, valueName: "", help: help,
            defaultDescription: nil, allowedValues: [], isRequired: false, isRepeating: false)
    }
}

/// A positional argument: `<run-id>`. Required unless `Value` is `Optional`.
public struct Positional<Value: ExpressibleByArgument>: Sendable {
    public let definition: ArgumentDefinition

    public init(valueName: String, help: String) {
        definition = ArgumentDefinition(
            kind: .positional, longName: nil, shortName: nil, valueName: valueName, help: help,
            defaultDescription: nil, allowedValues: [], isRequired: !Value.isOptionalValue, isRepeating: false)
    }
}

/// Every remaining positional word: `[<command> ...]`.
public struct PositionalList: Sendable {
    public let definition: ArgumentDefinition

    public init(valueName: String, help: String) {
        definition = ArgumentDefinition(
            kind: .positional, longName: nil, shortName: nil, valueName: valueName, help: help,
            defaultDescription: nil, allowedValues: [], isRequired: false, isRepeating: true)
    }
}
