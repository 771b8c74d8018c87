import Foundation
import Pipeline

// MARK: - omniflow queues retry

extension Omniflow.Queues {
    /// Puts dead (or failed pending) jobs back to pending, due now, for the next run to push.
    public struct Retry: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "retry",
                abstract: "Put dead or failed jobs back to pending, due now; the next run pushes them.",
                discussion: """
                    Give one object key, or '--all-dead' for every dead job of the queue. Attempts are \
                    kept. Nothing else changes. It takes the run lock while it works: if a run holds \
                    it, nothing is changed and the exit status is 3.
                    """)
        }

        static let queue = Positional<String>(valueName: "queue", help: "The queue's name, as 'omniflow queues' lists it.")
        static let objectKey = Positional<String?>(valueName: "object-key", help: "The object whose job to retry (an order id, …).")
        static let allDead = Flag("all-dead", help: "Retry every dead job of the queue.")

        public static var arguments: [ArgumentDefinition] {
            [queue.definition, objectKey.definition, allDead.definition] + GlobalOptions.arguments
        }

        public var queueName: String
        public var objectKey: String?
        public var isAllDead: Bool
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            queueName = try values.get(Self.queue)
            objectKey = try values.get(Self.objectKey)
            isAllDead = values.get(Self.allDead)
            global = try GlobalOptions(values)
        }

        /// Exactly one of `<object-key>` and `--all-dead`.
        var target: QueueRetryTarget? {
            switch (objectKey, isAllDead) {
            case (let key?, false): return .object(key)
            case (nil, true): return .allDead
            default: return nil
            }
        }

        public func validate(_ context: CommandContext) throws {
            guard target != nil else {
                throw CommandLineError.validation("give either an <object-key> or '--all-dead'")
            }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            // swift-format-ignore: NeverForceUnwrap
            let report = try context.services.retryQueue(name: queueName, target: target!, configuration: configuration)
            try global.emit(report, to: context.standardOutput) { summary(report) }
            return .success
        }

        func summary(_ report: QueueRetryReport) -> String {
            guard !report.retried.isEmpty else {
                switch target {
                case .object(let key)?: return "Nothing to retry: \(key) has no dead or failed job in \(report.queue).\n"
                default: return "Nothing to retry: \(report.queue) has no dead jobs.\n"
                }
            }
            let count = report.retried.count
            return "Retried \(count) job\(count == 1 ? "" : "s") of \(report.queue): "
                + report.retried.map(\.objectKey).joined(separator: ", ")
                + ". Pending, due now; the next run pushes \(count == 1 ? "it" : "them").\n"
        }
    }
}
