import Foundation
import HTTPServer

/// `GET /_sandbox/dump`: `SandboxDump` as JSON (Omnium date format) — everything written so far.
struct SandboxDumpRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.get(SandboxAdminRoutes.prefix + "/dump", permission: SandboxAdminRoutes.permission) { _, _ in
            try .omnium(state.dump())
        }
    }
}
