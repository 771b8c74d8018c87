import Foundation

/// One structured log line: a fixed message plus dotted-key metadata (STYLE.md §4).
public struct SandboxLogEntry: Sendable, Hashable {
    public enum Level: String, Sendable { case debug, info, warning, error }

    public var level: Level
    public var message: String
    public var metadata: [String: String]

    public init(level: Level, message: String, metadata: [String: String]) {
        self.level = level
        self.message = message
        self.metadata = metadata
    }

    /// `level message key=value ...` with keys sorted (stable output).
    public var line: String {
        ([level.rawValue, message] + metadata.keys.sorted().map { "\($0)=\(metadata[$0]!)" }).joined(separator: " ")
    }
}

/// Receives the sandbox's log entries; the caller (CLI `main`, a test) decides where they go.
///
/// Why a closure wrapper: modules log at info or below and never pick the output (STYLE.md §4).
public struct SandboxLogHandler: Sendable {
    private let sink: @Sendable (SandboxLogEntry) -> Void

    public init(_ sink: @escaping @Sendable (SandboxLogEntry) -> Void) { self.sink = sink }

    public func log(_ entry: SandboxLogEntry) { sink(entry) }

    /// Writes lines to standard error.
    public static let standardError = SandboxLogHandler { entry in
        FileHandle.standardError.write(Data((entry.line + "\n").utf8))
    }
}
