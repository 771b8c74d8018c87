import Pipeline

// MARK: - ConfigError + ExitCodeProviding

/// A configuration mistake is the operator's to fix, like a usage error: exit status 2.
extension ConfigError: ExitCodeProviding {
    public var exitCode: ExitCode { .usageError }
}
