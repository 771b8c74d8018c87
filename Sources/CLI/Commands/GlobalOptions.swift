import Pipeline

// MARK: - GlobalOptions

/// `--config`, `--json`, `--quiet`: shared by every command that reads the configuration.
///
/// Why: declared once so every command spells and documents them the same way.
/// Spec: STYLE.md §2 (shared groups).
public struct GlobalOptions: ParsableArguments {
    static let config = Option<String?>(
        "config", valueName: "path", help: "Configuration file. Without it, omniflow.json is read if present.")
    static let json = Flag("json", help: "Print the result as JSON on standard output.")
    static let quiet = Flag("quiet", short: "q", help: "Print nothing but errors; no progress display.")

    public static var arguments: [ArgumentDefinition] {
        [config.definition, json.definition, quiet.definition]
    }

    public var configPath: String?
    public var isJSON: Bool
    public var isQuiet: Bool

    public init(_ values: ParsedValues) throws {
        configPath = try values.get(Self.config)
        isJSON = values.get(Self.json)
        isQuiet = values.get(Self.quiet)
    }

    // MARK: - Configuration

    /// Reads the configuration file and the environment; warns on standard error about
    /// environment variables that look like settings but are none.
    /// - Throws: `ConfigError` (exit 2).
    func loadConfiguration(_ context: CommandContext) throws -> OmniflowConfiguration {
        let loader = ConfigurationLoader(environment: context.environment, currentDirectory: context.currentDirectory)
        for warning in loader.environmentWarnings() { context.standardError.write(warning + "\n") }
        return try loader.load(file: configPath)
    }

    /// Whether a human summary should be printed (not with `--json`, not with `--quiet`).
    var isSummaryWanted: Bool { !isJSON && !isQuiet }

    /// Prints `value` as JSON with `--json`, else the text `render` makes, unless `--quiet`.
    func emit<Value: Encodable>(_ value: Value, to output: any TextOutput, render: () -> String) throws {
        if isJSON { return try OutputJSON.write(value, to: output) }
        if !isQuiet { output.write(render()) }
    }
}
