import Foundation

/// Where the sandbox reads "now" and how it waits (fault latency).
///
/// Why injectable: token expiry, rate-limit refills and scroll expiry are tested by moving a
/// `ManualSandboxClock` instead of sleeping (DESIGN.md: "time comes from an injectable clock").
public protocol SandboxClock: Sendable {
    func now() -> Date
    /// Waits `duration` (a manual clock advances instead).
    func sleep(for duration: Duration)
    /// Waits until `latency` has passed since `arrival` (a request's, `HTTPRequest.arrival`): the added latency as
    /// a deadline, so the work done since arrival is part of it rather than added to it. A manual clock advances
    /// by `latency`.
    func waitOut(_ latency: Duration, since arrival: ContinuousClock.Instant)
}

extension SandboxClock {
    public func waitOut(_ latency: Duration, since arrival: ContinuousClock.Instant) {
        let remaining = arrival + latency - ContinuousClock.now
        if remaining > .zero { sleep(for: remaining) }
    }
}

/// The wall clock.
public struct SystemSandboxClock: SandboxClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        Thread.sleep(forTimeInterval: TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }
}

/// A clock tests move by hand; `sleep` advances it instead of blocking.
public final class ManualSandboxClock: SandboxClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) { current = start }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        current += seconds
    }

    public func sleep(for duration: Duration) {
        let (seconds, attoseconds) = duration.components
        advance(by: TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
    }

    /// Advances by the whole `latency`: no real time passes under a manual clock.
    public func waitOut(_ latency: Duration, since arrival: ContinuousClock.Instant) {
        sleep(for: latency)
    }
}
