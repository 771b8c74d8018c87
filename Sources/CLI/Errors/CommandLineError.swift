// MARK: - CommandLineError

/// A command line that cannot be run as typed: exit status 2, nothing started.
///
/// Why: each case names the offending word and, where there is one, the closest valid spelling,
/// so the one-line message is its own fix. `Omniflow.main()` adds "See 'omniflow help …'".
/// Spec: swift-argument-parser `Usage/MessageInfo.swift`, `Parsable Properties/Errors.swift`.
public enum CommandLineError: Error, ExitCodeProviding, Sendable, Equatable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String)
    case flagWithValue(flag: String)
    case duplicateOption(String)
    case unexpectedArgument(String)
    case missingArgument(String)
    case invalidValue(argument: String, value: String, expected: String)
    /// A check in `validate()` failed.
    case validation(String)

    public var exitCode: ExitCode { .usageError }

    public var description: String {
        switch self {
        case .unknownCommand(let name, let suggestion):
            return "unknown command '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .unknownOption(let name, let suggestion):
            return "unknown option '\(name)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .missingValue(let option):
            return "missing value for '\(option)'"
        case .flagWithValue(let flag):
            return "'\(flag)' is a flag and takes no value"
        case .duplicateOption(let option):
            return "'\(option)' given more than once"
        case .unexpectedArgument(let argument):
            return "unexpected argument '\(argument)'"
        case .missingArgument(let argument):
            return "missing expected argument '\(argument)'"
        case .invalidValue(let argument, let value, let expected):
            return "invalid value '\(value)' for '\(argument)': expected \(expected)"
        case .validation(let message):
            return message
        }
    }
}
