import Foundation
import HTTPServer

/// Everything that shapes one sandbox: who may call it, its limits, its faults, its data.
///
/// Why one value: tests, the CLI (`omniflow sandbox serve`), the demo and the benchmarks start the
/// same server with different knobs; defaults follow omnium-contract.md (§2 token, §3 scroll, §4 limits).
public struct SandboxConfiguration: Sendable {
    /// Port on 127.0.0.1; 0 = any free port.
    public var port: UInt16
    /// API users allowed to take a token.
    public var clients: [SandboxClient]
    /// Token lifetime (`expiresIn`, JWT `exp`); Omnium: 10 days.
    public var tokenLifetime: Duration
    public var rateLimits: SandboxRateLimits
    public var faults: SandboxFaults
    public var scroll: SandboxScrollSettings
    /// Seed of the data generator.
    public var seed: UInt64
    /// Size of the generated data set.
    public var scale: SandboxScale
    /// "Generation time" of the data (`SandboxDataOptions.epoch`).
    public var epoch: Date
    /// SKUs whose EAN-13 gets a wrong check digit, so a run has something to quarantine.
    /// 0 here (stable test data); `omniflow sandbox serve` and `omniflow demo` turn a few on.
    public var badEANCount: Int
    /// Where webhook events go; nil = events are only kept in `SandboxState`.
    public var webhook: WebhookConfiguration?
    /// Where request logs go; nil = silent.
    public var log: SandboxLogHandler?
    /// Socket-level settings of the underlying `HTTPServer` (its `port` is replaced by `port`).
    public var server: HTTPServerConfiguration
    /// The clock (tests pass a `ManualSandboxClock`).
    public var clock: any SandboxClock
    /// Byte budget of the generated catalogue records' answer bytes (`SandboxRecordCache`); 0 = none.
    public var recordCacheBytes = SandboxRecordCache.defaultBudget

    public init(
        port: UInt16 = 0, clients: [SandboxClient] = [.default], tokenLifetime: Duration = .seconds(864_000),
        rateLimits: SandboxRateLimits = SandboxRateLimits(), faults: SandboxFaults = .none,
        scroll: SandboxScrollSettings = SandboxScrollSettings(), seed: UInt64 = 1, scale: SandboxScale = .small,
        epoch: Date = SandboxDataOptions.defaultEpoch, badEANCount: Int = 0, webhook: WebhookConfiguration? = nil,
        log: SandboxLogHandler? = nil, server: HTTPServerConfiguration = HTTPServerConfiguration(),
        clock: any SandboxClock = SystemSandboxClock()
    ) {
        self.port = port
        self.clients = clients
        self.tokenLifetime = tokenLifetime
        self.rateLimits = rateLimits
        self.faults = faults
        self.scroll = scroll
        self.seed = seed
        self.scale = scale
        self.epoch = epoch
        self.badEANCount = badEANCount
        self.webhook = webhook
        self.log = log
        self.server = server
        self.clock = clock
    }
}

extension SandboxConfiguration {
    /// The generator options these settings describe (seed, scale, epoch, bad EANs).
    public var dataOptions: SandboxDataOptions {
        get { SandboxDataOptions(seed: seed, scale: scale, epoch: epoch, badEANCount: badEANCount) }
        set {
            seed = newValue.seed
            scale = newValue.scale
            epoch = newValue.epoch
            badEANCount = newValue.badEANCount
        }
    }
}

/// One API user: the `clientId`/`clientSecret` pair of `POST /api/token` and its roles.
public struct SandboxClient: Sendable, Hashable {
    public var clientId: String
    public var clientSecret: String
    public var roles: [SandboxRole]

    public init(clientId: String, clientSecret: String, roles: [SandboxRole] = [.apiOwner]) {
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.roles = roles
    }

    /// The demo user: `sandbox` / `sandbox-secret`, `ApiOwner`.
    public static let `default` = SandboxClient(clientId: "sandbox", clientSecret: "sandbox-secret")
}

/// Rate limits of contract §4; set any to nil (or `isEnabled` false) to switch it off.
public struct SandboxRateLimits: Sendable, Hashable {
    public var isEnabled: Bool
    /// Token bucket size per API user (starts full).
    public var bucketCapacity: Int?
    /// Tokens added per whole `refillInterval` (discrete refill).
    public var refillAmount: Int
    public var refillInterval: Duration
    /// Concurrent requests per API user (high-traffic reads excluded).
    public var maxConcurrentPerUser: Int?
    /// Concurrent requests per tenant (all users; high-traffic reads excluded).
    public var maxConcurrentPerTenant: Int?
    /// Concurrent batch calls (paths ending `Many`) per API user.
    public var maxConcurrentBatch: Int?
    /// Concurrent high-traffic product/inventory reads per API user.
    public var maxConcurrentHighTraffic: Int?

    public init(
        isEnabled: Bool = true, bucketCapacity: Int? = 12_000, refillAmount: Int = 1_000,
        refillInterval: Duration = .seconds(10), maxConcurrentPerUser: Int? = 20, maxConcurrentPerTenant: Int? = 40,
        maxConcurrentBatch: Int? = 4, maxConcurrentHighTraffic: Int? = 150
    ) {
        self.isEnabled = isEnabled
        self.bucketCapacity = bucketCapacity
        self.refillAmount = refillAmount
        self.refillInterval = refillInterval
        self.maxConcurrentPerUser = maxConcurrentPerUser
        self.maxConcurrentPerTenant = maxConcurrentPerTenant
        self.maxConcurrentBatch = maxConcurrentBatch
        self.maxConcurrentHighTraffic = maxConcurrentHighTraffic
    }

    /// No limits at all (benchmarks).
    public static let disabled = SandboxRateLimits(isEnabled: false)
}

/// Scroll settings of contract §3 (Sandbox choice: batch 1,000, 5 minutes idle).
public struct SandboxScrollSettings: Sendable, Hashable {
    public var batchSize: Int
    public var idleTimeout: Duration

    public init(batchSize: Int = 1_000, idleTimeout: Duration = .seconds(300)) {
        self.batchSize = batchSize
        self.idleTimeout = idleTimeout
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
