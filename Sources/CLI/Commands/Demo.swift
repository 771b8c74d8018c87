import Foundation
import Pipeline

// MARK: - omniflow demo

extension Omniflow {
    /// The self-contained demo: a local Omnium sandbox, a full run, results on disk.
    public struct Demo: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "demo",
                abstract: "Run the whole integration against a local Omnium sandbox with generated data.",
                discussion: """
                    Needs no configuration and no network: a sandbox is started on 127.0.0.1, seeded, \
                    and a full run writes its Flow store and staging data into the demo folder; a simulated \
                    POS day is then pushed to the sandbox, its receipts as invoice PDFs when the receipt \
                    templates are at hand (run from the repository). The demo writes demo/omniflow.json \
                    and prints the commands that inspect its results.
                    """)
        }

        static let directory = Option<String>("dir", valueName: "folder", help: "Folder for everything the demo writes.", default: "demo")
        static let seed = Option<UInt64>("seed", valueName: "seed", help: "Seed of the data generator; the same seed gives the same data.", default: 42)
        static let products = Option<Int>("products", valueName: "count", help: "Number of products to generate.", default: 200)

        public static var arguments: [ArgumentDefinition] {
            [directory.definition, seed.definition, products.definition, GlobalOptions.json.definition, GlobalOptions.quiet.definition]
        }

        public var options: DemoOptions
        public var isJSON: Bool
        public var isQuiet: Bool

        public init(_ values: ParsedValues) throws {
            options = DemoOptions(directory: try values.get(Self.directory), seed: try values.get(Self.seed), products: try values.get(Self.products))
            isJSON = values.get(GlobalOptions.json)
            isQuiet = values.get(GlobalOptions.quiet)
        }

        public func validate(_ context: CommandContext) throws {
            guard (1...1_000_000).contains(options.products) else {
                throw CommandLineError.validation("'--products' must be between 1 and 1000000, got \(options.products)")
            }
            guard !options.directory.isEmpty else { throw CommandLineError.validation("'--dir' must not be empty") }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let report = try await context.withProgress(quiet: isQuiet) { progress in
                try await context.services.demo(options: options, progress: progress)
            }
            if isJSON {
                try OutputJSON.write(report, to: context.standardOutput)
            } else if !isQuiet {
                let printer = RunReportPrinter(global: GlobalOptions.plain, timeZone: OmniflowConfiguration().businessTimeZone)
                var text = printer.summary(report.run)
                text += "Flow store: \(report.flowStorePath)\n"
                for note in report.notes { text += note + "\n" }
                context.standardOutput.write(text)
            }
            return report.run.exitCode
        }
    }
}

extension GlobalOptions {
    /// No file, human output: for commands that print a summary without `GlobalOptions`.
    static var plain: GlobalOptions {
        // swift-format-ignore: NeverUseForceTry
        try! GlobalOptions(ParsedValues())
    }
}
