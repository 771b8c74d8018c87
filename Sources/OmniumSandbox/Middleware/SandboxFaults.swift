/// Transport and server faults the sandbox injects, drawn from a seeded generator.
///
/// Why: the client's retries, backoff, timeouts and idempotency must be exercised against the same
/// failures a real tenant produces (DESIGN.md "fault injection"). Rates are probabilities per
/// request (0...1); the seed makes a sequential run reproducible.
public struct SandboxFaults: Sendable, Hashable {
    /// Added before every request is handled.
    public var latency: Duration
    /// Probability per status code of answering that error *instead of* handling (e.g. `[503: 0.05]`).
    public var errorRates: [Int: Double]
    /// Probability of replacing a successful JSON body by broken JSON (after the handler ran).
    public var malformedBodyRate: Double
    /// Probability of sending only part of the body (after the handler ran).
    public var truncatedBodyRate: Double
    /// Probability of closing the connection without an answer (after the handler ran: the write
    /// happened, the client does not know — the case idempotent pushes exist for).
    public var droppedConnectionRate: Double
    /// Whether `POST /api/token` is subject to faults too.
    public var includesTokenEndpoint: Bool
    /// Seed of the fault generator (independent of the data seed).
    public var seed: UInt64

    public init(
        latency: Duration = .zero, errorRates: [Int: Double] = [:], malformedBodyRate: Double = 0,
        truncatedBodyRate: Double = 0, droppedConnectionRate: Double = 0, includesTokenEndpoint: Bool = false,
        seed: UInt64 = 1
    ) {
        self.latency = latency
        self.errorRates = errorRates
        self.malformedBodyRate = malformedBodyRate
        self.truncatedBodyRate = truncatedBodyRate
        self.droppedConnectionRate = droppedConnectionRate
        self.includesTokenEndpoint = includesTokenEndpoint
        self.seed = seed
    }

    /// No faults.
    public static let none = SandboxFaults()

    /// True when nothing would ever be injected.
    public var isEmpty: Bool {
        latency == .zero && errorRates.values.allSatisfy { $0 <= 0 } && malformedBodyRate <= 0
            && truncatedBodyRate <= 0 && droppedConnectionRate <= 0
    }
}

/// SplitMix64: small, fast, and the same sequence on every platform for a given seed.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
