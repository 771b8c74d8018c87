import Foundation
import OmniumSandbox

/// `omniflow sandbox serve`: the Omnium sandbox on a loopback port until interrupted.
struct SandboxService {
    var options: SandboxServeOptions

    func serve() async throws {
        let sandbox = try SandboxServer.start(configuration: try configuration())
        var lines = [
            "Omnium sandbox listening on \(sandbox.baseURL.absoluteString)",
            "client id: \(DemoService.client.clientId)  (secret: see 'omniflow help sandbox serve')",
            "data: seed \(options.seed), \(options.scale.products) products, \(options.badEANCount) bad EANs",
        ]
        if let webhook = sandbox.configuration.webhook {
            lines.append("webhook: \(webhook.url.absoluteString) (retries after 1, 5, 15 s)")
        }
        lines.append("faults: \(options.faultProfile); admin: GET /_sandbox/dump, POST /_sandbox/mutations; stop with Ctrl-C")
        // Unbuffered: scripts wait for the URL, and a pipe would hold `print`'s output back.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        while true { try await Task.sleep(for: .seconds(3600)) }
    }

    /// The sandbox these options describe.
    /// - Throws: `ServiceError.invalidRequest` for an unknown fault profile or a bad webhook header.
    func configuration() throws -> SandboxConfiguration {
        guard let faults = SandboxFaultProfile(rawValue: options.faultProfile) else {
            throw ServiceError.invalidRequest("unknown fault profile '\(options.faultProfile)'; valid profiles: "
                + SandboxFaultProfile.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var webhook: WebhookConfiguration?
        if let url = options.webhookURL {
            var headers: [String: String] = [:]
            if let line = options.webhookHeader {
                guard let header = SandboxServeOptions.header(line) else {
                    throw ServiceError.invalidRequest("webhook header '\(line)' is not 'Name: value'")
                }
                headers[header.name] = header.value
            }
            webhook = WebhookConfiguration(url: url, headers: headers)
        }
        return SandboxConfiguration(
            port: options.port, clients: [DemoService.client], faults: faults.faults, seed: options.seed,
            scale: options.scale, badEANCount: options.badEANCount, webhook: webhook)
    }
}

/// Named fault settings for `omniflow sandbox serve --faults`.
enum SandboxFaultProfile: String, CaseIterable {
    case none
    /// 10 % 500s and 5 % 429s, as the fault-tolerance acceptance test uses.
    case flaky
    /// 200 ms before every answer.
    case slow
    /// flaky, plus malformed and truncated bodies and dropped connections.
    case hostile

    var faults: SandboxFaults {
        switch self {
        case .none: return .none
        case .flaky: return SandboxFaults(errorRates: [500: 0.10, 429: 0.05])
        case .slow: return SandboxFaults(latency: .milliseconds(200))
        case .hostile:
            return SandboxFaults(errorRates: [500: 0.10, 429: 0.05], malformedBodyRate: 0.02,
                                 truncatedBodyRate: 0.01, droppedConnectionRate: 0.01)
        }
    }
}
