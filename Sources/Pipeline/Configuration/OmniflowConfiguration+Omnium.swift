import Foundation
import Omnium

// MARK: - OmniflowConfiguration → OmniumConfiguration

extension OmniflowConfiguration {
    /// The Omnium client's settings: URL, credentials, timeout, retry policy and limiter.
    ///
    /// Why: the mapping from operator-facing keys to the client's types lives next to the keys,
    /// once. `requestsPerSecond` becomes the client's token-bucket refill per 10 seconds.
    /// - Throws: `ConfigError.missingRequired` when `OMNIUM_BASE_URL`, `OMNIUM_CLIENT_ID` or
    ///   `OMNIUM_CLIENT_SECRET` is missing.
    public func omniumConfiguration() throws -> OmniumConfiguration {
        var missing: [String] = []
        if omniumBaseURL == nil { missing.append("OMNIUM_BASE_URL") }
        if omniumClientID == nil { missing.append("OMNIUM_CLIENT_ID") }
        if omniumClientSecret == nil { missing.append("OMNIUM_CLIENT_SECRET") }
        guard let baseURL = omniumBaseURL, let clientID = omniumClientID, let secret = omniumClientSecret else {
            throw ConfigError(origin: sourceFile.map { .file($0) } ?? .configuration, problem: .missingRequired(missing))
        }
        let refillInterval = OmniumLimiterSettings().refillInterval
        return OmniumConfiguration(
            baseURL: baseURL, clientId: clientID, clientSecret: secret.revealedValue, requestTimeout: requestTimeout,
            retryPolicy: OmniumRetryPolicy(
                maxAttempts: maxAttempts, baseDelay: .milliseconds(Int64((retryBaseDelay * 1000).rounded())),
                maxDelay: .milliseconds(Int64((retryMaxDelay * 1000).rounded()))),
            limits: OmniumLimiterSettings(
                maxConcurrentRequests: maxConcurrentRequests, bucketCapacity: rateLimitBurst,
                // The loader keeps the rate within 0.1…10,000 in tenths: a whole 1…100,000 tokens per 10 s.
                refillAmount: Int((requestsPerSecond * refillInterval).rounded()), refillInterval: refillInterval,
                maxConcurrentBatchRequests: maxConcurrentBatchRequests))
    }
}

extension Duration {
    /// Seconds as a `Double`, for configuration values.
    var configurationSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
