import Foundation

/// The shared parts every route collection and middleware of one sandbox uses.
///
/// Why one object: handlers stay plain closures that capture this, and tests can build it
/// without sockets (`SandboxApplication(services:)`).
public final class SandboxServices: Sendable {
    public let configuration: SandboxConfiguration
    public let state: SandboxState
    public let clock: any SandboxClock
    public let tokens: TokenStore
    public let rateLimiter: RateLimiter
    public let scrolls: ScrollSessions
    /// Delivers events written by the write routes; nil when no webhook is configured.
    public let webhooks: WebhookDispatcher?

    /// - Parameter state: data to serve; nil generates it from `configuration.dataOptions`.
    public init(configuration: SandboxConfiguration, state: SandboxState? = nil) {
        let clock = configuration.clock
        self.configuration = configuration
        self.clock = clock
        self.state = state ?? SandboxState(options: configuration.dataOptions, clock: { clock.now() },
                                           recordCacheBytes: configuration.recordCacheBytes)
        self.tokens = TokenStore(lifetime: configuration.tokenLifetime, clock: clock)
        self.rateLimiter = RateLimiter(limits: configuration.rateLimits, clock: clock)
        self.scrolls = ScrollSessions(settings: configuration.scroll, clock: clock)
        self.webhooks = configuration.webhook.map { WebhookDispatcher(configuration: $0) }
        webhooks?.attach(to: self.state)
    }
}
