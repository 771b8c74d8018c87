import Foundation
import Omnium

// MARK: - OmniumClientEventLog

/// Writes what the Omnium client does on its own (each retry with its cause and delay, token
/// renewals, scroll restarts) into the run log of the stage that caused it, and counts the retries
/// per stage for `omniflow runs show`.
///
/// Why: without it retries were invisible: a stage that took ten minutes because Omnium answered
/// 503 forty times looked like a slow stage. The client reports events through
/// `OmniumClientEnvironment.observe`; the runner points this relay at the running stage.
public final class OmniumClientEventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var log: RunLog?
    private var stage: String?
    private var retries = 0

    public init() {}

    /// The observer to give the client (`OmniumClientEnvironment.observing`).
    public var observer: @Sendable (OmniumClientEvent) -> Void {
        { [weak self] event in self?.record(event) }
    }

    /// Events from now on belong to `stage`; its retry count starts at 0.
    func begin(stage: String, log: RunLog) {
        lock.withLock {
            self.log = log
            self.stage = stage
            retries = 0
        }
    }

    /// Stops attributing events to the stage and returns how many requests it retried.
    func end() -> Int {
        lock.withLock {
            defer { log = nil; stage = nil; retries = 0 }
            return retries
        }
    }

    func record(_ event: OmniumClientEvent) {
        let target: (RunLog, String)? = lock.withLock {
            if case .retrying = event { retries += 1 }
            return log.flatMap { log in stage.map { (log, $0) } }
        }
        guard let (log, stage) = target else { return }
        switch event {
        case let .retrying(method, path, status, reason, attempt, delay):
            log.warning("omnium request retried", [
                "stage": stage, "request": "\(method) \(path)", "status": status.map(String.init) ?? "-",
                "cause": reason, "attempt": "\(attempt)", "delay": "\(delay)",
            ])
        case .tokenFetched(let reason):
            log.info("omnium token fetched", ["stage": stage, "reason": reason])
        case let .scrollRestarted(path, reason):
            log.warning("omnium scroll restarted", ["stage": stage, "path": path, "reason": reason])
        }
    }
}
