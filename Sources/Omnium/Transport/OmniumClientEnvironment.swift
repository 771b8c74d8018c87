import Foundation

// MARK: - Environment

/// The client's view of time and chance: how it sleeps, what time it is, and its jitter source.
///
/// Injected so tests never wait for real (recorded sleeps return at once), can move the clock
/// past a token's expiry, and get deterministic jitter. Production uses `.live`.
public struct OmniumClientEnvironment: Sendable {
    /// Waits for the given duration (retry backoff, `Retry-After`, bucket refill).
    public var sleep: @Sendable (Duration) async throws -> Void
    /// Wall-clock time, for token expiry.
    public var now: @Sendable () -> Date
    /// Monotonic time since an arbitrary origin, for the token bucket.
    public var uptime: @Sendable () -> Duration
    /// A value in `0 ..< 1`, for jitter.
    public var random: @Sendable () -> Double
    /// Told about retries, token fetches and scroll restarts (for the run log); ignores them by default.
    public var observe: @Sendable (OmniumClientEvent) -> Void

    public init(
        sleep: @escaping @Sendable (Duration) async throws -> Void,
        now: @escaping @Sendable () -> Date,
        uptime: @escaping @Sendable () -> Duration,
        random: @escaping @Sendable () -> Double,
        observe: @escaping @Sendable (OmniumClientEvent) -> Void = { _ in }
    ) {
        self.sleep = sleep
        self.now = now
        self.uptime = uptime
        self.random = random
        self.observe = observe
    }

    /// A copy that reports events to `observer`.
    public func observing(_ observer: @escaping @Sendable (OmniumClientEvent) -> Void) -> OmniumClientEnvironment {
        var copy = self
        copy.observe = observer
        return copy
    }

    /// Real time, real sleeping, system randomness.
    public static let live: OmniumClientEnvironment = {
        let clock = ContinuousClock()
        let origin = clock.now
        return OmniumClientEnvironment(
            sleep: { try await Task.sleep(for: $0) },
            now: { Date() },
            uptime: { clock.now - origin },
            random: { Double.random(in: 0 ..< 1) }
        )
    }()
}
