import Foundation
import OmniumSandbox
import Pipeline

// MARK: - RunSelectionRequest

/// Which stages a `run` should execute, as validated by the CLI.
///
/// Why: the command line's `--resume`, `--from` and `--only` reach the pipeline as one checked
/// value: stage names are known stage names, `--from` and `--only` are not combined.
public struct RunSelectionRequest: Sendable, Equatable {
    /// Continue this run: skip stages whose manifest entry, output and checksum agree.
    public var resumeRunID: String?
    /// Run this stage and everything downstream of it.
    public var fromStage: String?
    /// Run exactly these stages (in pipeline order); empty means all.
    public var onlyStages: [String]
    /// Run a named cycle's stages (exclusive with the three above).
    public var cycle: RunCycle?

    public init(resumeRunID: String? = nil, fromStage: String? = nil, onlyStages: [String] = [], cycle: RunCycle? = nil) {
        self.resumeRunID = resumeRunID
        self.fromStage = fromStage
        self.onlyStages = onlyStages
        self.cycle = cycle
    }
}

// MARK: - DemoOptions

/// `omniflow demo`: where to put everything and how much data to generate.
public struct DemoOptions: Sendable, Equatable {
    /// Folder for the demo's staging root, Flow store and receipts (created if missing).
    public var directory: String
    /// Seed of the sandbox's data generator; the same seed gives the same data.
    public var seed: UInt64
    /// Number of products the sandbox generates.
    public var products: Int

    public init(directory: String, seed: UInt64, products: Int) {
        self.directory = directory
        self.seed = seed
        self.products = products
    }
}

// MARK: - DemoReport

/// What `omniflow demo` did and where to look.
public struct DemoReport: Codable, Sendable, Equatable {
    public var directory: String
    public var run: RunReport
    public var flowStorePath: String
    /// Lines for the reader: what to open, what to try next.
    public var notes: [String]

    public init(directory: String, run: RunReport, flowStorePath: String, notes: [String] = []) {
        self.directory = directory
        self.run = run
        self.flowStorePath = flowStorePath
        self.notes = notes
    }
}

// MARK: - SandboxServeOptions

/// `omniflow sandbox serve`: port, data, faults and webhook.
public struct SandboxServeOptions: Sendable, Equatable {
    /// Port on 127.0.0.1; 0 picks a free one.
    public var port: UInt16
    public var seed: UInt64
    /// How much data (from `--scale`, with `--products` overriding the product count).
    public var scale: SandboxScale
    /// Name of the fault-injection profile; `none` injects nothing. The sandbox validates it.
    public var faultProfile: String
    /// SKUs given an EAN-13 with a wrong check digit (quarantine material).
    public var badEANCount: Int
    /// Where order events are POSTed; nil = none.
    public var webhookURL: URL?
    /// One `Name: value` header sent with every event.
    public var webhookHeader: String?

    public init(port: UInt16, seed: UInt64, scale: SandboxScale, faultProfile: String, badEANCount: Int = 0,
                webhookURL: URL? = nil, webhookHeader: String? = nil) {
        self.port = port
        self.seed = seed
        self.scale = scale
        self.faultProfile = faultProfile
        self.badEANCount = badEANCount
        self.webhookURL = webhookURL
        self.webhookHeader = webhookHeader
    }

    /// Number of products generated.
    public var products: Int { scale.products }

    /// `Name: value` split at the first colon, both trimmed; nil without a name or a colon.
    static func header(_ line: String) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: { $0.isWhitespace }) else { return nil }
        return (name, value)
    }
}

// MARK: - SandboxTarget

/// A running sandbox and the API user `sandbox dump` / `sandbox mutate` sign in as.
public struct SandboxTarget: Sendable, Equatable {
    /// The sandbox's base URL (`http://127.0.0.1:8089`).
    public var baseURL: URL
    public var clientId: String
    public var clientSecret: Secret

    public init(baseURL: URL, clientId: String, clientSecret: Secret) {
        self.baseURL = baseURL
        self.clientId = clientId
        self.clientSecret = clientSecret
    }
}
