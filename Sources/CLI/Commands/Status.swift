import Foundation
import Pipeline

// MARK: - omniflow status

extension Omniflow {
    /// A health check for monitoring: Nagios plugin states and exit codes.
    public struct Status: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "status",
                abstract: "Check the installation's health for monitoring (Nagios-style exit codes).",
                discussion: """
                    Checks the age of each cycle's last successful run, dead and waiting jobs per sync \
                    queue, open quarantine and how long each watermark has not advanced, against the \
                    OMNIFLOW_STATUS_* thresholds. Exit status: 0 OK, 1 WARNING, 2 CRITICAL, the worst \
                    check's state, as Nagios, Icinga, Zabbix and Checkmk read plugins. The first line is \
                    the plugin summary; --json prints every check with its measured value.
                    """)
        }

        public static var arguments: [ArgumentDefinition] { GlobalOptions.arguments }

        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let status = try OperationsService(configuration: configuration).status()
            try global.emit(status, to: context.standardOutput) { Self.text(status) }
            return Self.exitCode(status.state)
        }

        /// Nagios' codes happen to equal omniflow's first three: 0 OK, 1 WARNING, 2 CRITICAL.
        static func exitCode(_ state: StatusEvaluation.State) -> ExitCode {
            switch state {
            case .ok: return .success
            case .warning: return .runFailed
            case .critical: return .usageError
            }
        }

        static func text(_ status: StatusEvaluation) -> String {
            let problems = status.checks.filter { $0.state != .ok }
            var text = "OMNIFLOW \(status.state.label) - "
            text += problems.isEmpty ? "\(status.checks.count) checks OK" : problems.map { "\($0.name): \($0.detail)" }.joined(separator: "; ")
            text += "\n"
            var table = TextTable([.init(title: "CHECK"), .init(title: "STATE"), .init(title: "DETAIL")])
            for check in status.checks { table.append([check.name, check.state.label, check.detail]) }
            return text + table.rendered()
        }
    }
}
