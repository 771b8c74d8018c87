import Foundation
import Staging

// MARK: - PrometheusMetrics

/// The metrics file written after every run, in Prometheus' text exposition format, for
/// node_exporter's textfile collector (`--collector.textfile.directory`): gauges only, no
/// timestamps, written to a temporary file and renamed so the collector never reads half a file.
///
/// What it holds: the last run (duration, success, per stage duration/success/rows), each cycle's
/// last success time, queue depths by state, open quarantine, and every watermark's age.
/// Spec: https://prometheus.io/docs/instrumenting/exposition_formats/
public struct PrometheusMetrics: Sendable {
    public var text: String

    public init(snapshot: HealthSnapshot, lastRun manifest: RunManifest?, cycle: RunCycle?,
                omniumTraffic: OmniumTrafficTally.Counts? = nil) {
        var out = MetricWriter()
        if let traffic = omniumTraffic {
            out.gauge("omniflow_last_run_omnium_requests", "HTTP requests the last run sent to Omnium, retries included.",
                      [([:], Double(traffic.requests))])
            out.gauge("omniflow_last_run_omnium_responses", "Omnium's answers in the last run by class (transport = no answer).",
                      [("2xx", traffic.successes), ("4xx", traffic.clientErrors), ("429", traffic.throttled),
                       ("5xx", traffic.serverErrors), ("transport", traffic.transportErrors)]
                          .map { (["class": $0.0], Double($0.1)) })
            out.gauge("omniflow_last_run_omnium_retried_attempts", "Attempts the client repeated (429, 5xx, transport errors).",
                      [([:], Double(traffic.retriableFailures))])
        }
        if let manifest {
            let runLabels = ["cycle": cycle?.rawValue ?? ""]
            let duration = (manifest.finishedAt ?? snapshot.takenAt).timeIntervalSince(manifest.startedAt)
            out.gauge("omniflow_last_run_duration_seconds", "Wall time of the last run.", [(runLabels, duration)])
            out.gauge("omniflow_last_run_success", "1 when the last run succeeded, else 0.",
                      [(runLabels, manifest.status == .succeeded ? 1 : 0)])
            out.gauge("omniflow_last_run_finish_timestamp_seconds", "When the last run ended (Unix time).",
                      [(runLabels, (manifest.finishedAt ?? snapshot.takenAt).timeIntervalSince1970)])
            let stages = manifest.stages.filter { $0.status != .pending }
            out.gauge("omniflow_stage_duration_seconds", "Duration of each stage of the last run.",
                      stages.map { (["stage": $0.name], Double($0.durationMilliseconds ?? 0) / 1000) })
            out.gauge("omniflow_stage_success", "1 when the stage succeeded (or was reused) in the last run, else 0.",
                      stages.map { (["stage": $0.name], $0.status == .failed ? 0 : 1) })
            out.gauge("omniflow_stage_rows_read", "Rows the stage read in the last run.",
                      stages.map { (["stage": $0.name], Double($0.outcome?.rowsRead ?? 0)) })
            out.gauge("omniflow_stage_rows_written", "Rows the stage wrote in the last run.",
                      stages.map { (["stage": $0.name], Double($0.outcome?.rowsWritten ?? 0)) })
            out.gauge("omniflow_stage_rows_quarantined", "Records the stage withheld (quarantined) in the last run.",
                      stages.map { (["stage": $0.name], Double($0.outcome?.quarantined ?? 0)) })
            out.gauge("omniflow_stage_fields_dropped", "Fields the stage dropped from records it loaded in the last run.",
                      stages.map { (["stage": $0.name], Double($0.outcome?.fieldsDropped ?? 0)) })
            out.gauge("omniflow_stage_check_passed", "1 when the stage's check passed in the last run, else 0.",
                      stages.flatMap { stage in
                          (stage.outcome?.checks ?? []).map { check in
                              (["stage": stage.name, "check": check.name, "blocking": String(check.isBlocking)],
                               check.passed ? 1 : 0)
                          }
                      })
        }
        out.gauge("omniflow_cycle_last_success_timestamp_seconds",
                  "When each cycle last ended successfully (Unix time); absent before its first success.",
                  snapshot.cycles.compactMap { runs in
                      runs.lastSucceeded.map { (["cycle": runs.cycle.rawValue],
                                                ($0.finishedAt ?? $0.startedAt).timeIntervalSince1970) }
                  })
        out.gauge("omniflow_queue_jobs", "Sync jobs per queue and state.",
                  snapshot.queues.flatMap { queue in
                      [("pending", queue.pending), ("running", queue.running), ("done", queue.done), ("dead", queue.dead)]
                          .map { (["queue": queue.queue, "state": $0.0], Double($0.1)) }
                  })
        out.gauge("omniflow_quarantine_open", "Quarantined records (withheld, not loaded) waiting for attention.",
                  [([:], Double(snapshot.openQuarantine))])
        out.gauge("omniflow_quarantine_fields_dropped_open", "Open dropped fields of records that loaded.",
                  [([:], Double(snapshot.openDroppedFields))])
        out.gauge("omniflow_watermark_age_seconds", "Seconds since each stream's watermark last advanced.",
                  snapshot.watermarks.map { (["stream": $0.stream], snapshot.takenAt.timeIntervalSince($0.updatedAt)) })
        text = out.text
    }

    /// Writes the file atomically (``AtomicFile``: the collector never reads half a file).
    public func write(to url: URL) throws {
        try AtomicFile.write(Data(text.utf8), to: url)
    }
}

/// Builds exposition text: `# HELP`, `# TYPE`, then one sample per label set.
private struct MetricWriter {
    var text = ""

    mutating func gauge(_ name: String, _ help: String, _ samples: [([String: String], Double)]) {
        guard !samples.isEmpty else { return }
        text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
        for (labels, value) in samples {
            let rendered = labels.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\"\(Self.escape($0.value))\"" }.joined(separator: ",")
            text += rendered.isEmpty ? name : "\(name){\(rendered)}"
            text += " \(Self.number(value))\n"
        }
    }

    /// Label values escape backslash, double quote and newline (the format's only escapes).
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
