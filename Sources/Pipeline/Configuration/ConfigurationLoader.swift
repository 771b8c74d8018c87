import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - ConfigurationLoader

/// Builds an `OmniflowConfiguration` from defaults, a JSON file and the environment, in that order
/// (the environment wins).
///
/// Why: operators keep stable settings in a file and inject per-machine values and the secret
/// through the environment (systemd, containers, CI). Loading is strict: an unknown key, a wrong
/// type or a malformed file stops with a `ConfigError` naming file, line and column, rather than
/// running with a setting silently ignored.
/// - Throws: `ConfigError`.
/// Spec: flow-integration.md §11; DESIGN.md "Command line".
public struct ConfigurationLoader: Sendable {
    /// The file read when no path is given, if it exists in the current directory.
    public static let defaultFileName = "omniflow.json"

    public var environment: [String: String]
    /// Relative paths (the configuration file, the secret file) are resolved against this folder.
    public var currentDirectory: String

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    // MARK: - Loading

    /// Loads `path` (must exist) or, when `nil`, `omniflow.json` if present, then the environment.
    public func load(file path: String?) throws -> OmniflowConfiguration {
        var configuration = OmniflowConfiguration()
        var isFlowStorePathSet = false
        let file = path ?? (FileManager.default.fileExists(atPath: resolve(Self.defaultFileName)) ? Self.defaultFileName : nil)
        if let file {
            let bytes = try read(file)
            isFlowStorePathSet = try apply(fileBytes: bytes, named: file, to: &configuration)
            configuration.sourceFile = file
        }
        isFlowStorePathSet = try applyEnvironment(to: &configuration) || isFlowStorePathSet
        if !isFlowStorePathSet {
            configuration.flowStorePath = (configuration.stagingRoot as NSString).appendingPathComponent("flow.db")
        }
        if configuration.omniumClientSecret == nil, let secretFile = configuration.omniumClientSecretFile {
            let isFromEnvironment = !(environment["OMNIUM_CLIENT_SECRET_FILE"] ?? "").isEmpty
            let origin: ConfigError.Origin = isFromEnvironment || file == nil ? .environment("OMNIUM_CLIENT_SECRET_FILE") : .file(file ?? "")
            configuration.omniumClientSecret = try readSecret(secretFile, origin: origin)
        }
        try checkConsistency(configuration)
        return configuration
    }

    /// Applies a JSON document; returns whether it set the Flow store path.
    func apply(fileBytes bytes: [UInt8], named file: String, to configuration: inout OmniflowConfiguration) throws -> Bool {
        let source = SourceText(bytes: bytes)
        func located(_ offset: Int, _ problem: ConfigError.Problem) -> ConfigError {
            let position = source.position(of: offset)
            return ConfigError(origin: .file(file), line: position.line, column: position.column, problem: problem)
        }
        let document: JSONNode
        do {
            var parser = ConfigJSONParser(bytes: bytes)
            document = try parser.parseDocument()
        } catch let syntax as JSONSyntaxError {
            throw located(syntax.offset, .malformedJSON(syntax.message))
        }
        guard case .object(let members) = document.value else {
            throw located(document.offset, .malformedJSON("the configuration must be a JSON object, found \(document.kindDescription)"))
        }
        let catalog = Dictionary(uniqueKeysWithValues: ConfigKey.catalog.map { ($0.name, $0) })
        var seen = Set<String>()
        for member in members {
            guard seen.insert(member.key).inserted else { throw located(member.keyOffset, .duplicateKey(member.key)) }
            if ConfigKey.managedKeys.contains(member.key) { throw located(member.keyOffset, .managedKey(member.key)) }
            guard let key = catalog[member.key] else {
                let suggestion = ClosestMatch.find(member.key, among: ConfigKey.names)
                throw located(member.keyOffset, .unknownKey(member.key, suggestion: suggestion))
            }
            guard key.sources == .fileAndEnvironment else { throw located(member.keyOffset, .secretInFile(key: key.name)) }
            do {
                try key.assignJSON(&configuration, member.value)
            } catch {
                throw located(error.offset ?? member.value.offset, problem(for: key, error))
            }
        }
        return seen.contains("OMNIFLOW_FLOW_STORE_PATH")
    }

    /// Overlays every catalog key set (non-empty) in the environment; returns whether it set the Flow store path.
    func applyEnvironment(to configuration: inout OmniflowConfiguration) throws -> Bool {
        var isFlowStorePathSet = false
        for key in ConfigKey.catalog {
            guard let text = environment[key.name], !text.isEmpty else { continue }
            do {
                try key.assignText(&configuration, text)
            } catch {
                throw ConfigError(origin: .environment(key.name), problem: problem(for: key, error))
            }
            if key.name == "OMNIFLOW_FLOW_STORE_PATH" { isFlowStorePathSet = true }
        }
        return isFlowStorePathSet
    }

    private func problem(for key: ConfigKey, _ error: ConfigValueProblem) -> ConfigError.Problem {
        switch error.kind {
        case .wrongType: return .wrongType(key: key.name, expected: key.expected, found: error.message)
        case .invalid: return .invalidValue(key: key.name, reason: error.message)
        }
    }

    /// One warning per environment variable that looks like an omniflow setting but is none
    /// (`OMNIUM_CLIENT_IDD`), with the closest valid key. A warning, not an error: the environment
    /// is shared with other programs, while the configuration file belongs to omniflow alone.
    public func environmentWarnings() -> [String] {
        let known = Set(ConfigKey.names).union(ConfigKey.managedKeys).union(ConfigKey.otherEnvironmentVariables)
        return environment.keys.sorted().filter { name in
            (name.hasPrefix("OMNIFLOW_") || name.hasPrefix("OMNIUM_")) && !known.contains(name)
        }.map { name in
            let hint = ClosestMatch.find(name, among: ConfigKey.names).map { " (did you mean '\($0)'?)" } ?? ""
            return "warning: environment variable \(name) is not an omniflow setting\(hint); it is ignored"
        }
    }

    /// Rules across keys, checked once every source is applied.
    private func checkConsistency(_ configuration: OmniflowConfiguration) throws {
        if configuration.retryMaxDelay < configuration.retryBaseDelay {
            throw ConfigError(
                origin: configuration.sourceFile.map { .file($0) } ?? .configuration,
                problem: .invalidValue(
                    key: "OMNIFLOW_RETRY_MAX_DELAY_SECONDS",
                    reason: "must be at least OMNIFLOW_RETRY_BASE_DELAY_SECONDS (\(configuration.retryBaseDelay))"))
        }
    }

    // MARK: - Files

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
    }

    private func read(_ file: String) throws -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: resolve(file))))
        } catch {
            let reason = FileManager.default.fileExists(atPath: resolve(file)) ? "permission denied or not a file" : "no such file"
            throw ConfigError(origin: .file(file), problem: .unreadableFile(reason: reason))
        }
    }

    /// Reads the client secret from a file only its owner can read (no group or other permission bits).
    private func readSecret(_ path: String, origin: ConfigError.Origin) throws -> Secret {
        var info = stat()
        guard stat(resolve(path), &info) == 0 else {
            throw ConfigError(origin: origin, problem: .invalidValue(key: "OMNIUM_CLIENT_SECRET_FILE", reason: "cannot read \(path): no such file"))
        }
        let permissions = Int(info.st_mode) & 0o777
        guard permissions & 0o077 == 0 else {
            throw ConfigError(origin: origin, problem: .insecureSecretFile(path: path, mode: "0" + String(permissions, radix: 8)))
        }
        guard let data = FileManager.default.contents(atPath: resolve(path)), let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(origin: origin, problem: .invalidValue(key: "OMNIUM_CLIENT_SECRET_FILE", reason: "cannot read \(path) as UTF-8 text"))
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else {
            throw ConfigError(origin: origin, problem: .invalidValue(key: "OMNIUM_CLIENT_SECRET_FILE", reason: "\(path) is empty"))
        }
        return Secret(secret)
    }
}
