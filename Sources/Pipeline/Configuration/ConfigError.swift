// MARK: - ConfigError

/// Why the configuration could not be loaded, with the place to fix it.
///
/// Why: a configuration mistake must be fixable from the one-line message alone, so the error names
/// the file with line and column (or the environment variable) and, for an unknown key, the closest
/// valid key. Secret values never appear in it. The CLI maps it to exit status 2.
/// Spec: STYLE.md "Errors" (`ConfigError` with file and line); flow-integration.md §11.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the offending value came from.
    public enum Origin: Sendable, Equatable {
        /// The JSON configuration file, as the user named it.
        case file(String)
        /// One environment variable.
        case environment(String)
        /// The configuration as a whole (for example, required values missing everywhere).
        case configuration
    }

    /// What is wrong.
    public enum Problem: Sendable, Equatable {
        case unreadableFile(reason: String)
        case malformedJSON(String)
        case unknownKey(String, suggestion: String?)
        case duplicateKey(String)
        case wrongType(key: String, expected: String, found: String)
        case invalidValue(key: String, reason: String)
        case secretInFile(key: String)
        case managedKey(String)
        case insecureSecretFile(path: String, mode: String)
        case missingRequired([String])
    }

    public var origin: Origin
    /// 1-based line in the file, when the problem has a position.
    public var line: Int?
    /// 1-based column (in characters) in the file, when the problem has a position.
    public var column: Int?
    public var problem: Problem

    public init(origin: Origin, line: Int? = nil, column: Int? = nil, problem: Problem) {
        self.origin = origin
        self.line = line
        self.column = column
        self.problem = problem
    }

    // MARK: - Description

    public var description: String {
        "\(place): \(problemDescription)"
    }

    private var place: String {
        switch origin {
        case .file(let path):
            if let line, let column { return "\(path):\(line):\(column)" }
            return path
        case .environment(let variable):
            return "environment variable \(variable)"
        case .configuration:
            return "configuration"
        }
    }

    private var problemDescription: String {
        switch problem {
        case .unreadableFile(let reason):
            return "cannot read the configuration file: \(reason)"
        case .malformedJSON(let detail):
            return "malformed JSON: \(detail)"
        case .unknownKey(let key, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown key '\(key)'\(hint)"
        case .duplicateKey(let key):
            return "key '\(key)' appears more than once"
        case .wrongType(let key, let expected, let found):
            return "\(key) must be \(expected), found \(found)"
        case .invalidValue(let key, let reason):
            return "\(key): \(reason)"
        case .secretInFile(let key):
            return "\(key) is a secret and is not read from the configuration file; "
                + "set it in the environment or point OMNIUM_CLIENT_SECRET_FILE at a file only its owner can read"
        case .managedKey(let key):
            return "\(key) is managed automatically by omniflow; remove it"
        case .insecureSecretFile(let path, let mode):
            return "secret file \(path) is readable by group or others (mode \(mode)); "
                + "run 'chmod 600 \(path)'"
        case .missingRequired(let keys):
            return "missing required value\(keys.count == 1 ? "" : "s") "
                + keys.joined(separator: ", ") + " (set in the configuration file or the environment)"
        }
    }
}
