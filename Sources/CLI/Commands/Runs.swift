import Pipeline
import Foundation

// MARK: - omniflow runs

extension Omniflow {
    /// Lists recorded runs; `runs show` details one.
    public struct Runs: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "runs",
                abstract: "List recorded runs, newest first.",
                subcommands: [Show.self, Prune.self])
        }

        public static var arguments: [ArgumentDefinition] { GlobalOptions.arguments }

        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let runs = try context.services.listRuns(configuration: configuration)
            try global.emit(runs, to: context.standardOutput) { Self.table(runs, timeZone: configuration.businessTimeZone) }
            return .success
        }

        static func table(_ runs: [RunListing], timeZone: TimeZone) -> String {
            guard !runs.isEmpty else { return "No runs recorded yet.\n" }
            var table = TextTable([
                .init(title: "RUN"), .init(title: "STATUS"), .init(title: "STARTED"),
                .init(title: "DURATION", alignment: .right), .init(title: "STAGES", alignment: .right),
                .init(title: "FAILED STAGE"),
            ])
            for run in runs {
                table.append([
                    run.runID, run.status.rawValue, Format.timestamp(run.startedAt, in: timeZone),
                    run.finishedAt.map { Format.duration($0.timeIntervalSince(run.startedAt)) } ?? "–",
                    String(run.stageCount), run.failedStage ?? "",
                ])
            }
            return table.rendered()
        }
    }
}
