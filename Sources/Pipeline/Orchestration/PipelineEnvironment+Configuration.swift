import FlowStore
import Foundation
import Omnium
import Staging

extension PipelineEnvironment {
    /// Opens the stores and the Omnium client the configuration names.
    /// - Throws: `ConfigError` when a value a run needs is missing; `StorageLocationError` when the
    ///   staging root or the Flow store path cannot hold them; `SQLiteError` when a store cannot open.
    public static func open(configuration: OmniflowConfiguration, clock: any OmniflowClock = SystemClock(),
                            transport: (any HTTPTransport)? = nil) throws -> PipelineEnvironment {
        try configuration.requireOmniumSettings()
        try StorageLocations.prepare(configuration)
        let control = try ControlStore(root: URL(fileURLWithPath: configuration.stagingRoot), clock: clock)
        let flow = try FlowDatabase(path: configuration.flowStorePath)
        let traffic = OmniumTrafficTally()
        let events = OmniumClientEventLog()
        let omnium = OmniumClient(configuration: try configuration.omniumConfiguration(),
                                  transport: traffic.counting(transport ?? URLSessionTransport()),
                                  environment: .live.observing(events.observer))
        return PipelineEnvironment(configuration: configuration, flow: flow, control: control, omnium: omnium,
                                   clock: clock, omniumTraffic: traffic, omniumEvents: events)
    }

    /// The stores without Omnium settings, for work that never calls Omnium (importing POS journals):
    /// the client points at the configured URL when there is one, else at a closed loopback port.
    public static func openLocal(configuration: OmniflowConfiguration, clock: any OmniflowClock = SystemClock()) throws
        -> PipelineEnvironment {
        try StorageLocations.prepare(configuration)
        let control = try ControlStore(root: URL(fileURLWithPath: configuration.stagingRoot), clock: clock)
        let flow = try FlowDatabase(path: configuration.flowStorePath)
        let omniumConfiguration = (try? configuration.omniumConfiguration())
            ?? OmniumConfiguration(baseURL: URL(string: "http://127.0.0.1:9")!, clientId: "unused", clientSecret: "unused")
        return PipelineEnvironment(configuration: configuration, flow: flow, control: control,
                                   omnium: OmniumClient(configuration: omniumConfiguration, transport: URLSessionTransport()),
                                   clock: clock)
    }
}
