import Foundation
import Pipeline

// MARK: - SandboxConnection

/// `--url` and `--client-id`: which running sandbox `sandbox dump` / `sandbox mutate` talk to.
///
/// Why a shared group: both commands sign in the same way — the demo user (`omniflow-demo`, as
/// `sandbox serve` and `demo` accept it) unless `--client-id` names another, whose secret then
/// comes from OMNIUM_CLIENT_SECRET (never from the command line, where `ps` would show it).
public struct SandboxConnection: ParsableArguments {
    static let url = Option<String?>("url", valueName: "base-url", help: "The sandbox's base URL, as 'sandbox serve' prints it.")
    static let clientID = Option<String?>(
        "client-id", valueName: "id", help: "API user to sign in as (secret from OMNIUM_CLIENT_SECRET); default: the demo user.")

    public static var arguments: [ArgumentDefinition] {
        var required = url.definition
        required.isRequired = true  // shown without brackets; `validate` enforces it
        return [required, clientID.definition]
    }

    public var urlText: String?
    public var clientID: String?

    public init(_ values: ParsedValues) throws {
        urlText = try values.get(Self.url)
        clientID = try values.get(Self.clientID)
    }

    public func validate(_ context: CommandContext) throws {
        _ = try target(context)
    }

    /// The sandbox and credentials.
    /// - Throws: `CommandLineError.validation` for a missing or bad `--url`, or `--client-id` without a secret.
    public func target(_ context: CommandContext) throws -> SandboxTarget {
        guard let text = urlText else { throw CommandLineError.validation("'--url' is required") }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw CommandLineError.validation("'--url' must be an http(s) URL, got '\(text)'")
        }
        guard let clientID else {
            return SandboxTarget(baseURL: url, clientId: DemoService.client.clientId,
                                 clientSecret: Secret(DemoService.client.clientSecret))
        }
        guard let secret = context.environment["OMNIUM_CLIENT_SECRET"], !secret.isEmpty else {
            throw CommandLineError.validation("'--client-id' needs the secret in OMNIUM_CLIENT_SECRET")
        }
        return SandboxTarget(baseURL: url, clientId: clientID, clientSecret: Secret(secret))
    }
}
