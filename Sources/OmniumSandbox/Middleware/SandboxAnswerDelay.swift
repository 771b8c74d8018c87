import Foundation

/// The configured latency of one request, as a deadline: its answer leaves no sooner than `latency` after
/// the request arrived (`HTTPRequest.arrival`), whatever the sandbox did meanwhile.
///
/// Why a deadline waited out after the handler, inside the rate limiter's permit: Omnium counts a call as in
/// flight from its arrival to its answer, so the sandbox's concurrency limits (contract §4) must count the
/// latency too; a sleep before admission let a client with too many calls in flight through. The handler's
/// own work is part of the latency, not added to it. Waited out once: by the handler step (inside the
/// limits) for an admitted call, else on the way out of `FaultInjectionMiddleware` (401, 403, 429, an
/// injected status); later calls return at once.
public final class SandboxAnswerDelay: @unchecked Sendable {
    private let latency: Duration
    private let arrival: ContinuousClock.Instant
    private let clock: any SandboxClock
    private let lock = NSLock()
    private var waited = false

    init(latency: Duration, arrival: ContinuousClock.Instant, clock: any SandboxClock) {
        self.latency = latency
        self.arrival = arrival
        self.clock = clock
    }

    /// Blocks until the deadline (the first call only).
    func waitOut() {
        let isFirst = lock.withLock { () -> Bool in
            defer { waited = true }
            return !waited
        }
        if isFirst { clock.waitOut(latency, since: arrival) }
    }
}
