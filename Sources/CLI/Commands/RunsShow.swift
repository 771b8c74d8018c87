import Foundation
import Pipeline

// MARK: - omniflow runs show

extension Omniflow.Runs {
    /// One run in detail: stages, errors, quarantined records.
    public struct Show: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(name: "show", abstract: "Show one run: its stages, errors and quarantined records.")
        }

        static let id = Positional<String>(valueName: "run-id", help: "The run's id, as 'omniflow runs' lists it.")

        public static var arguments: [ArgumentDefinition] {
            [id.definition] + GlobalOptions.arguments
        }

        public var runID: String
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            runID = try values.get(Self.id)
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            try RunID.validate(runID, option: "<run-id>")
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let detail = try context.services.showRun(id: runID, configuration: configuration)
            if global.isJSON {
                try OutputJSON.write(detail, to: context.standardOutput)
            } else if !global.isQuiet {
                let timeZone = configuration.businessTimeZone
                var text = RunReportPrinter(global: global, timeZone: timeZone).summary(detail.run)
                if !detail.parameters.isEmpty {
                    text += "\nParameters:\n"
                    for stage in detail.parameters {
                        text += "  \(stage.stage): \(stage.notes.joined(separator: ", "))\n"
                    }
                }
                if !detail.notes.isEmpty {
                    text += "\nNotes:\n"
                    for stage in detail.notes {
                        for note in stage.notes { text += "  \(stage.stage): \(note)\n" }
                    }
                }
                if !detail.checks.isEmpty {
                    text += "\nChecks:\n"
                    for stage in detail.checks {
                        for check in stage.checks {
                            text += "  \(stage.stage): \(check.verdict)\(check.isBlocking ? "" : " (not blocking)")"
                                + " — \(check.summary)\n"
                            for failure in check.failures {
                                text += "    \(failure.key): expected \(failure.expected), actual \(failure.actual)\n"
                            }
                        }
                    }
                }
                if !detail.stageErrors.isEmpty {
                    text += "\nErrors:\n"
                    for failure in detail.stageErrors { text += "  \(failure.stage): \(failure.message)\n" }
                }
                if !detail.quarantine.isEmpty {
                    text += "\nQuarantined records:\n" + Omniflow.Quarantine.List.table(detail.quarantine, timeZone: timeZone)
                }
                context.standardOutput.write(text)
            }
            return .success
        }
    }
}
