import Foundation
import Pipeline

// MARK: - omniflow quarantine show

extension Omniflow.Quarantine {
    /// One quarantine issue with the source payload as received.
    public struct Show: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "show", abstract: "Show one quarantine issue with the source record as received.",
                discussion: """
                    The id is the one 'omniflow quarantine list' prints; it stays the same across runs \
                    (a record refused again counts one more attempt on the same issue). Resolved issues \
                    are shown too, with when a later run took the record.
                    """)
        }

        static let id = Positional<Int>(valueName: "id", help: "The issue's id, as 'omniflow quarantine list' prints it.")

        public static var arguments: [ArgumentDefinition] { [id.definition] + GlobalOptions.arguments }

        public var issueID: Int
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            issueID = try values.get(Self.id)
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let detail = try context.services.showQuarantine(id: Int64(issueID), configuration: configuration)
            try global.emit(detail, to: context.standardOutput) {
                Self.text(detail, timeZone: configuration.businessTimeZone)
            }
            return .success
        }

        static func text(_ detail: QuarantineDetail, timeZone: TimeZone) -> String {
            let issue = detail.issue
            var text = "Quarantine issue \(issue.id): \(issue.recordKey), \(issue.kind.label)"
            text += issue.kind == .withheld ? " (not loaded into the Flow store)\n" : " (the record loaded without it)\n"
            if let field = issue.field { text += "Field:       \(field)\n" }
            text += "Reason:      \(issue.reason)\n"
            text += "Stage:       \(issue.stage) (run \(issue.runID))\n"
            text += "First seen:  \(Format.timestamp(detail.firstSeen, in: timeZone)), "
                + "last seen \(Format.timestamp(issue.quarantinedAt, in: timeZone)), \(detail.attempts) attempt(s)\n"
            text += "Status:      " + (detail.resolvedAt.map { "resolved \(Format.timestamp($0, in: timeZone))" } ?? "open") + "\n"
            text += "Source payload:\n"
            text += detail.sourcePayload.map { Self.pretty($0) + "\n" } ?? "  (none recorded: the stage had no source record)\n"
            // The payload and reason come from outside: no control byte reaches the terminal raw.
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { RunLog.escapingControlCharacters(String($0)) }.joined(separator: "\n")
        }

        /// The payload indented for reading; one that is not JSON is printed as stored.
        static func pretty(_ payload: String) -> String {
            guard let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8), options: [.fragmentsAllowed]),
                  let data = try? JSONSerialization.data(withJSONObject: object,
                                                         options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed,
                                                                   .withoutEscapingSlashes]),
                  let text = String(data: data, encoding: .utf8) else { return payload }
            return text
        }
    }
}
