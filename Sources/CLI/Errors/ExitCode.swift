// MARK: - ExitCode

/// The process exit status of `omniflow`, one meaning per value.
///
/// Why: the nightly scheduler and scripts branch on the status, so it must say what happened
/// without parsing text: a failed run is retried tomorrow, a usage or configuration error needs a
/// person, a held lock means another run is still working.
/// Spec: STYLE.md §2 ("one `ExitCode`"); swift-argument-parser `Parsable Properties/Errors.swift`.
public enum ExitCode: Int32, Sendable, Codable, CaseIterable {
    /// Everything asked for was done.
    case success = 0
    /// The command ran and failed (a stage failed, Omnium or storage errors).
    case runFailed = 1
    /// The command line or the configuration is wrong; nothing was started.
    case usageError = 2
    /// Another run holds the run lock; nothing was started.
    case lockHeld = 3
    /// Stopped by SIGINT (Ctrl-C): 128 + 2, as shells report it. A run in progress is recorded
    /// failed (interrupted) and resumable.
    case interrupted = 130
    /// Stopped by SIGTERM (systemd, Kubernetes): 128 + 15. A run in progress is recorded as for SIGINT.
    case terminated = 143
}

// MARK: - ExitCodeProviding

/// An error that knows which exit status it means.
///
/// Why: `Omniflow.main()` is the only place that turns errors into a status; errors from other
/// modules (the pipeline's lock error, `ConfigError`) conform to say "usage" or "lock held"
/// instead of the default "run failed".
public protocol ExitCodeProviding: Error {
    var exitCode: ExitCode { get }
}

// MARK: - ServiceError

/// Errors an `OmniflowServices` implementation throws to choose the exit status.
///
/// Why: the CLI must tell "another run holds the lock" (3) and "no such run" (2) from a failure (1)
/// without knowing the pipeline's own error types.
public enum ServiceError: Error, ExitCodeProviding, Sendable, Equatable, CustomStringConvertible {
    /// Another run holds the run lock; the text says which run and since when.
    case lockHeld(String)
    /// `runs show` named a run that does not exist.
    case unknownRun(String)
    /// The request cannot be served as given (for example an unknown fault profile).
    case invalidRequest(String)
    /// The operation is not available in this build.
    case unavailable(String)

    public var exitCode: ExitCode {
        switch self {
        case .lockHeld: return .lockHeld
        case .unknownRun, .invalidRequest: return .usageError
        case .unavailable: return .runFailed
        }
    }

    public var description: String {
        switch self {
        case .lockHeld(let detail): return "another run holds the lock: \(detail)"
        case .unknownRun(let id): return "no run with id '\(id)'"
        case .invalidRequest(let detail): return detail
        case .unavailable(let what): return "\(what) is not available in this build"
        }
    }
}
