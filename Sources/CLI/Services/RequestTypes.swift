import Foundation

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

    public init(resumeRunID: String? = nil, fromStage: String? = nil, onlyStages: [String] = []) {
        self.resumeRunID = resumeRunID
        self.fromStage = fromStage
        self.onlyStages = onlyStages
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

/// `omniflow sandbox serve`: port, data and faults.
public struct SandboxServeOptions: Sendable, Equatable {
    /// Port on 127.0.0.1; 0 picks a free one.
    public var port: UInt16
    public var seed: UInt64
    /// Number of products generated (from `--products`, or `--scale`).
    public var products: Int
    /// Name of the fault-injection profile; `none` injects nothing. The sandbox validates it.
    public var faultProfile: String

    public init(port: UInt16, seed: UInt64, products: Int, faultProfile: String) {
        self.port = port
        self.seed = seed
        self.products = products
        self.faultProfile = faultProfile
    }
}
