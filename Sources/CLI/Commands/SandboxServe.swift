// MARK: - omniflow sandbox serve

extension Omniflow.Sandbox {
    /// Serves the sandbox until stopped.
    public struct Serve: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "serve",
                abstract: "Serve the Omnium sandbox on 127.0.0.1 until stopped (Ctrl-C).",
                discussion: """
                    Point OMNIUM_BASE_URL at the printed URL to run omniflow against it. --scale small \
                    generates 200 products, medium 5000, large 100000.
                    """)
        }

        /// Products generated per `--scale`.
        static let scaleSizes: [(name: String, products: Int)] = [("small", 200), ("medium", 5_000), ("large", 100_000)]

        static let port = Option<UInt16>("port", valueName: "port", help: "Port on 127.0.0.1; 0 picks a free one.", default: 8089)
        static let seed = Option<UInt64>("seed", valueName: "seed", help: "Seed of the data generator.", default: 42)
        static let scale = Option<String>(
            "scale", valueName: "scale", help: "How much data to generate.",
            default: "small", allowedValues: scaleSizes.map(\.name))
        static let products = Option<Int?>("products", valueName: "count", help: "Exact number of products; overrides --scale.")
        static let faults = Option<String>(
            "faults", valueName: "profile", help: "Fault-injection profile (latency, errors, malformed bodies, drops).", default: "none")

        public static var arguments: [ArgumentDefinition] {
            [port.definition, seed.definition, scale.definition, products.definition, faults.definition]
        }

        public var options: SandboxServeOptions

        public init(_ values: ParsedValues) throws {
            let scale = try values.get(Self.scale)
            let scaled = Self.scaleSizes.first { $0.name == scale }?.products ?? 200
            options = SandboxServeOptions(
                port: try values.get(Self.port), seed: try values.get(Self.seed),
                products: try values.get(Self.products) ?? scaled, faultProfile: try values.get(Self.faults))
        }

        public func validate(_ context: CommandContext) throws {
            guard (1...10_000_000).contains(options.products) else {
                throw CommandLineError.validation("'--products' must be between 1 and 10000000, got \(options.products)")
            }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            try await context.services.serveSandbox(options: options)
            return .success
        }
    }
}
