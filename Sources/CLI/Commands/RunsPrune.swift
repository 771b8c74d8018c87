import Foundation
import Pipeline

// MARK: - omniflow runs prune

extension Omniflow.Runs {
    /// Removes old run folders by the retention rule (also applied after every run).
    public struct Prune: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "prune",
                abstract: "Remove old run folders, keeping the newest runs and every run still needed.",
                discussion: """
                    Keeps the newest --keep runs (default OMNIFLOW_KEEP_RUNS, 30), every failed run that \
                    --resume would still accept, and for each stage the latest run where it succeeded \
                    (--only and --from copy inputs from it). Only run folders are removed; the runs stay \
                    listed by 'omniflow runs'. The same rule is applied after every run. Takes the run lock.
                    """)
        }

        static let keep = Option<Int?>("keep", valueName: "n", help: "Runs to keep besides those still needed (default OMNIFLOW_KEEP_RUNS).")
        static let dryRun = Flag("dry-run", help: "Show what would be removed; remove nothing.")

        public static var arguments: [ArgumentDefinition] {
            [keep.definition, dryRun.definition] + GlobalOptions.arguments
        }

        public var keep: Int?
        public var isDryRun: Bool
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            keep = try values.get(Self.keep)
            isDryRun = values.get(Self.dryRun)
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            if let keep = self.keep, keep < 1 {
                throw CommandLineError.invalidValue(argument: "--keep", value: String(keep), expected: "a whole number of at least 1")
            }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let decisions = try OperationsService(configuration: configuration)
                .pruneRuns(keep: keep ?? configuration.keepRuns, dryRun: isDryRun)
            try global.emit(decisions, to: context.standardOutput) { Self.summary(decisions, dryRun: isDryRun) }
            return .success
        }

        static func summary(_ decisions: [RunRetention.Decision], dryRun: Bool) -> String {
            var table = TextTable([.init(title: "RUN"), .init(title: "FOLDER"), .init(title: "BYTES", alignment: .right)])
            for decision in decisions {
                let verdict = decision.isKept ? "kept: \(decision.reason)" : (dryRun ? "would be removed" : "removed")
                table.append([decision.runID, verdict, Format.count(Int(decision.bytes))])
            }
            let removed = decisions.filter { !$0.isKept }
            let bytes = removed.reduce(Int64(0)) { $0 + $1.bytes }
            return table.rendered() + "\(removed.count) run folder(s) \(dryRun ? "would be removed" : "removed"), "
                + "\(Format.count(Int(bytes))) bytes\n"
        }
    }
}
