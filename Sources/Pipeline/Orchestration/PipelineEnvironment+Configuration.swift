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
        let traffic = OmniumTrafficTally()
        let omnium = OmniumClient(configuration: try configuration.omniumConfiguration(),
                                  transport: traffic.counting(transport ?? URLSessionTransport()))
        return PipelineEnvironment(configuration: configuration, flow: flow, control: control, omnium: omnium,
                                   clock: clock, omniumTraffic: traffic)
    }
}

