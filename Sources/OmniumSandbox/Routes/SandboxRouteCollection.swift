import HTTPServer

/// The routes of one Omnium resource, registered into the sandbox's `Router` at start.
///
/// Why: one file per resource (Hummingbird `RouteCollection`); a collection gets the shared
/// `SandboxServices` (state, clock, scrolls, tokens) when it is made and adds its routes.
public protocol SandboxRouteCollection: Sendable {
    func register(in router: inout Router)
}

/// Every route collection of the sandbox: read routes, write routes, then the `/_sandbox/` admin routes.
enum SandboxRoutes {
    static func collections(services: SandboxServices) -> [any SandboxRouteCollection] {
        readCollections(services: services) + WriteRoutes.collections(services: services)
            + SandboxAdminRoutes.collections(services: services)
    }

    static func readCollections(services: SandboxServices) -> [any SandboxRouteCollection] {
        [
            TokenRoutes(services: services),
            StoresRoutes(services: services),
            ProductsRoutes(services: services),
            PricesRoutes(services: services),
            InventoryRoutes(services: services),
            PurchaseOrdersRoutes(services: services),
            OrdersRoutes(services: services),
            CustomersRoutes(services: services),
            InvoicesRoutes(services: services),
        ]
    }
}
