import Foundation

// MARK: - Limiter

/// Keeps the client inside Omnium's per-user limits before a request leaves: at most N requests
/// in flight, at most M batch (`...Many`) requests in flight, and a token bucket (one token per
/// request, discrete refill).
///
/// Omnium answers excess with 429 + `Retry-After`; staying under the limits avoids the wasted
/// round trip and the penalty wait. Scroll starts run one at a time (Omnium: "no concurrent scroll
/// starts"). The token call is exempt (contract §4). Waiters are served
/// in arrival order (``OmniumCallPlaces``); a cancelled waiter leaves the queue with `CancellationError`.
/// Spec: omnium-contract.md §4.
final class OmniumRequestLimiter: Sendable {
    let places: OmniumCallPlaces
    private let scrollStarts = AsyncSemaphore(permits: 1)
    private let bucket: TokenBucket

    init(settings: OmniumLimiterSettings, environment: OmniumClientEnvironment) {
        places = OmniumCallPlaces(requests: settings.maxConcurrentRequests, batches: settings.maxConcurrentBatchRequests)
        bucket = TokenBucket(settings: settings, environment: environment)
    }

    /// Takes a token, waits for a place on the wire, sends `call` through `transport` and frees the place when
    /// the answer (or error) is in.
    func send(_ call: HTTPTransportRequest, for request: OmniumRequest,
              through transport: any HTTPTransport) async throws -> HTTPTransportResponse {
        guard request.isScrollStart else { return try await sendWithinLimits(call, isBatch: request.isBatch, transport) }
        try await scrollStarts.wait()
        do {
            let result = try await sendWithinLimits(call, isBatch: request.isBatch, transport)
            await scrollStarts.signal()
            return result
        } catch {
            await scrollStarts.signal()
            throw error
        }
    }

    private func sendWithinLimits(_ request: HTTPTransportRequest, isBatch: Bool,
                                  _ transport: any HTTPTransport) async throws -> HTTPTransportResponse {
        // The token first: taken while the call may still wait for a place, never later than Omnium takes it.
        try await bucket.take()
        let call = OmniumCallPlaces.Call(request: request, isBatch: isBatch, transport: transport)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                places.enqueue(call, continuation)
            }
        } onCancel: {
            places.cancel(call)
        }
    }
}

// MARK: - Places on the wire

/// Omnium's concurrency limits on the client: at most `requests` calls in flight, of which at most `batches`
/// batch calls; waiting calls are admitted in arrival order (a batch call first waits, in order, for a batch
/// place, then with the others for a place).
///
/// Why not a semaphore awaited by the calling task: the freed place goes straight to the next waiting call,
/// which is started by the thread that delivered the answer (``HTTPTransport/start(_:completion:)``), already
/// built. With an awaited semaphore the next call left only after the finished call's task and then the waiting
/// one had each been woken on Swift's task pool: two thread wake-ups on a place's path per call, a tenth of a
/// POS push's time beyond Omnium's 20 ms on 2 cores.
final class OmniumCallPlaces: @unchecked Sendable {
    /// One call: waiting, on the wire, or done. Its mutable state is guarded by the places' lock.
    final class Call: @unchecked Sendable {
        let request: HTTPTransportRequest
        let isBatch: Bool
        let transport: any HTTPTransport
        fileprivate var continuation: CheckedContinuation<HTTPTransportResponse, any Error>?
        fileprivate var hasBatchPlace = false
        fileprivate var isAdmitted = false
        fileprivate var isCancelled = false
        fileprivate var isFinished = false
        fileprivate var started: (any HTTPTransportCall)?

        init(request: HTTPTransportRequest, isBatch: Bool, transport: any HTTPTransport) {
            self.request = request
            self.isBatch = isBatch
            self.transport = transport
        }
    }

    private let lock = NSLock()
    private var freeRequests: Int
    private var freeBatches: Int
    private var waitingForBatch: [Call] = []
    private var waitingForPlace: [Call] = []

    init(requests: Int, batches: Int) {
        precondition(requests > 0 && batches > 0, "limits must be positive")   // as OmniumLimiterSettings checks them
        freeRequests = requests
        freeBatches = batches
    }

    /// Queues `call`; it starts at once when there is room, else when a place frees. `continuation` gets the
    /// answer, or `CancellationError` when the call is cancelled before it starts.
    func enqueue(_ call: Call, _ continuation: CheckedContinuation<HTTPTransportResponse, any Error>) {
        let admitted: [Call]? = lock.withLock {
            if call.isCancelled { return nil }
            call.continuation = continuation
            if call.isBatch { waitingForBatch.append(call) } else { waitingForPlace.append(call) }
            return admit()
        }
        guard let admitted else {
            continuation.resume(throwing: CancellationError())
            return
        }
        admitted.forEach(begin)
    }

    /// Cancels `call`: a waiting one leaves the queue with `CancellationError` (giving back a batch place it
    /// held); one on the wire is cancelled through its transport and ends with that call's error.
    func cancel(_ call: Call) {
        let (waiting, started, admitted): (CheckedContinuation<HTTPTransportResponse, any Error>?, (any HTTPTransportCall)?, [Call]) =
            lock.withLock {
                call.isCancelled = true
                if call.isAdmitted { return (nil, call.isFinished ? nil : call.started, []) }
                if let index = waitingForBatch.firstIndex(where: { $0 === call }) {
                    waitingForBatch.remove(at: index)
                } else if let index = waitingForPlace.firstIndex(where: { $0 === call }) {
                    waitingForPlace.remove(at: index)
                    if call.hasBatchPlace { freeBatches += 1 }
                } else {
                    return (nil, nil, [])   // not queued yet: `enqueue` sees the flag
                }
                defer { call.continuation = nil }
                return (call.continuation, nil, admit())
            }
        waiting?.resume(throwing: CancellationError())
        started?.cancel()
        admitted.forEach(begin)
    }

    /// Starts an admitted call; its completion frees the place (starting the next waiting call on this thread)
    /// before the caller is resumed.
    private func begin(_ call: Call) {
        let started = call.transport.start(call.request) { result in
            let (continuation, admitted): (CheckedContinuation<HTTPTransportResponse, any Error>?, [Call]) = self.lock.withLock {
                call.isFinished = true
                self.freeRequests += 1
                if call.isBatch { self.freeBatches += 1 }
                defer { call.continuation = nil }
                return (call.continuation, self.admit())
            }
            admitted.forEach(self.begin)
            continuation?.resume(with: result)
        }
        let cancelNow = lock.withLock {
            guard !call.isFinished else { return false }
            call.started = started
            return call.isCancelled
        }
        if cancelNow { started.cancel() }
    }

    /// Calls waiting for a place (tests).
    var waitingCount: Int { lock.withLock { waitingForBatch.count + waitingForPlace.count } }

    /// Gives free places to waiting calls in order; the admitted calls are started by the caller, outside the lock.
    private func admit() -> [Call] {
        while freeBatches > 0, !waitingForBatch.isEmpty {
            let call = waitingForBatch.removeFirst()
            freeBatches -= 1
            call.hasBatchPlace = true
            waitingForPlace.append(call)
        }
        var admitted: [Call] = []
        while freeRequests > 0, !waitingForPlace.isEmpty {
            let call = waitingForPlace.removeFirst()
            freeRequests -= 1
            call.isAdmitted = true
            admitted.append(call)
        }
        return admitted
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
