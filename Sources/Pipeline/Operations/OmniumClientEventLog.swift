import Foundation
import Omnium

// MARK: - OmniumClientEventLog

/// Writes what the Omnium client does on its own (each retry with its cause and delay, token
/// renewals, scroll restarts) into the run log of the stage that caused it, and counts the retries
/// per stage for `omniflow runs show`.
///
/// Why: without it retries were invisible: a stage that took ten minutes because Omnium answered
/// 503 forty times looked like a slow stage. The client reports events through
/// `OmniumClientEnvironment.observe`; the runner points this relay at the running stages.
public final class OmniumClientEventLog: @unchecked Sendable {
    /// The stage the current task works for: set by the runner around a stage's `run`, inherited by the
    /// tasks the stage starts, so that stages running at the same time each get their own events.
    @TaskLocal static var stage: String?

    private let lock = NSLock()
    private var log: RunLog?
    /// Retries so far of each stage running now.
    private var retries: [String: Int] = [:]

    public init() {}

    /// The observer to give the client (`OmniumClientEnvironment.observing`).
    public var observer: @Sendable (OmniumClientEvent) -> Void {
        { [weak self] event in self?.record(event) }
    }

    /// Events of `stage`'s tasks from now on belong to it; its retry count starts at 0.
    func begin(stage: String, log: RunLog) {
        lock.withLock {
            self.log = log
            retries[stage] = 0
        }
    }

    /// Stops attributing events to `stage` and returns how many requests it retried.
    func end(stage: String) -> Int {
        lock.withLock {
            defer { if retries.isEmpty { log = nil } }
            return retries.removeValue(forKey: stage) ?? 0
        }
    }

    func record(_ event: OmniumClientEvent) {
        let target: (RunLog, String)? = lock.withLock {
            // An event reported outside every stage's tasks belongs to the stage running, when one is.
            let stage = Self.stage.flatMap { retries[$0] == nil ? nil : $0 }
                ?? (retries.count == 1 ? retries.keys.first : nil)
            guard let log, let stage else { return nil }
            if case .retrying = event { retries[stage, default: 0] += 1 }
            return (log, stage)
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
