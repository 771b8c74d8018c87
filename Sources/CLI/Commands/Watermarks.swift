import Foundation
import Pipeline

// MARK: - omniflow watermarks

extension Omniflow {
    /// Lists each incremental stream's high-water mark; `watermarks set` rewinds one.
    public struct Watermarks: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "watermarks",
                abstract: "List each stream's watermark (changed-since mark) and its last full read.",
                discussion: """
                    A stream's mark is the newest change omniflow has loaded; the next run asks Omnium for \
                    what changed since it. 'omniflow watermarks set STREAM TIME' rewinds a mark so the next \
                    run reads again from that time.
                    """,
                subcommands: [Set.self])
        }

        public static var arguments: [ArgumentDefinition] { GlobalOptions.arguments }

        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let marks = try OperationsService(configuration: configuration).watermarks()
            try global.emit(marks, to: context.standardOutput) {
                guard !marks.isEmpty else { return "No watermarks yet: no incremental stream has been loaded.\n" }
                var table = TextTable([.init(title: "STREAM"), .init(title: "MARK"), .init(title: "ADVANCED"),
                                       .init(title: "LAST FULL READ")])
                for mark in marks {
                    table.append([mark.stream, mark.mark, Format.timestamp(mark.advancedAt, in: configuration.businessTimeZone),
                                  mark.lastFullRead ?? "–"])
                }
                return table.rendered()
            }
            return .success
        }
    }
}

extension Omniflow.Watermarks {
    /// Rewinds one stream's mark under the run lock, recorded with who and when.
    public struct Set: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "set",
                abstract: "Rewind a stream's watermark so the next run reads again from TIME.",
                discussion: """
                    TIME is a date (midnight in OMNIFLOW_BUSINESS_TIME_ZONE) or an ISO 8601 time with \
                    offset, e.g. 2026-11-01 or 2026-11-01T06:00:00+01:00. Only rewinds are allowed: a mark \
                    moved forward would skip changes. The change is made under the run lock (exit 3 while \
                    a run works) and recorded in the control database with the user and host.
                    """)
        }

        static let stream = Positional<String>(valueName: "stream", help: "The stream, as 'omniflow watermarks' lists it.")
        static let time = Positional<String>(valueName: "time", help: "Read again from this date or time.")
        static let dryRun = Flag("dry-run", help: "Show what the next run would read; change nothing.")

        public static var arguments: [ArgumentDefinition] {
            [stream.definition, time.definition, dryRun.definition] + GlobalOptions.arguments
        }

        public var stream: String
        public var time: String
        public var isDryRun: Bool
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            stream = try values.get(Self.stream)
            time = try values.get(Self.time)
            isDryRun = values.get(Self.dryRun)
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            guard let date = BusinessTime.parse(time, timeZone: configuration.businessTimeZone) else {
                throw CommandLineError.validation("'\(time)' is not a date (2026-11-01) or an ISO 8601 time with offset "
                                                  + "(2026-11-01T06:00:00+01:00)")
            }
            let user = context.environment["USER"] ?? context.environment["LOGNAME"] ?? "uid \(getuid())"
            let move = try OperationsService(configuration: configuration)
                .moveWatermark(stream: stream, to: date, dryRun: isDryRun, by: "\(user)@\(ProcessInfo.processInfo.hostName)")
            try global.emit(move, to: context.standardOutput) {
                (move.dryRun ? "Dry run: would move " : "Moved ") + "\(move.stream) from \(move.from) to \(move.to); "
                    + "\(move.nextRead).\n"
            }
            return .success
        }
    }
}
