import FlowStore
import Foundation
import Omnium
import Staging

extension PipelineEnvironment {
    /// Opens the stores and the Omnium client the configuration names.
    /// - Throws: `ConfigError` when a value a run needs is missing; `SQLiteError` when a store cannot open.
    public static func open(configuration: OmniflowConfiguration, clock: any OmniflowClock = SystemClock(),
                            transport: (any HTTPTransport)? = nil) throws -> PipelineEnvironment {
        try configuration.requireOmniumSettings()
        let control = try ControlStore(root: URL(fileURLWithPath: configuration.stagingRoot), clock: clock)
        let flow = try FlowDatabase(path: configuration.flowStorePath)
        let omnium = OmniumClient(configuration: configuration.omniumConfiguration,
                                  transport: transport ?? URLSessionTransport())
        return PipelineEnvironment(configuration: configuration, flow: flow, control: control, omnium: omnium,
                                   clock: clock)
    }
}

extension OmniflowConfiguration {
    /// The Omnium client settings. Call after `requireOmniumSettings()`.
    public var omniumConfiguration: OmniumConfiguration {
        var retry = OmniumRetryPolicy()
        retry.maxAttempts = maxRetries + 1
        retry.baseDelay = .milliseconds(Int64(retryBaseDelay * 1000))
        retry.maxDelay = .milliseconds(Int64(retryMaxDelay * 1000))
        var limits = OmniumLimiterSettings()
        limits.maxConcurrentRequests = maxConcurrentRequests
        return OmniumConfiguration(baseURL: omniumBaseURL!, clientId: omniumClientID ?? "",
                                   clientSecret: omniumClientSecret?.revealedValue ?? "",
                                   requestTimeout: requestTimeout, retryPolicy: retry, limits: limits)
    }
}
