import Foundation
import Pipeline

// MARK: - omniflow backup

extension Omniflow {
    /// A consistent copy of the Flow store and the control database, safe while a run works.
    public struct Backup: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "backup",
                abstract: "Copy the Flow store and the control database into a folder (online, consistent).",
                discussion: """
                    Uses SQLite's online backup, so it may run while a run writes; each copy is then \
                    checked with PRAGMA integrity_check. The folder is created 0700 and the files 0600 \
                    (they hold customer data); existing files are never overwritten. Run folders are not \
                    copied: a run's staging data can be rebuilt by the next run.
                    """)
        }

        static let folder = Positional<String>(valueName: "folder", help: "Where to write flow.db and omniflow.db.")

        public static var arguments: [ArgumentDefinition] { [folder.definition] + GlobalOptions.arguments }

        public var folder: String
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            folder = try values.get(Self.folder)
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let url = URL(fileURLWithPath: folder, relativeTo: URL(fileURLWithPath: context.currentDirectory, isDirectory: true))
            let report = try OperationsService(configuration: configuration).backup(to: url.standardizedFileURL)
            try global.emit(report, to: context.standardOutput) {
                report.files.map { "Backed up \($0.source) to \($0.path) (\(Format.count($0.bytes)) bytes, integrity ok)\n" }
                    .joined()
            }
            return .success
        }
    }
}
