#if canImport(Glibc)
import Glibc
#endif

// MARK: - SocketError

/// A failed socket system call: which call, and the `errno` it left.
///
/// Why: a bare "connection failed" hides whether `bind`, `poll` or `send` broke; the call name and
/// errno are what an operator needs (modelled on swift-nio's `IOError`, `Sources/NIOCore/IO.swift`).
public struct SocketError: Error, Sendable, CustomStringConvertible {
    /// The system call that failed, e.g. `"bind"`.
    public let call: String
    /// The `errno` value after the call.
    public let errno: Int32

    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}

// MARK: - SystemCall

/// The one place omniflow's HTTP server calls into the C socket API.
///
/// Why: every call retries `EINTR` and turns `-1` into a `SocketError` with errno and call name in
/// one spot, as swift-nio's `Sources/NIOPosix/System.swift` does. `close` is never retried (Linux
/// releases the descriptor even when it reports `EINTR`).
enum SystemCall {
    /// Runs `body` until it does not fail with `EINTR`; `-1` throws a `SocketError` naming `call`.
    @discardableResult
    static func run<Result: BinaryInteger>(
        _ call: String, retryingInterrupts: Bool = true, _ body: () -> Result
    ) throws(SocketError) -> Result {
        while true {
            let result = body()
            guard result == -1 else { return result }
            let code = Glibc.errno
            if code == EINTR && retryingInterrupts { continue }
            throw SocketError(call: call, errno: code)
        }
    }
}
