import Foundation

// MARK: - Limiter

/// Keeps the client inside Omnium's per-user limits before a request leaves: at most N requests
/// in flight, at most M batch (`...Many`) requests in flight, and a token bucket (one token per
/// request, discrete refill).
///
/// Omnium answers excess with 429 + `Retry-After`; staying under the limits avoids the wasted
/// round trip and the penalty wait. Scroll starts run one at a time (Omnium: "no concurrent scroll
/// starts"). The token call is exempt (contract §4). Waiters are served
/// in arrival order; a cancelled waiter leaves the queue with `CancellationError`.
/// Spec: omnium-contract.md §4.
final class OmniumRequestLimiter: Sendable {
    private let requests: AsyncSemaphore
    private let batches: AsyncSemaphore
    private let scrollStarts = AsyncSemaphore(permits: 1)
    private let bucket: TokenBucket

    init(settings: OmniumLimiterSettings, environment: OmniumClientEnvironment) {
        requests = AsyncSemaphore(permits: settings.maxConcurrentRequests)
        batches = AsyncSemaphore(permits: settings.maxConcurrentBatchRequests)
        bucket = TokenBucket(settings: settings, environment: environment)
    }

    /// Waits for room, runs `body`, frees the room (also when `body` throws).
    func withPermit<T: Sendable>(for request: OmniumRequest, _ body: () async throws -> T) async throws -> T {
        guard request.isScrollStart else { return try await withPermit(isBatch: request.isBatch, body) }
        try await scrollStarts.wait()
        do {
            let result = try await withPermit(isBatch: request.isBatch, body)
            await scrollStarts.signal()
            return result
        } catch {
            await scrollStarts.signal()
            throw error
        }
    }

    private func withPermit<T: Sendable>(isBatch: Bool, _ body: () async throws -> T) async throws -> T {
        if isBatch { try await batches.wait() }
        do {
            try await requests.wait()
        } catch {
            if isBatch { await batches.signal() }
            throw error
        }
        do {
            try await bucket.take()
            let result = try await body()
            await release(isBatch: isBatch)
            return result
        } catch {
            await release(isBatch: isBatch)
            throw error
        }
    }

    private func release(isBatch: Bool) async {
        await requests.signal()
        if isBatch { await batches.signal() }
    }
}

// MARK: - Semaphore

/// A counting semaphore for async code, FIFO, cancellation-aware.
actor AsyncSemaphore {
    private var permits: Int
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, Error>)] = []
    private var nextID: UInt64 = 0

    init(permits: Int) {
        self.permits = permits
    }

    func wait() async throws {
        if permits > 0 {
            permits -= 1
            return
        }
        let id = nextID
        nextID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    func signal() {
        if waiters.isEmpty {
            permits += 1
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancel(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}

// MARK: - Token bucket

/// Omnium's rate bucket mirrored on the client: starts full, gains `refillAmount` tokens at each
/// full `refillInterval`, never above `capacity`. Time comes from the environment's monotonic
/// clock and waiting goes through its `sleep`, so tests drive it without real time.
actor TokenBucket {
    private let capacity: Int
    private let refillAmount: Int
    private let refillInterval: Duration
    private let environment: OmniumClientEnvironment
    private var tokens: Int
    private var lastRefill: Duration

    init(settings: OmniumLimiterSettings, environment: OmniumClientEnvironment) {
        capacity = settings.bucketCapacity
        refillAmount = settings.refillAmount
        refillInterval = .seconds(settings.refillInterval)
        self.environment = environment
        tokens = settings.bucketCapacity
        lastRefill = environment.uptime()
    }

    /// Takes one token, waiting for the next refill when the bucket is empty.
    func take() async throws {
        while true {
            refill()
            if tokens > 0 {
                tokens -= 1
                return
            }
            let wait = lastRefill + refillInterval - environment.uptime()
            try await environment.sleep(max(wait, .milliseconds(1)))
        }
    }

    private func refill() {
        let now = environment.uptime()
        let elapsed = now - lastRefill
        guard elapsed >= refillInterval else { return }
        let intervals = Int(elapsed.seconds / refillInterval.seconds)
        tokens = min(capacity, tokens + intervals * refillAmount)
        lastRefill += refillInterval * intervals
    }
}
