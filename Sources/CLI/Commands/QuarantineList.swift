import Foundation
import Pipeline

// MARK: - omniflow quarantine list

extension Omniflow.Quarantine {
    /// Lists quarantined records with their reasons.
    public struct List: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "list", abstract: "List open quarantine issues: records withheld and fields dropped.",
                discussion: """
                    A withheld record is not in the Flow store; every run retries it. A dropped field (an \
                    invalid barcode, an unknown product group) was left out of a record that loaded. Each \
                    issue leaves the list when a later run maps the record without it. 'omniflow quarantine \
                    show <id>' prints one issue with the source payload.
                    """)
        }

        static let kind = Option<String?>(
            "kind", valueName: "kind", help: "Only issues of this kind.",
            allowedValues: QuarantineListing.Kind.allCases.map(\.rawValue))

        public static var arguments: [ArgumentDefinition] { [kind.definition] + GlobalOptions.arguments }

        public var kind: QuarantineListing.Kind?
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            kind = try values.get(Self.kind).flatMap(QuarantineListing.Kind.init(rawValue:))
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let entries = try context.services.listQuarantine(configuration: configuration)
                .filter { kind == nil || $0.kind == kind }
            try global.emit(entries, to: context.standardOutput) {
                entries.isEmpty ? "No quarantined records.\n" : Self.table(entries, timeZone: configuration.businessTimeZone)
            }
            return .success
        }

        static func table(_ entries: [QuarantineListing], timeZone: TimeZone) -> String {
            var table = TextTable([
                .init(title: "ID", alignment: .right), .init(title: "KIND"), .init(title: "RUN"), .init(title: "STAGE"),
                .init(title: "RECORD"), .init(title: "WHEN"), .init(title: "REASON"),
            ])
            for entry in entries {
                table.append([
                    String(entry.id), entry.kind.label, entry.runID, entry.stage, entry.recordKey,
                    Format.timestamp(entry.quarantinedAt, in: timeZone), entry.reason,
                ])
            }
            return table.rendered()
        }
    }
}
