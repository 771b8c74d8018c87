import Foundation
import Pipeline

// MARK: - omniflow pos import

extension Omniflow.Pos {
    /// Imports POS journal files (SAF-T Cash Register XML, JSON Lines) into the Flow store as a run.
    public struct Import: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "import",
                abstract: "Import POS journals (SAF-T Cash Register XML or JSON Lines) into the Flow store.",
                discussion: """
                    The format is detected from the content. Each file is read once; each transaction is \
                    stored whole or not at all; a broken one is quarantined with its reason and line; a file \
                    that is unusable (truncated, not XML, …) stops the import naming element and line, keeping \
                    only whole transactions written before it; importing a file again stores nothing new. After a SAF-T \
                    import the file's Z reports are compared per VAT code and payment type: a mismatch fails \
                    the run (exit 1) with both numbers. The import is a run of its own ('omniflow runs show'); \
                    the next 'omniflow run' pushes the imported transactions to Omnium. See docs/mapping-saft.md.
                    """)
        }

        static let files = PositionalList(valueName: "file", help: "SAF-T XML or JSON Lines files.")
        static let store = Option<String?>("store", valueName: "store-uid",
                                           help: "The Flow store of the file's location (default: the store named like the location).")
        static let createArticles = Flag("create-unknown-articles",
                                         help: "Import lines of articles that are no SKU in the Flow store (default: quarantine the transaction).")

        public static var arguments: [ArgumentDefinition] {
            [files.definition, store.definition, createArticles.definition] + GlobalOptions.arguments
        }

        var files: [String]
        var store: String?
        var createArticles: Bool
        var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            files = values.get(Self.files)
            store = try values.get(Self.store)
            createArticles = values.get(Self.createArticles)
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            guard !files.isEmpty else { throw CommandLineError.validation("give at least one file to import") }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let base = URL(fileURLWithPath: context.currentDirectory, isDirectory: true)
            let urls = files.map { URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL }
            for url in urls where !FileManager.default.isReadableFile(atPath: url.path) {
                throw CommandLineError.validation("cannot read '\(url.path)'")
            }
            let stage = ImportPosJournal(files: urls, storeUid: store, createUnknownArticles: createArticles)
            let report = try await context.withProgress(quiet: global.isQuiet) { progress in
                try await PipelineServices().execute(
                    configuration: configuration,
                    request: RunRequest(arguments: "pos import " + files.joined(separator: " ")),
                    progress: progress, stages: [stage], localOnly: true)
            }
            try RunReportPrinter(global: global, timeZone: configuration.businessTimeZone).print(report, to: context.standardOutput)
            return report.exitCode
        }
    }
}
