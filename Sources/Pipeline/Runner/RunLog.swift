import Foundation

/// A run's log: `staging/runs/<run-id>/run.log`, one line per event, fixed messages with the data in
/// `key=value` pairs (as swift-log's structured metadata), so it greps well and never carries secrets
/// (callers pass identifiers and counts, never credentials).
public final class RunLog: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle?
    private let echo: (@Sendable (String) -> Void)?

    /// - Parameters:
    ///   - file: where to append; nil keeps the log in memory only (tests).
    ///   - echo: also hand each line to this closure (the CLI uses it for `--verbose`).
    public init(file: URL?, echo: (@Sendable (String) -> Void)? = nil) {
        if let file {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: file.path) {
                FileManager.default.createFile(atPath: file.path, contents: nil)
            }
            handle = try? FileHandle(forWritingTo: file)
            _ = try? handle?.seekToEnd()
        } else {
            handle = nil
        }
        self.echo = echo
    }

    deinit { try? handle?.close() }

    public func info(_ message: String, _ metadata: [String: String] = [:]) { write("info", message, metadata) }
    public func warning(_ message: String, _ metadata: [String: String] = [:]) { write("warning", message, metadata) }
    public func error(_ message: String, _ metadata: [String: String] = [:]) { write("error", message, metadata) }

    private func write(_ level: String, _ message: String, _ metadata: [String: String]) {
        let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        let line = ([Self.timestamp(), level, message] + pairs).joined(separator: " ")
        lock.withLock {
            handle?.write(Data((line + "\n").utf8))
        }
        echo?(line)
    }

    static func quoted(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
    }

    static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}
