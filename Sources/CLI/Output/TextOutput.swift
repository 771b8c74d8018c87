import Foundation

// MARK: - TextOutput

/// Somewhere text goes: standard output, standard error, or a buffer in tests.
///
/// Why: commands write through this instead of `print`, so tests capture exactly what a user sees
/// and the progress display can be pointed at standard error only.
public protocol TextOutput: Sendable {
    func write(_ text: String)
}

// MARK: - StandardStream

/// The process's standard output or standard error, unbuffered.
public struct StandardStream: TextOutput {
    private let handle: FileHandle

    public static let output = StandardStream(handle: .standardOutput)
    public static let error = StandardStream(handle: .standardError)

    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}

// MARK: - TextBuffer

/// Collects written text in memory (tests, and callers that post-process output).
public final class TextBuffer: TextOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""

    public init() {}

    public func write(_ text: String) {
        lock.lock()
        storage += text
        lock.unlock()
    }

    /// Everything written so far.
    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
