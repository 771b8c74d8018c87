import Foundation

// MARK: - ProgressReporter

/// Shows the progress of long work on a terminal and stays silent in a pipe or a log.
///
/// Why: a nightly run writes to a log where redraw sequences are noise, while a person at a
/// terminal wants to see which stage is working. The pipeline reports events; this type alone
/// decides whether and how to draw them. On a terminal it keeps one status line (redrawn at most
/// every `minimumRedrawInterval`) and prints a permanent line per finished stage.
/// Thread-safe: stages may report from any task.
public final class ProgressReporter: @unchecked Sendable {
    /// What the pipeline tells the reporter.
    public enum Event: Sendable, Equatable {
        case stageStarted(String)
        /// `total` is `nil` when unknown (paged extracts).
        case stageAdvanced(String, completed: Int, total: Int?)
        case stageFinished(String, status: StageStatus, rows: Int)
        /// A line worth showing between stages ("sandbox listening on …").
        case note(String)
    }

    private let output: any TextOutput
    /// Whether anything is drawn at all.
    public let isInteractive: Bool
    private let minimumRedrawInterval: Duration
    private let clock = ContinuousClock()
    private let lock = NSLock()
    private var statusLine = ""
    /// The stages running now, in the order they started, with how far each is (stages of the catalogue
    /// run two at a time, and the status line shows both).
    private var running: [(stage: String, progress: String)] = []
    private var lastDraw: ContinuousClock.Instant?

    public init(output: any TextOutput, isInteractive: Bool, minimumRedrawInterval: Duration = .milliseconds(100)) {
        self.output = output
        self.isInteractive = isInteractive
        self.minimumRedrawInterval = minimumRedrawInterval
    }

    /// A reporter that never draws.
    public static var silent: ProgressReporter {
        ProgressReporter(output: StandardStream.error, isInteractive: false)
    }

    // MARK: - Reporting

    public func report(_ event: Event) {
        guard isInteractive else { return }
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .stageStarted(let stage):
            running.removeAll { $0.stage == stage }
            running.append((stage, "…"))
            draw(force: true)
        case .stageAdvanced(let stage, let completed, let total):
            let amount = total.map { total in
                "\(completed)/\(total)" + (total > 0 ? " (\(completed * 100 / total)%)" : "")
            } ?? "\(completed)"
            if let index = running.firstIndex(where: { $0.stage == stage }) {
                running[index].progress = amount
            } else {
                running.append((stage, amount))
            }
            draw(force: false)
        case .stageFinished(let stage, let status, let rows):
            let mark: String
            switch status {
            case .succeeded: mark = "✓"
            case .failed: mark = "✗"
            case .skipped: mark = "–"
            case .pending, .running: mark = "·"
            }
            running.removeAll { $0.stage == stage }
            statusLine = running.isEmpty ? "" : Self.status(of: running)
            permanent("\(mark) \(stage) \(status.rawValue), \(rows) rows")
        case .note(let text):
            permanent(text)
        }
    }

    /// Clears the status line; call when the work is over, before printing a summary.
    public func finish() {
        guard isInteractive else { return }
        lock.lock()
        defer { lock.unlock() }
        if !statusLine.isEmpty { output.write("\r\u{1B}[2K") }
        statusLine = ""
    }

    // MARK: - Drawing (lock held)

    private func draw(force: Bool) {
        let now = clock.now
        if !force, let lastDraw, lastDraw.duration(to: now) < minimumRedrawInterval { return }
        lastDraw = now
        statusLine = Self.status(of: running)
        output.write("\r\u{1B}[2K" + statusLine)
    }

    private static func status(of running: [(stage: String, progress: String)]) -> String {
        running.map { "▸ \($0.stage) \($0.progress)" }.joined(separator: "   ")
    }

    private func permanent(_ line: String) {
        output.write("\r\u{1B}[2K" + line + "\n")
        if !statusLine.isEmpty { output.write(statusLine) }
    }
}
