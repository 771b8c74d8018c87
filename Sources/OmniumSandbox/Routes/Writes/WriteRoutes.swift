/// The write-route collections, one per resource (`*WriteRoutes.swift`); `SandboxServer`
/// registers them after the read routes. Their handlers call the `SandboxState` write methods,
/// which validate, apply, stamp `modified` and emit webhook events; `SandboxWriteError` and bad
/// JSON become Omnium's string error answers in `ErrorMiddleware`.
///
/// Spec: omnium-contract.md §8–§12 (write endpoints).
enum WriteRoutes {
    static func collections(services: SandboxServices) -> [any SandboxRouteCollection] {
        [
            OrderWriteRoutes(services: services),
            ReturnWriteRoutes(services: services),
            InventoryWriteRoutes(services: services),
            DeliveryWriteRoutes(services: services),
            CustomerWriteRoutes(services: services),
            InvoiceWriteRoutes(services: services),
        ]
    }
}
