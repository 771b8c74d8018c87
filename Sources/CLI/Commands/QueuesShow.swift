import Foundation
import Pipeline

// MARK: - omniflow queues show

extension Omniflow.Queues {
    /// One queue's jobs with their attempts and last error.
    public struct Show: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(name: "show", abstract: "List a queue's jobs, oldest first, with attempts and the last error.")
        }

        static let queue = Positional<String>(valueName: "queue", help: "The queue's name, as 'omniflow queues' lists it.")
        static let state = Option<String?>(
            "state", valueName: "state", help: "Only jobs in this state.",
            allowedValues: QueueJobState.allCases.map(\.rawValue))
        static let limit = Option<Int>("limit", valueName: "n", help: "Show at most this many jobs.", default: 100)

        public static var arguments: [ArgumentDefinition] {
            [queue.definition, state.definition, limit.definition] + GlobalOptions.arguments
        }

        public var queueName: String
        public var state: QueueJobState?
        public var limit: Int
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            queueName = try values.get(Self.queue)
            state = try values.get(Self.state).flatMap(QueueJobState.init(rawValue:))
            limit = try values.get(Self.limit)
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            guard limit > 0 else { throw CommandLineError.validation("'--limit' must be at least 1, got \(limit)") }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let jobs = try context.services.showQueue(name: queueName, state: state, limit: limit, configuration: configuration)
            try global.emit(jobs, to: context.standardOutput) {
                guard !jobs.isEmpty else {
                    return "No \(state.map { "\($0.rawValue) " } ?? "")jobs in \(queueName).\n"
                }
                return Self.table(jobs, timeZone: configuration.businessTimeZone)
            }
            return .success
        }

        static func table(_ jobs: [QueueJobListing], timeZone: TimeZone) -> String {
            var table = TextTable([
                .init(title: "OBJECT"), .init(title: "KIND"), .init(title: "STATE"), .init(title: "ATTEMPTS", alignment: .right),
                .init(title: "NEXT ATTEMPT"), .init(title: "UPDATED"), .init(title: "LAST ERROR"),
            ])
            for job in jobs {
                table.append([
                    job.objectKey, job.kind, job.state.rawValue, String(job.attempts),
                    job.state == .pending ? Format.timestamp(job.nextAttemptAt, in: timeZone) : "–",
                    Format.timestamp(job.updatedAt, in: timeZone), job.lastError ?? "",
                ])
            }
            return table.rendered()
        }
    }
}
