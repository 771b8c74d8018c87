import FlowStore
import Foundation
import Omnium
import OmniumSandbox
import Pipeline
import Staging
import XCTest

/// A seeded Omnium sandbox on 127.0.0.1 plus a fresh staging root and Flow store in a temp folder,
/// wired the way `omniflow demo` wires them. Shared by the end-to-end tests.
final class EndToEndFixture {
    static let client = SandboxClient(clientId: "e2e", clientSecret: "e2e-secret")

    let folder: URL
    let sandbox: SandboxServer
    var configuration: OmniflowConfiguration

    init(scale: SandboxScale = .tiny, seed: UInt64 = 7, faults: SandboxFaults = .none) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        sandbox = try SandboxServer.start(configuration: SandboxConfiguration(
            clients: [Self.client], faults: faults, seed: seed, scale: scale))
        var configuration = OmniflowConfiguration()
        configuration.omniumBaseURL = sandbox.baseURL
        configuration.omniumClientID = Self.client.clientId
        configuration.omniumClientSecret = Secret(Self.client.clientSecret)
        configuration.stagingRoot = folder.appendingPathComponent("staging").path
        configuration.flowStorePath = folder.appendingPathComponent("flow.db").path
        configuration.mainPricesListUID = "main"
        configuration.defaultVatCodeUID = "vat_25"
        configuration.organizationUID = "fallback_org"
        configuration.defaultProductGroupUID = "general"
        configuration.clickCollectOrderHandlingUID = "click_and_collect"
        configuration.onlineOrderHandlingUID = "online_order"
        configuration.marketIDs = ["NOR"]
        self.configuration = configuration
    }

    deinit {
        sandbox.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func environment(clock: any OmniflowClock = SystemClock()) throws -> PipelineEnvironment {
        try PipelineEnvironment.open(configuration: configuration, clock: clock)
    }

    func run(_ request: RunRequest = RunRequest(), clock: any OmniflowClock = SystemClock()) async throws -> RunResult {
        try await StageRunner(stages: OmniflowStages.all(), environment: try environment(clock: clock)).run(request)
    }

    /// The JSON configuration file a separate `omniflow` process reads; the secret goes by environment.
    func writeConfigurationFile() throws -> URL {
        let file = folder.appendingPathComponent("omniflow.json")
        let json: [String: Any] = [
            "OMNIUM_BASE_URL": sandbox.baseURL.absoluteString,
            "OMNIUM_CLIENT_ID": Self.client.clientId,
            "OMNIFLOW_STAGING_ROOT": configuration.stagingRoot,
            "OMNIFLOW_FLOW_STORE_PATH": configuration.flowStorePath,
            "MainPricesListUid": "main",
            "DefaultVatCodeUid": "vat_25",
            "OrganizationUid": "fallback_org",
            "DefaultProductGroupUid": "general",
            "OMNIUM_CLICK_COLLECT_ORDERHANDLING_UID": "click_and_collect",
            "OMNIUM_ONLINE_ORDER_HANDLING_UID": "online_order",
            "OMNIFLOW_MARKET_IDS": ["NOR"],
        ]
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        return file
    }
}

/// The `omniflow` executable built beside the test bundle, run as a child process.
struct OmniflowProcess {
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("omniflow")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/omniflow")
    }

    let process = Process()
    let output = Pipe()
    let errors = Pipe()

    init(_ arguments: [String], secret: String, environment overrides: [String: String] = [:]) {
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.merging(overrides) { $1 }
        environment["OMNIUM_CLIENT_SECRET"] = secret
        process.environment = environment
        process.standardOutput = output
        process.standardError = errors
    }

    func start() throws { try process.run() }

    /// Waits for the process and returns its exit status and both outputs.
    func finish() -> (status: Int32, stdout: String, stderr: String) {
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    static func run(_ arguments: [String], secret: String,
                    environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let child = OmniflowProcess(arguments, secret: secret, environment: environment)
        try child.start()
        return child.finish()
    }
}

/// Polls `condition` every 50 ms until it holds or `timeout` passes.
func waitUntil(timeout: TimeInterval = 60, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return false
}
