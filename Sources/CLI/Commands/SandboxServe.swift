import Foundation
import OmniumSandbox

// MARK: - omniflow sandbox serve

extension Omniflow.Sandbox {
    /// Serves the sandbox until stopped.
    public struct Serve: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "serve",
                abstract: "Serve the Omnium sandbox on 127.0.0.1 until stopped (Ctrl-C).",
                discussion: """
                    Point OMNIUM_BASE_URL at the printed URL to run omniflow against it; the sandbox accepts \
                    the demo user omniflow-demo with secret omniflow-demo-secret (a local, throwaway tenant). --scale tiny \
                    generates 10 products, small 200, medium 10000, large 100000. A few SKUs get a broken \
                    EAN-13 (--bad-eans) so a run has records to quarantine. With --webhook-url, order \
                    events are POSTed there (retried after 1, 5 and 15 s). Read back what a run wrote \
                    with 'omniflow sandbox dump'; change data between runs with 'omniflow sandbox mutate'.
                    """)
        }

        static let scaleNames = ["tiny", "small", "medium", "large"]

        static let port = Option<UInt16>("port", valueName: "port", help: "Port on 127.0.0.1; 0 picks a free one.", default: 8089)
        static let seed = Option<UInt64>("seed", valueName: "seed", help: "Seed of the data generator.", default: 42)
        static let scale = Option<String>(
            "scale", valueName: "scale", help: "How much data to generate.", default: "small", allowedValues: scaleNames)
        static let products = Option<Int?>("products", valueName: "count", help: "Exact number of products; overrides --scale.")
        static let badEANs = Option<Int>(
            "bad-eans", valueName: "count", help: "SKUs given an EAN-13 with a wrong check digit.", default: DemoService.badEANCount)
        static let faults = Option<String>(
            "faults", valueName: "profile",
            help: "Fault-injection profile: none; flaky (10 % 500s, 5 % 429s); slow (200 ms per answer); hostile (flaky plus malformed and truncated bodies and dropped connections).",
            default: "none", allowedValues: SandboxFaultProfile.allCases.map(\.rawValue))
        static let webhookURL = Option<String?>("webhook-url", valueName: "url", help: "Where order events are POSTed.")
        static let webhookHeader = Option<String?>(
            "webhook-header", valueName: "header", help: "A 'Name: value' header sent with every event.")

        public static var arguments: [ArgumentDefinition] {
            [
                port.definition, seed.definition, scale.definition, products.definition, badEANs.definition,
                faults.definition, webhookURL.definition, webhookHeader.definition,
            ]
        }

        public var options: SandboxServeOptions
        /// `--webhook-url` as typed (checked in `validate`).
        var webhookURLText: String?

        public init(_ values: ParsedValues) throws {
            var scale = SandboxScale.named(try values.get(Self.scale)) ?? .small
            if let products = try values.get(Self.products) { scale.products = products }
            webhookURLText = try values.get(Self.webhookURL)
            options = SandboxServeOptions(
                port: try values.get(Self.port), seed: try values.get(Self.seed), scale: scale,
                faultProfile: try values.get(Self.faults), badEANCount: try values.get(Self.badEANs),
                webhookURL: webhookURLText.flatMap(URL.init(string:)), webhookHeader: try values.get(Self.webhookHeader))
        }

        public func validate(_ context: CommandContext) throws {
            guard (1...10_000_000).contains(options.products) else {
                throw CommandLineError.validation("'--products' must be between 1 and 10000000, got \(options.products)")
            }
            guard options.badEANCount >= 0 else {
                throw CommandLineError.validation("'--bad-eans' must not be negative, got \(options.badEANCount)")
            }
            if let text = webhookURLText {
                guard let url = options.webhookURL, ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                    throw CommandLineError.validation("'--webhook-url' must be an http(s) URL, got '\(text)'")
                }
            }
            if let header = options.webhookHeader {
                guard options.webhookURL != nil else {
                    throw CommandLineError.validation("'--webhook-header' needs '--webhook-url'")
                }
                guard SandboxServeOptions.header(header) != nil else {
                    throw CommandLineError.validation("'--webhook-header' must look like 'Name: value', got '\(header)'")
                }
            }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            try await context.services.serveSandbox(options: options)
            return .success
        }
    }
}
