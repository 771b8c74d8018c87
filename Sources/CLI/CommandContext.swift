import Foundation

// MARK: - CommandContext

/// What a command may touch: the services, the environment, the output streams.
///
/// Why: commands never reach for globals (`ProcessInfo`, `FileHandle.standardOutput`), so tests run
/// the whole CLI in-process with a fake `OmniflowServices` and captured output.
public struct CommandContext: Sendable {
    public var services: any OmniflowServices
    public var environment: [String: String]
    public var currentDirectory: String
    public var standardOutput: any TextOutput
    public var standardError: any TextOutput
    /// Whether standard error is a terminal (progress is drawn only there).
    public var isStandardErrorTerminal: Bool
    /// The commands from the root to the one running (set by the parser).
    public internal(set) var commandStack: [any ParsableCommand.Type] = []

    public init(
        services: any OmniflowServices, environment: [String: String], currentDirectory: String,
        standardOutput: any TextOutput, standardError: any TextOutput, isStandardErrorTerminal: Bool
    ) {
        self.services = services
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.isStandardErrorTerminal = isStandardErrorTerminal
    }

    /// The real process: its environment, working directory and standard streams.
    public static func process(services: any OmniflowServices) -> CommandContext {
        let environment = ProcessInfo.processInfo.environment
        return CommandContext(
            services: services, environment: environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            standardOutput: StandardStream.output, standardError: StandardStream.error,
            isStandardErrorTerminal: isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb")
    }

    /// `omniflow runs show`: the words that reach the running command.
    public var commandPath: String {
        commandStack.map { $0.configuration.name }.joined(separator: " ")
    }

    /// A reporter drawing on standard error when it is a terminal, silent otherwise or when `quiet`.
    public func makeProgressReporter(quiet: Bool) -> ProgressReporter {
        ProgressReporter(output: standardError, isInteractive: isStandardErrorTerminal && !quiet)
    }

    /// Runs `body` with a progress reporter and clears the progress line afterwards, even on error.
    public func withProgress<T>(quiet: Bool, _ body: (ProgressReporter) async throws -> T) async rethrows -> T {
        let progress = makeProgressReporter(quiet: quiet)
        defer { progress.finish() }
        return try await body(progress)
    }
}
