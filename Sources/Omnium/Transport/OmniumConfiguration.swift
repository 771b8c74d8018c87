import Foundation

// MARK: - Configuration

/// Where and how the client reaches Omnium: base URL, API user credentials, timeout, retry policy
/// and the client-side limiter.
///
/// Pointing omniflow at a real tenant instead of the sandbox is a change of `baseURL`,
/// `clientId` and `clientSecret` only. The secret is never printed: `description`,
/// `debugDescription` and the reflection mirror (used by `dump`) all redact it.
/// Spec: omnium-contract.md §1, §2, §4.
public struct OmniumConfiguration: Sendable {
    /// `https://api.omnium.no`, `https://apitest.omnium.no` or the sandbox's loopback URL.
    public var baseURL: URL
    /// API user id (Flow key `OMNIUM_CLIENT_ID`).
    public var clientId: String
    /// API user secret (Flow key `OMNIUM_CLIENT_SECRET`). Redacted wherever the configuration is shown.
    public var clientSecret: String
    /// Seconds one HTTP exchange may take before it counts as a timeout (and is retried).
    public var requestTimeout: TimeInterval
    /// Backoff, attempts and `Retry-After` handling.
    public var retryPolicy: OmniumRetryPolicy
    /// Client-side mirror of Omnium's per-user limits, so a run rarely meets a 429.
    public var limits: OmniumLimiterSettings
    /// Renew the cached token when less than this is left (contract: 1 hour). For tokens that
    /// live shorter than twice this margin, half the lifetime is used instead.
    public var tokenRenewalMargin: TimeInterval

    public init(
        baseURL: URL,
        clientId: String,
        clientSecret: String,
        requestTimeout: TimeInterval = 60,
        retryPolicy: OmniumRetryPolicy = OmniumRetryPolicy(),
        limits: OmniumLimiterSettings = OmniumLimiterSettings(),
        tokenRenewalMargin: TimeInterval = 3600
    ) {
        self.baseURL = baseURL
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.requestTimeout = requestTimeout
        self.retryPolicy = retryPolicy
        self.limits = limits
        self.tokenRenewalMargin = tokenRenewalMargin
    }
}

// MARK: - Redacted presentation

extension OmniumConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "OmniumConfiguration(baseURL: \(baseURL.absoluteString), clientId: \(clientId), clientSecret: <redacted>, "
            + "requestTimeout: \(requestTimeout)s, retryPolicy: \(retryPolicy), limits: \(limits))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: [
            "baseURL": baseURL,
            "clientId": clientId,
            "clientSecret": "<redacted>",
            "requestTimeout": requestTimeout,
            "retryPolicy": retryPolicy,
            "limits": limits,
            "tokenRenewalMargin": tokenRenewalMargin,
        ])
    }
}

// MARK: - Limiter settings

/// Omnium's documented per-API-user limits (contract §4), applied before a request leaves.
/// All configurable: dedicated tenants may have other limits, and tests use tiny ones.
public struct OmniumLimiterSettings: Sendable, CustomStringConvertible {
    /// Requests in flight at once (Omnium: 20 per API user).
    public var maxConcurrentRequests: Int
    /// Token bucket size (Omnium: 12,000); one token per request.
    public var bucketCapacity: Int
    /// Tokens added per refill interval (Omnium: 1,000).
    public var refillAmount: Int
    /// Refill interval in seconds (Omnium: 10).
    public var refillInterval: TimeInterval
    /// Batch operations in flight at once — paths ending `Many` (Omnium: 4).
    public var maxConcurrentBatchRequests: Int

    public init(
        maxConcurrentRequests: Int = 20,
        bucketCapacity: Int = 12_000,
        refillAmount: Int = 1_000,
        refillInterval: TimeInterval = 10,
        maxConcurrentBatchRequests: Int = 4
    ) {
        precondition(maxConcurrentRequests > 0 && maxConcurrentBatchRequests > 0, "limits must be positive")
        precondition(bucketCapacity > 0 && refillAmount > 0 && refillInterval > 0, "bucket must refill")
        self.maxConcurrentRequests = maxConcurrentRequests
        self.bucketCapacity = bucketCapacity
        self.refillAmount = refillAmount
        self.refillInterval = refillInterval
        self.maxConcurrentBatchRequests = maxConcurrentBatchRequests
    }

    public var description: String {
        "concurrent \(maxConcurrentRequests), batch \(maxConcurrentBatchRequests), "
            + "bucket \(bucketCapacity) +\(refillAmount)/\(refillInterval)s"
    }
}
