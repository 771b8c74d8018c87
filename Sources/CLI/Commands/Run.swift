import Pipeline
import Foundation

// MARK: - omniflow run

extension Omniflow {
    /// Runs the batch: extract, transform, load, and the queues.
    public struct Run: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "run",
                abstract: "Run the batch: extract, transform and load, stage by stage.",
                discussion: """
                    Stages run in dependency order and are recorded in the control database. A failed \
                    stage stops the stages that depend on it; invalid records are quarantined, not dropped. \
                    Only one run at a time: if another run holds the lock, omniflow exits with status 3.
                    """)
        }

        public static var arguments: [ArgumentDefinition] {
            GlobalOptions.arguments + RunSelection.arguments
        }

        public var global: GlobalOptions
        public var selection: RunSelection

        public init(_ values: ParsedValues) throws {
            global = try GlobalOptions(values)
            selection = try RunSelection(values)
        }

        public func validate(_ context: CommandContext) throws {
            try selection.validate(context)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            try configuration.requireOmniumSettings()
            let report = try await context.withProgress(quiet: global.isQuiet) { progress in
                try await context.services.run(configuration: configuration, selection: selection.request, progress: progress)
            }
            try RunReportPrinter(global: global, timeZone: configuration.businessTimeZone).print(report, to: context.standardOutput)
            return report.exitCode
        }
    }
}

// MARK: - RunReport printing

extension RunReport {
    /// 0 when the run succeeded, 1 otherwise.
    var exitCode: ExitCode { status == .succeeded ? .success : .runFailed }
}

/// Prints a run report as JSON or as a summary table.
struct RunReportPrinter {
    var global: GlobalOptions
    var timeZone: TimeZone

    func print(_ report: RunReport, to output: any TextOutput) throws {
        if global.isJSON { return try OutputJSON.write(report, to: output) }
        guard global.isSummaryWanted else { return }
        output.write(summary(report))
    }

    func summary(_ report: RunReport) -> String {
        var text = "Run \(report.runID) \(report.status.rawValue) in \(Format.duration(report.duration))"
        text += " (started \(Format.timestamp(report.startedAt, in: timeZone)))\n"
        var table = TextTable([
            .init(title: "STAGE"), .init(title: "STATUS"), .init(title: "READ", alignment: .right),
            .init(title: "WRITTEN", alignment: .right), .init(title: "WITHHELD", alignment: .right),
            .init(title: "DROPPED", alignment: .right), .init(title: "TIME", alignment: .right),
        ])
        for stage in report.stages {
            table.append([
                stage.name, stage.status.rawValue, Format.count(stage.rowsRead), Format.count(stage.rowsWritten),
                Format.count(stage.rowsQuarantined), Format.count(stage.fieldsDropped), Format.duration(stage.duration),
            ])
        }
        text += table.rendered()
        let withheld = report.stages.reduce(0) { $0 + $1.rowsQuarantined }
        let dropped = report.stages.reduce(0) { $0 + $1.fieldsDropped }
        if withheld > 0 || dropped > 0 {
            text += "Quarantine: \(withheld) record(s) withheld (not loaded), \(dropped) field(s) dropped from "
                + "records that loaded; omniflow quarantine list\n"
        }
        for queue in report.leftInQueues {
            var parts: [String] = []
            if queue.pending > 0 {
                parts.append("\(queue.pending) pending"
                             + (queue.nextAttemptAt.map { ", next attempt \(Format.timestamp($0, in: timeZone))" } ?? ""))
            }
            if queue.dead > 0 { parts.append("\(queue.dead) dead (omniflow queues retry \(queue.queue))") }
            text += "Left in queue \(queue.queue): \(parts.joined(separator: "; "))\n"
        }
        for stage in report.stages where stage.status == .failed {
            text += "\(stage.name) failed: \(stage.message ?? "no message recorded")\n"
        }
        for stage in report.stages {
            for check in stage.failedChecks { text += "\(stage.name) check \(check) (omniflow runs show \(report.runID))\n" }
        }
        text += "Run folder: \(report.runFolder)\n"
        return text
    }
}
