import Foundation
import HTTPServer
import Omnium

/// Customer reads for both kinds: `POST /api/{PrivateCustomers|BusinessCustomers}/Search|Scroll`,
/// `GET .../Scroll/{scrollId}`, `GET .../{customerId}`. Spec: omnium-contract.md §11.
struct CustomersRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        let search = SearchResponder(services: services)
        register("PrivateCustomers", in: &router, search: search, as: OmniumPrivateCustomer.self,
                 query: { try state.privateCustomers(matching: $0) }, byId: { state.privateCustomer(id: $0) })
        register("BusinessCustomers", in: &router, search: search, as: OmniumBusinessCustomer.self,
                 query: { try state.businessCustomers(matching: $0) }, byId: { state.businessCustomer(id: $0) })
    }

    private func register<Customer: Codable & Sendable>(
        _ resource: String, in router: inout Router, search: SearchResponder, as type: Customer.Type,
        query: @escaping @Sendable (OmniumCustomerSearchRequest) throws -> SandboxResultSet<Customer>,
        byId: @escaping @Sendable (String) -> Customer?
    ) {
        router.post("/api/\(resource)/Search", permission: .read(.customer)) { request, _ in
            let body = try request.omniumBody(OmniumCustomerSearchRequest.self, emptyAsObject: true)
            return try search.page(take: body.take, page: body.page) { try query(body) }
        }
        router.post("/api/\(resource)/Scroll", permission: .read(.customer)) { request, context in
            let body = try request.omniumBody(OmniumCustomerSearchRequest.self, emptyAsObject: true)
            return try search.startScroll(resource: resource, context: context) { try query(body) }
        }
        router.get("/api/\(resource)/Scroll/{scrollId}", permission: .read(.customer)) { _, context in
            try search.continueScroll(resource: resource, context: context, as: Customer.self)
        }
        router.get("/api/\(resource)/{customerId}", permission: .read(.customer)) { _, context in
            try SearchResponder.found(byId(try context.parameter("customerId")), "Customer")
        }
    }
}
