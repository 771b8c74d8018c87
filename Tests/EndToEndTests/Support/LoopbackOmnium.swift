import Foundation
import Omnium
import OmniumSandbox
import XCTest

// MARK: - Client side

/// What the client did on its own (retries, token fetches, scroll restarts) and which sleeps it
/// asked for, recorded from `OmniumClientEnvironment`.
final class ClientRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var sleeps: [Duration] = []
    private var observed: [OmniumClientEvent] = []

    var requestedSleeps: [Duration] { lock.withLock { sleeps } }
    var events: [OmniumClientEvent] { lock.withLock { observed } }

    func sleep(_ duration: Duration) { lock.withLock { sleeps.append(duration) } }
    func observe(_ event: OmniumClientEvent) { lock.withLock { observed.append(event) } }

    /// Retries with the given status (nil = any status, transport errors included).
    func retries(status: Int? = nil) -> [OmniumClientEvent] {
        events.filter { event in
            guard case let .retrying(_, _, code, _, _, _) = event else { return false }
            return status == nil || code == status
        }
    }

    var scrollRestarts: Int {
        events.filter { if case .scrollRestarted = $0 { return true } else { return false } }.count
    }

    var tokenFetches: [String] {
        events.compactMap { if case let .tokenFetched(reason) = $0 { return reason } else { return nil } }
    }
}

/// Builds real `OmniumClient`s (URLSession transport) pointed at a loopback sandbox.
enum LoopbackOmnium {
    /// A retry policy with tiny real delays: 1 ms base, 20 ms cap, no jitter.
    static func fastRetryPolicy(maxAttempts: Int = 10) -> OmniumRetryPolicy {
        OmniumRetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(1), maxDelay: .milliseconds(20), jitter: .none)
    }

    /// A client whose sleeps are recorded and then really taken, scaled down by `sleepDivisor`
    /// (a 1 s `Retry-After` becomes 1 ms), so faults cost almost nothing but the waits still happen.
    static func client(
        _ sandbox: SandboxServer, clientId: String = "sandbox", secret: String = "sandbox-secret",
        retry: OmniumRetryPolicy = fastRetryPolicy(), recorder: ClientRecorder, sleepDivisor: Int = 1_000,
        now: @escaping @Sendable () -> Date = { Date() }, onSleep: @escaping @Sendable (Duration) -> Void = { _ in },
        tokenRenewalMargin: TimeInterval = 3600
    ) -> OmniumClient {
        let environment = OmniumClientEnvironment(
            sleep: { duration in
                recorder.sleep(duration)
                onSleep(duration)
                try await Task.sleep(for: duration / sleepDivisor)
            },
            now: now,
            uptime: OmniumClientEnvironment.live.uptime,
            random: { 0.5 },
            observe: { recorder.observe($0) })
        let configuration = OmniumConfiguration(
            baseURL: sandbox.baseURL, clientId: clientId, clientSecret: secret, requestTimeout: 30, retryPolicy: retry,
            tokenRenewalMargin: tokenRenewalMargin)
        return OmniumClient(configuration: configuration, environment: environment)
    }
}

// MARK: - Sandbox side

/// Counts the sandbox's answers by status and path from its request log (faults included: the
/// log middleware sits outside fault injection).
final class SandboxStatusCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int: Int] = [:]
    private var paths: [String: Int] = [:]
    private var requests = 0

    var handler: SandboxLogHandler {
        SandboxLogHandler { [self] entry in
            guard let status = entry.metadata["http.status"].flatMap(Int.init) else { return }
            let path = (entry.metadata["http.method"] ?? "") + " "
                + (entry.metadata["http.target"] ?? "").prefix { $0 != "?" }
            lock.withLock {
                requests += 1
                counts[status, default: 0] += 1
                paths[path, default: 0] += 1
            }
        }
    }

    func count(_ status: Int) -> Int { lock.withLock { counts[status] ?? 0 } }
    /// Requests to `"PUT /api/Inventory/UpdateMany"` (method, space, path without query).
    func requests(to path: String) -> Int { lock.withLock { paths[path] ?? 0 } }
    var total: Int { lock.withLock { requests } }
}

// MARK: - Content fingerprints

/// The exact content of what a consumer received: each record's Omnium JSON (keys sorted), in order.
struct ExtractedContent: Equatable {
    var records: [Data] = []

    init<T: Encodable>(_ items: [T]) throws {
        records = try items.map { try OmniumJSON.encode($0) }
    }

    var count: Int { records.count }

    /// FNV-1a 64 over every record (for the log line; equality compares the bytes themselves).
    var hash: String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for record in records {
            for byte in record + [0x0a] {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
        }
        return String(value, radix: 16)
    }
}

/// Reads a scroll stream the way a restart-aware consumer must: a restart (observed through the
/// recorder between two batches) makes earlier batches come again, so the pass starts over. The
/// result is the last, complete pass, in server order; `batches` counts every batch received.
func lastCompletePass<T>(_ stream: AsyncThrowingStream<[T], Error>, recorder: ClientRecorder)
    async throws -> (items: [T], batches: Int, received: Int) {
    var items: [T] = []
    var batches = 0
    var received = 0
    var restartsSeen = recorder.scrollRestarts
    for try await batch in stream {
        let restarts = recorder.scrollRestarts
        if restarts != restartsSeen {
            items.removeAll(keepingCapacity: true)
            restartsSeen = restarts
        }
        items += batch
        batches += 1
        received += batch.count
    }
    return (items, batches, received)
}

extension XCTestCase {
    /// The `OmniumError` that `body` throws; fails the test when it throws nothing or something else.
    func omniumError(_ body: () async throws -> Void, line: UInt = #line) async -> OmniumError? {
        do {
            try await body()
            XCTFail("expected an OmniumError", line: line)
        } catch let error as OmniumError {
            return error
        } catch {
            XCTFail("expected an OmniumError, got \(error)", line: line)
        }
        return nil
    }
}
