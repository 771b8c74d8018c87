import Staging

// MARK: - RunLockError + ExitCodeProviding

/// "Another run holds the lock" is its own exit status (3), so a scheduler can tell a busy lock
/// from a failed run; losing the lock mid-run is a failure (1).
extension RunLockError: ExitCodeProviding {
    public var exitCode: ExitCode {
        switch self {
        case .held: return .lockHeld
        case .notHeld: return .runFailed
        }
    }
}
