import Foundation

/// Per-user token buckets and concurrency counters of contract §4.
///
/// Why one lock around both: a request is admitted only if every applicable limit has room, and
/// admission must be atomic; time comes from the injected clock so refills are tested without sleep.
public final class RateLimiter: @unchecked Sendable {
    /// Which concurrency limits a request counts against.
    public enum Traffic: Sendable, Equatable {
        /// Ordinary calls: per-user and per-tenant limits.
        case normal
        /// Paths ending `Many`: the batch limit as well as the ordinary ones.
        case batch
        /// High-traffic product and inventory reads: only their own limit.
        case highTraffic
    }

    /// Proof of admission; pass it back to `release`.
    public struct Permit: Sendable {
        let clientId: String
        let traffic: Traffic
    }

    private struct Bucket {
        var tokens: Int
        var lastRefill: Date
    }

    private let limits: SandboxRateLimits
    private let clock: any SandboxClock
    private let lock = NSLock()
    private var buckets: [String: Bucket] = [:]
    private var perUser: [String: Int] = [:]
    private var batch: [String: Int] = [:]
    private var highTraffic: [String: Int] = [:]
    private var tenant = 0

    public init(limits: SandboxRateLimits, clock: any SandboxClock) {
        self.limits = limits
        self.clock = clock
    }

    // MARK: - Admission

    /// Admits one request or throws a 429 `SandboxError` with `Retry-After`.
    public func acquire(clientId: String, traffic: Traffic) throws(SandboxError) -> Permit {
        lock.lock()
        defer { lock.unlock() }
        switch traffic {
        case .highTraffic:
            try check(highTraffic[clientId, default: 0], against: limits.maxConcurrentHighTraffic)
        case .batch, .normal:
            try check(perUser[clientId, default: 0], against: limits.maxConcurrentPerUser)
            try check(tenant, against: limits.maxConcurrentPerTenant)
            if traffic == .batch { try check(batch[clientId, default: 0], against: limits.maxConcurrentBatch) }
        }
        try takeToken(clientId: clientId)
        switch traffic {
        case .highTraffic:
            highTraffic[clientId, default: 0] += 1
        case .batch, .normal:
            perUser[clientId, default: 0] += 1
            tenant += 1
            if traffic == .batch { batch[clientId, default: 0] += 1 }
        }
        return Permit(clientId: clientId, traffic: traffic)
    }

    /// Ends a request admitted by `acquire`.
    public func release(_ permit: Permit) {
        lock.lock()
        defer { lock.unlock() }
        switch permit.traffic {
        case .highTraffic:
            highTraffic[permit.clientId, default: 1] -= 1
        case .batch, .normal:
            perUser[permit.clientId, default: 1] -= 1
            tenant -= 1
            if permit.traffic == .batch { batch[permit.clientId, default: 1] -= 1 }
        }
    }

    /// Tokens left in `clientId`'s bucket now (after refill), for tests and diagnostics.
    public func remainingTokens(clientId: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let capacity = limits.bucketCapacity else { return nil }
        return refilled(clientId: clientId, capacity: capacity).tokens
    }

    // MARK: - Helpers

    private func check(_ current: Int, against limit: Int?) throws(SandboxError) {
        if let limit, current >= limit { throw SandboxError.tooManyRequests(retryAfterSeconds: 1) }
    }

    /// Discrete refill: whole intervals since the last refill add `refillAmount` each, up to capacity.
    private func refilled(clientId: String, capacity: Int) -> Bucket {
        let now = clock.now()
        var bucket = buckets[clientId] ?? Bucket(tokens: capacity, lastRefill: now)
        let interval = limits.refillInterval.timeInterval
        if interval > 0 {
            let intervals = Int((now.timeIntervalSince(bucket.lastRefill) / interval).rounded(.down))
            if intervals > 0 {
                bucket.tokens = min(capacity, bucket.tokens + intervals * limits.refillAmount)
                bucket.lastRefill += TimeInterval(intervals) * interval
            }
        }
        return bucket
    }

    private func takeToken(clientId: String) throws(SandboxError) {
        guard let capacity = limits.bucketCapacity else { return }
        var bucket = refilled(clientId: clientId, capacity: capacity)
        defer { buckets[clientId] = bucket }
        guard bucket.tokens > 0 else {
            let wait = bucket.lastRefill.addingTimeInterval(limits.refillInterval.timeInterval).timeIntervalSince(clock.now())
            throw SandboxError.tooManyRequests(retryAfterSeconds: Int(wait.rounded(.up)))
        }
        bucket.tokens -= 1
    }
}
