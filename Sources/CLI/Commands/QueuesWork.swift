import Foundation
import Pipeline

// MARK: - omniflow queues work

extension Omniflow.Queues {
    /// Drains the outbound queues now, outside the nightly batch (for intraday cycles).
    public struct Work: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "work",
                abstract: "Push what is due in the outbound queues now (a run of the enqueue and push stages).",
                discussion: """
                    Turns the Flow store's changes since the last run into jobs, then pushes every due job \
                    of the outbound queues (or of '--queue' only) to Omnium. It is an ordinary run \
                    (recorded, resumable) under the run lock: if a run holds it, nothing is done and the \
                    exit status is 3. Jobs waiting for their backoff are left for later.
                    """)
        }

        static let queue = Option<String?>("queue", valueName: "queue", help: "Only this queue (e.g. external_stock_sync).")

        public static var arguments: [ArgumentDefinition] { [queue.definition] + GlobalOptions.arguments }

        public var queueName: String?
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            queueName = try values.get(Self.queue)
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            do {
                _ = try OutboundStages.stages(forQueue: queueName)
            } catch let error as OutboundStages.UnknownQueue {
                throw CommandLineError.validation(error.description)
            }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            try configuration.requireOmniumSettings()
            let selection = RunSelectionRequest(onlyStages: try OutboundStages.stages(forQueue: queueName))
            let report = try await context.withProgress(quiet: global.isQuiet) { progress in
                try await context.services.run(configuration: configuration, selection: selection, progress: progress)
            }
            try RunReportPrinter(global: global, timeZone: configuration.businessTimeZone).print(report, to: context.standardOutput)
            return report.exitCode
        }
    }
}
