/// The write-route collections (owned by the sandbox data/write routes work): add each resource's
/// `SandboxRouteCollection` here; `SandboxServer` registers them after the read routes.
enum WriteRoutes {
    static func collections(services: SandboxServices) -> [any SandboxRouteCollection] {
        []
    }
}
