import Foundation
import Omnium
import OmniumSandbox

/// `omniflow sandbox dump` / `mutate`: the admin routes of a running sandbox, through `OmniumClient`.
///
/// Why the Omnium client: it already takes the token (`POST /api/token`), retries and redacts the
/// secret in errors; the admin routes use the same bearer token as the API.
struct SandboxAdminService {
    var target: SandboxTarget

    /// `GET /_sandbox/dump`.
    func dump() async throws -> SandboxDump {
        try await client().send(.get("/_sandbox/dump"), as: SandboxDump.self)
    }

    /// `POST /_sandbox/mutations?fraction=`; sent once (a repeat would mutate again).
    func mutate(fraction: Double) async throws -> SandboxMutationReport {
        let request = OmniumRequest(method: .post, path: "/_sandbox/mutations",
                                    query: [URLQueryItem(name: "fraction", value: String(fraction))],
                                    repeatability: .notRepeatable)
        return try await client().send(request, as: SandboxMutationReport.self)
    }

    private func client() -> OmniumClient {
        OmniumClient(configuration: OmniumConfiguration(
            baseURL: target.baseURL, clientId: target.clientId, clientSecret: target.clientSecret.revealedValue, requestTimeout: 30))
    }
}
