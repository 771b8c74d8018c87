import Foundation

// MARK: - Retry policy

/// How often and how long the client waits before repeating a failed exchange.
///
/// Retried: 429 (at least `Retry-After`, else backoff), 5xx, 408, timeouts and connection errors,
/// and — a bounded number of times — malformed JSON in a 2xx answer of a request that is safe to
/// repeat (the sandbox's fault injection produces such bodies; a real proxy can truncate one).
/// Never retried: other 4xx. Backoff is exponential with "full jitter"
/// (`random(0 ... min(maxDelay, baseDelay * 2^(attempt-1)))`), which spreads a crowd of clients
/// that failed together (AWS Architecture Blog, "Exponential Backoff and Jitter").
/// Spec: omnium-contract.md §1 (client rule), §4.
public struct OmniumRetryPolicy: Sendable, CustomStringConvertible {
    /// How the computed backoff is randomised.
    public enum Jitter: String, Sendable {
        /// Uniform in `0 ... backoff` (the default).
        case full
        /// Exactly the exponential backoff (deterministic; for tests and diagnostics).
        case none
    }

    /// Attempts in total for one request, the first included (401 renewal not counted).
    public var maxAttempts: Int
    /// Backoff before the second attempt, doubled for each further one.
    public var baseDelay: Duration
    /// Upper bound of any computed backoff.
    public var maxDelay: Duration
    public var jitter: Jitter
    /// Retries allowed for a malformed 2xx body (within `maxAttempts`).
    public var maxMalformedResponseRetries: Int
    /// A `Retry-After` longer than this is not waited for: the request fails as `.rateLimited`
    /// and the caller (the sync queue) reschedules it.
    public var maxRetryAfter: Duration

    public init(
        maxAttempts: Int = 6,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30),
        jitter: Jitter = .full,
        maxMalformedResponseRetries: Int = 2,
        maxRetryAfter: Duration = .seconds(120)
    ) {
        precondition(maxAttempts >= 1, "at least one attempt")
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.maxMalformedResponseRetries = maxMalformedResponseRetries
        self.maxRetryAfter = maxRetryAfter
    }

    /// The policy that never retries (one attempt).
    public static let none = OmniumRetryPolicy(maxAttempts: 1)

    /// Backoff after failed attempt number `attempt` (1-based), capped by `maxDelay`.
    /// - Parameter unitRandom: a value in `0 ..< 1` (ignored with `.none` jitter).
    public func backoff(afterAttempt attempt: Int, unitRandom: Double) -> Duration {
        let exponent = Double(max(0, attempt - 1))
        let ceiling = min(maxDelay.seconds, baseDelay.seconds * pow(2, min(exponent, 62)))
        switch jitter {
        case .none: return .seconds(ceiling)
        case .full: return .seconds(ceiling * min(max(unitRandom, 0), 1))
        }
    }

    /// Delay before retrying after a 429: at least `Retry-After`, else the backoff.
    public func delayAfterRateLimit(afterAttempt attempt: Int, retryAfter: Duration?, unitRandom: Double) -> Duration {
        guard let retryAfter else { return backoff(afterAttempt: attempt, unitRandom: unitRandom) }
        return max(retryAfter, .zero)
    }

    public var description: String {
        "attempts \(maxAttempts), base \(baseDelay), max \(maxDelay), jitter \(jitter.rawValue)"
    }
}

// MARK: - Duration helpers

extension Duration {
    /// The duration in seconds as a `Double` (for backoff arithmetic only).
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
