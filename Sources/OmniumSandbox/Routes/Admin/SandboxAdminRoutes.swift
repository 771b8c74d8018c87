import HTTPServer

/// The sandbox's own admin routes, under `/_sandbox/` — not part of the Omnium API.
///
/// Why a separate prefix: demos and manual tests read back what a run wrote and trigger data
/// changes over HTTP, against a running `omniflow sandbox serve`. They use the same bearer token as
/// the API (`POST /api/token`) and need `ApiOwner` (or the sandbox-only role `SandboxAdmin`), but
/// are exempt from rate limits and fault injection, so a dump always answers — even on a flaky profile.
public enum SandboxAdminRoutes {
    /// Path prefix of every admin route.
    public static let prefix = "/_sandbox"
    /// What an admin route requires from the caller's token.
    public static let permission = RoutePermission.admin(.sandbox)

    /// True for requests to an admin route (`/_sandbox/...`, any case).
    public static func isAdmin(_ request: HTTPRequest) -> Bool {
        let path = request.decodedPath.lowercased()
        return path == prefix || path.hasPrefix(prefix + "/")
    }

    static func collections(services: SandboxServices) -> [any SandboxRouteCollection] {
        [
            SandboxDumpRoutes(services: services),
            SandboxMutationRoutes(services: services),
        ]
    }
}
