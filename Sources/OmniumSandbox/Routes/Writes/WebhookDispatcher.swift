import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Omnium

/// Where and how the sandbox delivers webhook events (the Omnium GUI's event subscription).
public struct WebhookConfiguration: Sendable {
    public var url: URL
    /// Custom headers sent with every event (e.g. an API key); never logged.
    public var headers: [String: String]
    /// Waits before the retries after the first try: 1 s, 5 s, 15 s.
    public var retryDelays: [TimeInterval]
    /// Per-attempt timeout.
    public var timeout: TimeInterval
    /// Every n-th event is delivered twice (at-least-once testing); 0 = never.
    public var duplicateEvery: Int

    public init(url: URL, headers: [String: String] = [:], retryDelays: [TimeInterval] = [1, 5, 15],
                timeout: TimeInterval = 10, duplicateEvery: Int = 0) {
        self.url = url
        self.headers = headers
        self.retryDelays = retryDelays
        self.timeout = timeout
        self.duplicateEvery = duplicateEvery
    }
}

/// One delivery attempt, for read-back.
public struct WebhookAttempt: Sendable, Equatable {
    public var eventId: String
    /// 1 for the first try.
    public var attempt: Int
    public var statusCode: Int?
    /// Transport error text (timeouts, refused connections).
    public var error: String?
}

/// Delivers Omnium-shaped events to the configured URL: one POST per event, first try plus
/// retries after 1 s, 5 s and 15 s; no retry after 2xx, 400, 404 or 429; 10 s timeout per attempt.
/// Deliveries run in the background and in no guaranteed order (as Omnium's).
///
/// Spec: omnium-contract.md §13.
public final class WebhookDispatcher: @unchecked Sendable {
    public let configuration: WebhookConfiguration
    private let sleep: @Sendable (TimeInterval) -> Void
    private let session: URLSession
    private let group = DispatchGroup()
    private let queue = DispatchQueue(label: "omniflow.sandbox.webhooks", attributes: .concurrent)
    private let lock = NSLock()
    private var log: [WebhookAttempt] = []
    private var sent = 0

    /// - Parameter sleep: waits between attempts; tests pass a no-op so retries are instant.
    public init(configuration: WebhookConfiguration,
                sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }) {
        self.configuration = configuration
        self.sleep = sleep
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeout
        sessionConfiguration.timeoutIntervalForResource = configuration.timeout
        session = URLSession(configuration: sessionConfiguration)
    }

    /// Makes this dispatcher deliver every event `state`'s writes emit.
    public func attach(to state: SandboxState) {
        state.onEvents { [self] events in dispatch(events) }
    }

    /// Starts delivering `events` in the background.
    public func dispatch(_ events: [OmniumEvent]) {
        for event in events {
            lock.lock()
            sent += 1
            let twice = configuration.duplicateEvery > 0 && sent % configuration.duplicateEvery == 0
            lock.unlock()
            for _ in 0..<(twice ? 2 : 1) {
                group.enter()
                queue.async { [self] in
                    deliver(event)
                    group.leave()
                }
            }
        }
    }

    /// Blocks until every started delivery has finished; false on timeout.
    @discardableResult
    public func waitUntilIdle(timeout: TimeInterval = 120) -> Bool {
        group.wait(timeout: .now() + timeout) == .success
    }

    /// Every attempt so far.
    public func attempts() -> [WebhookAttempt] {
        lock.lock()
        defer { lock.unlock() }
        return log
    }

    // MARK: - Delivery

    /// True when Omnium would not retry this status: 2xx, 400, 404, 429.
    static func isFinal(_ status: Int) -> Bool {
        (200..<300).contains(status) || status == 400 || status == 404 || status == 429
    }

    private func deliver(_ event: OmniumEvent) {
        guard let body = try? OmniumJSON.encode(event) else { return }
        var request = URLRequest(url: configuration.url, timeoutInterval: configuration.timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        for (name, value) in configuration.headers { request.setValue(value, forHTTPHeaderField: name) }
        let delays = configuration.retryDelays
        for attempt in 1...(delays.count + 1) {
            if attempt > 1 { sleep(delays[attempt - 2]) }
            let (status, error) = send(request)
            lock.lock()
            log.append(WebhookAttempt(eventId: event.id ?? "", attempt: attempt, statusCode: status, error: error))
            lock.unlock()
            if let status, Self.isFinal(status) { return }
        }
    }

    private final class Outcome: @unchecked Sendable {
        var status: Int?
        var error: String?
    }

    private func send(_ request: URLRequest) -> (Int?, String?) {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { _, response, error in
            outcome.status = (response as? HTTPURLResponse)?.statusCode
            outcome.error = error.map { String(describing: type(of: $0)) + ": " + $0.localizedDescription }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + configuration.timeout + 5) == .timedOut {
            task.cancel()
            return (nil, "timeout")
        }
        return (outcome.status, outcome.status == nil ? (outcome.error ?? "no response") : nil)
    }
}
