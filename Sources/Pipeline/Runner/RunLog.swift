import Foundation

/// How `run.log` lines are written (`OMNIFLOW_LOG_FORMAT`).
public enum RunLogFormat: String, Sendable, CaseIterable, Codable {
    /// `timestamp level message key=value …`: greps well, reads well.
    case text
    /// One JSON object per line (`ts`, `level`, `msg`, and the metadata as string members), for log
    /// shippers (Loki, Elasticsearch, Splunk) that parse JSON Lines without a grok pattern.
    case json
}

/// A run's log: `staging/runs/<run-id>/run.log`, one line per event, fixed messages with the data in
/// `key=value` pairs (as swift-log's structured metadata), so it greps well and never carries secrets
/// (callers pass identifiers and counts, never credentials).
public final class RunLog: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle?
    private let echo: (@Sendable (String) -> Void)?
    private let format: RunLogFormat

    /// - Parameters:
    ///   - file: where to append; nil keeps the log in memory only (tests).
    ///   - echo: also hand each line to this closure.
    ///   - format: text lines or JSON Lines.
    public init(file: URL?, echo: (@Sendable (String) -> Void)? = nil, format: RunLogFormat = .text) {
        self.format = format
        if let file {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            // O_APPEND: every line goes to the end of the file as it is then, so two writers of one run's
            // log (the run itself, and the signal handler or the run taking over its lock, recording it
            // interrupted) never write over each other's lines, as a handle seeked to the end once would.
            let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            handle = descriptor >= 0 ? FileHandle(fileDescriptor: descriptor, closeOnDealloc: true) : nil
        } else {
            handle = nil
        }
        self.echo = echo
    }


    public func info(_ message: String, _ metadata: [String: String] = [:]) { write("info", message, metadata) }
    public func warning(_ message: String, _ metadata: [String: String] = [:]) { write("warning", message, metadata) }
    public func error(_ message: String, _ metadata: [String: String] = [:]) { write("error", message, metadata) }

    private func write(_ level: String, _ message: String, _ metadata: [String: String]) {
        let line = format == .json ? Self.jsonLine(level, message, metadata) : Self.textLine(level, message, metadata)
        lock.withLock {
            handle?.write(Data((line + "\n").utf8))
        }
        echo?(line)
    }

    static func textLine(_ level: String, _ message: String, _ metadata: [String: String]) -> String {
        let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        return ([Self.timestamp(), level, escapingControlCharacters(message)] + pairs).joined(separator: " ")
    }

    /// `{"ts":…,"level":…,"msg":…,<metadata>}` with sorted keys; metadata cannot replace the three fixed members.
    static func jsonLine(_ level: String, _ message: String, _ metadata: [String: String]) -> String {
        var object = metadata.filter { !["ts", "level", "msg"].contains($0.key) }
        object["ts"] = Self.timestamp()
        object["level"] = level
        object["msg"] = message
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object), let text = String(data: data, encoding: .utf8) else {
            return textLine(level, message, metadata)
        }
        return text
    }

    static func quoted(_ value: String) -> String {
        let value = escapingControlCharacters(value)
        return value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
    }

    /// Text from outside (an Omnium answer, a file) never reaches a log or a terminal raw: ESC and the
    /// other C0/C1 control characters (except tab) are written as `\u{1B}`, so a hostile server cannot
    /// move the cursor, recolour or rewrite what an operator reads.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }

    static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}
