import Foundation
import HTTPServer

/// A running Omnium sandbox on 127.0.0.1: what tests, the CLI, the demo and the benchmarks start.
///
/// ```swift
/// let sandbox = try SandboxServer.start(configuration: SandboxConfiguration(scale: .tiny))
/// defer { sandbox.stop() }
/// let client = OmniumClient(baseURL: sandbox.baseURL, ...)
/// ```
/// Spec: omnium-contract.md (the whole contract; DESIGN.md "Omnium sandbox").
public final class SandboxServer: Sendable {
    public let application: SandboxApplication
    private let server: HTTPServer
    /// The bound port.
    public let port: UInt16

    /// `http://127.0.0.1:{port}` — the Omnium base URL (routes are `/api/...` below it).
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    /// The tenant's data, including everything written through the API.
    public var state: SandboxState { application.services.state }
    public var services: SandboxServices { application.services }
    public var configuration: SandboxConfiguration { application.services.configuration }

    private init(application: SandboxApplication, server: HTTPServer, port: UInt16) {
        self.application = application
        self.server = server
        self.port = port
    }

    /// Builds the sandbox and starts listening.
    /// - Parameters:
    ///   - state: data to serve; nil generates it from the configuration's seed and scale.
    ///   - extraRoutes: more route collections (tests).
    /// - Throws: `RouterError` for clashing routes, `SocketError` when the port cannot be bound.
    public static func start(configuration: SandboxConfiguration = SandboxConfiguration(), state: SandboxState? = nil,
                             extraRoutes: [any SandboxRouteCollection] = []) throws -> SandboxServer {
        let services = SandboxServices(configuration: configuration, state: state)
        let application = try SandboxApplication(services: services, extraRoutes: extraRoutes)
        var serverConfiguration = configuration.server
        serverConfiguration.port = configuration.port
        let server = HTTPServer(configuration: serverConfiguration, responder: application)
        let port = try server.start()
        return SandboxServer(application: application, server: server, port: port)
    }

    /// Stops accepting, finishes in-flight requests, closes connections. Safe to call twice.
    public func stop() {
        server.stop()
    }
}
