import Foundation
import Staging

// MARK: - StatusEvaluation

/// `omniflow status`: the snapshot judged against the configured thresholds, one check per line,
/// with Nagios' states and exit codes (0 OK, 1 WARNING, 2 CRITICAL), so any monitoring system that
/// runs Nagios plugins (Icinga, Zabbix, Checkmk, Nagios) can run it unchanged.
public struct StatusEvaluation: Sendable, Codable {
    /// A Nagios service state; the raw value is the plugin exit code.
    public enum State: Int, Sendable, Codable, Comparable {
        case ok = 0, warning = 1, critical = 2

        public var label: String {
            switch self {
            case .ok: return "OK"
            case .warning: return "WARNING"
            case .critical: return "CRITICAL"
            }
        }

        public static func < (lhs: State, rhs: State) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One judged fact.
    public struct Check: Sendable, Codable {
        public var name: String
        public var state: State
        public var detail: String
        /// The measured value behind the state (seconds, jobs, records), for `--json` readers.
        public var value: Double?

        public init(name: String, state: State, detail: String, value: Double?) {
            self.name = name
            self.state = state
            self.detail = detail
            self.value = value
        }
    }

    public var state: State
    public var checks: [Check]

    /// Thresholds from the configuration.
    public struct Thresholds: Sendable {
        public var nightlyWarning: TimeInterval
        public var nightlyCritical: TimeInterval
        public var intradayWarning: TimeInterval
        public var intradayCritical: TimeInterval
        public var quarantineWarning: Int

        public init(_ configuration: OmniflowConfiguration) {
            nightlyWarning = TimeInterval(configuration.statusNightlyWarningHours) * 3600
            nightlyCritical = TimeInterval(configuration.statusNightlyCriticalHours) * 3600
            intradayWarning = TimeInterval(configuration.statusIntradayWarningMinutes) * 60
            intradayCritical = TimeInterval(configuration.statusIntradayCriticalMinutes) * 60
            quarantineWarning = configuration.statusQuarantineWarning
        }

        func ages(for cycle: RunCycle) -> (warning: TimeInterval, critical: TimeInterval) {
            cycle == .nightly ? (nightlyWarning, nightlyCritical) : (intradayWarning, intradayCritical)
        }
    }

    /// A ready-made result (e.g. "no control database").
    public init(state: State, checks: [Check]) {
        self.state = state
        self.checks = checks
    }

    /// Judges `snapshot`.
    ///
    /// Rules (docs/operations.md "Monitoring"): a cycle's last success older than its warning/critical
    /// age; the nightly cycle is expected from the start (never run → WARNING), the intraday cycle
    /// once it has run; any dead job → CRITICAL (a person must act); pending jobs older than the
    /// intraday warning age → WARNING; open quarantine at the threshold → WARNING; a watermark not
    /// advanced for longer than the nightly critical age → WARNING (its stream is not being read).
    public init(snapshot: HealthSnapshot, thresholds: Thresholds) {
        let now = snapshot.takenAt
        var checks: [Check] = []
        for runs in snapshot.cycles {
            let name = "cycle \(runs.cycle.rawValue)"
            let limits = thresholds.ages(for: runs.cycle)
            guard let success = runs.lastSucceeded else {
                if runs.cycle == .nightly || runs.lastFailed != nil {
                    let failed = runs.lastFailed.map { "; last run \($0.id) failed" } ?? ""
                    checks.append(Check(name: name, state: .warning, detail: "no successful run recorded\(failed)",
                                        value: nil))
                }
                continue
            }
            let age = now.timeIntervalSince(success.finishedAt ?? success.startedAt)
            let state: State = age >= limits.critical ? .critical : age >= limits.warning ? .warning : .ok
            var detail = "last success \(Self.duration(age)) ago (run \(success.id))"
            if let failed = runs.lastFailed, failed.startedAt > success.startedAt {
                detail += "; a later run \(failed.id) failed"
            }
            checks.append(Check(name: name, state: state, detail: detail, value: age))
        }
        for queue in snapshot.queues {
            let name = "queue \(queue.queue)"
            if queue.dead > 0 {
                checks.append(Check(name: name, state: .critical,
                                    detail: "\(queue.dead) dead job(s) wait for a person ('omniflow queues show \(queue.queue) --state dead')",
                                    value: Double(queue.dead)))
            } else if let age = queue.oldestPendingAge, age >= thresholds.intradayWarning {
                checks.append(Check(name: name, state: .warning,
                                    detail: "\(queue.pending) pending, the oldest for \(Self.duration(age))", value: age))
            } else {
                checks.append(Check(name: name, state: .ok, detail: "\(queue.pending) pending, 0 dead",
                                    value: Double(queue.pending)))
            }
        }
        let quarantineState: State = snapshot.openQuarantine >= thresholds.quarantineWarning ? .warning : .ok
        checks.append(Check(name: "quarantine", state: quarantineState,
                            detail: "\(snapshot.openQuarantine) open record(s) (warning at \(thresholds.quarantineWarning))",
                            value: Double(snapshot.openQuarantine)))
        for mark in snapshot.watermarks {
            let age = now.timeIntervalSince(mark.updatedAt)
            let state: State = age >= thresholds.nightlyCritical ? .warning : .ok
            checks.append(Check(name: "watermark \(mark.stream)", state: state,
                                detail: "mark \(mark.value), advanced \(Self.duration(age)) ago", value: age))
        }
        self.checks = checks
        state = checks.map(\.state).max() ?? .ok
    }

    /// `3 h 12 min`, `45 s`, `2 d 4 h`.
    static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds))
        let days = total / 86_400, hours = (total % 86_400) / 3600, minutes = (total % 3600) / 60
        if days > 0 { return "\(days) d \(hours) h" }
        if hours > 0 { return "\(hours) h \(minutes) min" }
        if minutes > 0 { return "\(minutes) min" }
        return "\(total) s"
    }
}
