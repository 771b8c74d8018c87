import Pipeline

// MARK: - StorageLocationError + ExitCodeProviding

/// A staging root or Flow store path that cannot be used is the operator's to fix, like a
/// configuration mistake: exit status 2, and no run was recorded.
extension StorageLocationError: ExitCodeProviding {
    public var exitCode: ExitCode { .usageError }
}
