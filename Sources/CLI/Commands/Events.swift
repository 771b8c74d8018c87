import Foundation
import Pipeline

// MARK: - omniflow events

extension Omniflow {
    /// Omnium's webhook events: receive them into the inbox the next order extract processes.
    public struct Events: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "events",
                abstract: "Receive Omnium webhook events into the inbox (serve an endpoint, or ingest a file).",
                subcommands: [Serve.self, Ingest.self])
        }

        public init(_ values: ParsedValues) throws {}
    }
}

extension Omniflow.Events {
    /// The webhook endpoint.
    public struct Serve: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "serve",
                abstract: "Listen for Omnium's event POSTs and store each event in the inbox before answering.",
                discussion: """
                    Point Omnium's event subscription (connector Webhook, verb POST) at this endpoint with a \
                    custom header carrying the secret from OMNIFLOW_EVENTS_SECRET (environment only; the \
                    header name is --header). Missing or wrong secret: 401. Malformed event: 400, nothing \
                    stored. An event already in the inbox (same id) is answered 200 and stored once. The \
                    event is committed before the 200; nothing calls Omnium while answering: the next run's \
                    order extract fetches the orders the events name. Stop with Ctrl-C.
                    """)
        }

        static let port = Option<Int>("port", valueName: "n", help: "Port on 127.0.0.1 (0 = any free port).", default: 8090)
        static let header = Option<String>("header", valueName: "name", help: "Header carrying the shared secret.",
                                           default: "X-Omniflow-Secret")

        public static var arguments: [ArgumentDefinition] {
            [port.definition, header.definition] + GlobalOptions.arguments
        }

        public var port: Int
        public var header: String
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            port = try values.get(Self.port)
            header = try values.get(Self.header)
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            guard (0...65_535).contains(port) else { throw CommandLineError.validation("--port \(port): 0…65535") }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            guard let secret = ProcessInfo.processInfo.environment["OMNIFLOW_EVENTS_SECRET"], !secret.isEmpty else {
                throw ServiceError.invalidRequest("set OMNIFLOW_EVENTS_SECRET (the secret Omnium sends in \(header))")
            }
            let server = try EventsService(configuration: configuration).startReceiver(port: UInt16(port), header: header,
                                                                                       secret: secret)
            FileHandle.standardOutput.write(Data("omniflow events listening on http://127.0.0.1:\(server.port)/ (header \(header)); stop with Ctrl-C\n".utf8))
            while true { try await Task.sleep(for: .seconds(3600)) }
        }
    }

    /// Events from a file.
    public struct Ingest: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "ingest",
                abstract: "Store the Omnium events of a file (JSON array or JSON Lines) in the inbox.",
                discussion: """
                    Each event is checked and stored as 'events serve' would store it; one already in the \
                    inbox is counted as a duplicate; a malformed one is reported with its line and the rest \
                    are stored. Exit status 1 when any event was malformed.
                    """)
        }

        static let file = Positional<String>(valueName: "file", help: "The events file.")

        public static var arguments: [ArgumentDefinition] { [file.definition] + GlobalOptions.arguments }

        public var file: String
        public var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            file = try values.get(Self.file)
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let url = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: context.currentDirectory, isDirectory: true))
            let report = try EventsService(configuration: configuration).ingest(file: url.standardizedFileURL)
            try global.emit(report, to: context.standardOutput) {
                "Stored \(report.stored) event(s), \(report.duplicates) already in the inbox"
                    + (report.malformed.isEmpty ? ".\n" : "; \(report.malformed.count) malformed:\n"
                        + report.malformed.map { "  \($0)\n" }.joined())
            }
            return report.malformed.isEmpty ? .success : .runFailed
        }
    }
}
