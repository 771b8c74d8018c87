import Foundation
import Omnium

// MARK: - OmniumTrafficTally

/// Counts what one process sent to Omnium: requests, answers by class, 429s, and failed attempts the
/// client will repeat (429, 5xx, transport errors), for the metrics file and capacity planning.
///
/// Why at the transport: it sees every attempt, retries included, without the client or the stages
/// knowing it is there.
public final class OmniumTrafficTally: @unchecked Sendable {
    /// The counts so far.
    public struct Counts: Sendable, Equatable, Codable {
        public var requests = 0
        public var successes = 0
        public var clientErrors = 0
        public var throttled = 0
        public var serverErrors = 0
        public var transportErrors = 0

        public init() {}

        /// Attempts that failed in a way the client repeats (429, 5xx, transport errors).
        public var retriableFailures: Int { throttled + serverErrors + transportErrors }
    }

    private let lock = NSLock()
    private var counts = Counts()

    public init() {}

    public var snapshot: Counts { lock.withLock { counts } }

    func record(status: Int?) {
        lock.withLock {
            counts.requests += 1
            switch status {
            case nil: counts.transportErrors += 1
            case 429?: counts.throttled += 1
            case let code? where code >= 500: counts.serverErrors += 1
            case let code? where code >= 400: counts.clientErrors += 1
            default: counts.successes += 1
            }
        }
    }

    /// `transport` with every exchange counted here.
    public func counting(_ transport: any HTTPTransport) -> any HTTPTransport {
        CountingTransport(base: transport, tally: self)
    }
}

/// An `HTTPTransport` that counts each exchange and passes it on unchanged.
private struct CountingTransport: HTTPTransport {
    let base: any HTTPTransport
    let tally: OmniumTrafficTally

    func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        do {
            let response = try await base.send(request)
            tally.record(status: response.status)
            return response
        } catch {
            tally.record(status: nil)
            throw error
        }
    }
}
