import Foundation
import Pipeline

// MARK: - omniflow queues

extension Omniflow {
    /// The sync queues at a glance; `queues show` lists jobs, `queues retry` puts dead ones back.
    public struct Queues: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "queues",
                abstract: "Show the sync queues: pending, running, done and dead jobs per queue.",
                discussion: """
                    Each run pushes the due pending jobs of a queue to Omnium. Failed pushes are tried \
                    again later; jobs Omnium refused for good are 'dead' and wait for a person: see \
                    them with 'omniflow queues show <queue> --state dead', fix the cause, then \
                    'omniflow queues retry <queue> --all-dead'.
                    """,
                subcommands: [Show.self, Retry.self, Work.self])
        }

        public static var arguments: [ArgumentDefinition] { GlobalOptions.arguments }

        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let queues = try context.services.listQueues(configuration: configuration)
            try global.emit(queues, to: context.standardOutput) { Self.table(queues, timeZone: configuration.businessTimeZone) }
            return .success
        }

        static func table(_ queues: [QueueSummary], timeZone: TimeZone) -> String {
            var table = TextTable([
                .init(title: "QUEUE"), .init(title: "PENDING", alignment: .right), .init(title: "RUNNING", alignment: .right),
                .init(title: "DONE", alignment: .right), .init(title: "DEAD", alignment: .right), .init(title: "NEXT ATTEMPT"),
                .init(title: "OLDEST PENDING", alignment: .right),
            ])
            for queue in queues {
                table.append([
                    queue.queue, Format.count(queue.pending), Format.count(queue.running), Format.count(queue.done),
                    Format.count(queue.dead), queue.nextAttemptAt.map { Format.timestamp($0, in: timeZone) } ?? "–",
                    queue.oldestPendingAge.map { Format.duration(max($0, 0)) } ?? "–",
                ])
            }
            var text = table.rendered()
            let dead = queues.filter { $0.dead > 0 }
            for queue in dead {
                text += "\(queue.queue): \(queue.dead) dead job\(queue.dead == 1 ? " waits" : "s wait") for a person; "
                    + "see 'omniflow queues show \(queue.queue) --state dead'.\n"
            }
            return text
        }
    }
}
