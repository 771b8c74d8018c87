import Foundation
import HTTPServer
import Omnium

/// Private and business customers: `POST /api/{Private|Business}Customers` (create, 409 on an
/// existing id; without a `customerId`, as the vendor's create examples send, one is assigned and
/// returned), `POST .../Update` (404 on an unknown id), `PUT .../AddOrUpdateMany` (≤ 100, empty body).
///
/// Spec: omnium-contract.md §11.
struct CustomerWriteRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        // MARK: Private
        router.post("/api/PrivateCustomers", permission: .admin(.customer)) { request, _ in
            let customer = try request.omniumBody(OmniumPrivateCustomer.self, assigningIfMissing: "customerId",
                                                  state.newCustomerId)
            return try .omnium(state.writePrivateCustomers([customer], mode: .create)[0])
        }
        router.post("/api/PrivateCustomers/Update", permission: .admin(.customer)) { request, _ in
            try .omnium(state.writePrivateCustomers([try request.omniumBody(OmniumPrivateCustomer.self)], mode: .update)[0])
        }
        router.put("/api/PrivateCustomers/AddOrUpdateMany", permission: .admin(.customer)) { request, _ in
            _ = try request.boolQuery("exportCustomers")
            try state.writePrivateCustomers(try request.omniumBody([OmniumPrivateCustomer].self), mode: .upsert)
            return .empty(.ok)
        }
        // MARK: Business
        router.post("/api/BusinessCustomers", permission: .admin(.customer)) { request, _ in
            let customer = try request.omniumBody(OmniumBusinessCustomer.self, assigningIfMissing: "customerId",
                                                  state.newCustomerId)
            return try .omnium(state.writeBusinessCustomers([customer], mode: .create)[0])
        }
        router.post("/api/BusinessCustomers/Update", permission: .admin(.customer)) { request, _ in
            try .omnium(state.writeBusinessCustomers([try request.omniumBody(OmniumBusinessCustomer.self)], mode: .update)[0])
        }
        router.put("/api/BusinessCustomers/AddOrUpdateMany", permission: .admin(.customer)) { request, _ in
            _ = try request.boolQuery("enrichContactsFromPrivateCustomers")
            try state.writeBusinessCustomers(try request.omniumBody([OmniumBusinessCustomer].self), mode: .upsert)
            return .empty(.ok)
        }
    }
}
