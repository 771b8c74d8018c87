import Foundation
import Omnium
import Staging

// MARK: - SyncJobOutcome

/// What one attempt at a sync job came to, as a push or fetch handler reports it to ``SyncQueueWorker``.
///
/// Why "outcome unknown" is its own case: a create that timed out or lost its connection may have taken
/// effect in Omnium. The job is retried like any other, but every attempt after the first starts with a
/// read-back (``SyncJobAttempt/mustVerify``), so the retry never creates the object twice.
public enum SyncJobOutcome: Sendable, Hashable {
    /// The effect is in place (also: 409 on a create with our id, or the read-back found it).
    case done
    /// A later stage finishes the job (the inbound extract hands its jobs to the order load); left running.
    case handedOver
    /// Failed, may succeed later: pending again after the backoff, at least `retryAfter` seconds.
    case retry(reason: String, retryAfter: TimeInterval? = nil)
    /// The answer never came: may have taken effect. Retried after the backoff; the retry verifies first.
    case outcomeUnknown(reason: String)
    /// Cannot succeed on repeat (most 4xx, a record that cannot be mapped): dead at once with the reason.
    case dead(reason: String)

    /// The outcome an Omnium error stands for: 429/5xx/network → retry (network on a call that must not be
    /// repeated → outcome unknown), other 4xx → dead. 404 and 409 mean different things per push; the
    /// handler decides those before calling this.
    public static func from(_ error: OmniumError) -> SyncJobOutcome {
        switch error.kind {
        case .timeout, .connection:
            return .outcomeUnknown(reason: error.description)
        default:
            guard error.isRetryable else { return .dead(reason: error.description) }
            return .retry(reason: error.description, retryAfter: error.retryAfter.map(Self.seconds))
        }
    }

    /// The outcome of an error a push threw: Omnium errors as ``from(_:)`` (a refused token is rethrown:
    /// every other job would fail the same way), a record that can never be pushed → dead, anything
    /// else of ours (the Flow store) → retry after the backoff.
    public static func from(anyError error: any Error) throws -> SyncJobOutcome {
        if let error = error as? OmniumError {
            if error.isFatal { throw error }
            return from(error)
        }
        if let error = error as? OutboundMappingFailure { return .dead(reason: error.description) }
        if error is CancellationError { throw error }
        return .retry(reason: String(describing: error))
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}

// MARK: - SyncJobAttempt

/// One claimed job handed to a handler.
public struct SyncJobAttempt: Sendable {
    public var job: SyncJob
    /// An earlier attempt was made (it failed, was interrupted, or its answer never came), so it may have
    /// taken effect: read the object back from Omnium before sending it again.
    public var mustVerify: Bool { job.attempts > 1 }

    public init(job: SyncJob) { self.job = job }
}

/// Errors that make a job dead rather than retried: a record that can never be pushed as it is.
public protocol OutboundMappingFailure: Error, CustomStringConvertible {}
