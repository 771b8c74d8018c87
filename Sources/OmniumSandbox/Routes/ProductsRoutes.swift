import Foundation
import HTTPServer
import Omnium

/// Product reads: `POST /api/Products/Scroll`, `GET /api/Products/Scroll/{scrollId}`,
/// `POST /api/Products/SearchProducts` (Sandbox choice: full product shape), `GET /api/Products/{id}`
/// (document, product or SKU id). Spec: omnium-contract.md §6.
struct ProductsRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        let search = SearchResponder(services: services)
        router.post("/api/Products/Scroll", permission: .read(.product)) { request, context in
            let body = try request.omniumBody(OmniumProductSearchRequest.self, emptyAsObject: true)
            return try search.startScroll(resource: "Products", context: context) { try state.productAnswers(matching: body) }
        }
        router.get("/api/Products/Scroll/{scrollId}", permission: .read(.product)) { _, context in
            try search.continueScroll(resource: "Products", context: context, as: SandboxRecordAnswer.self)
        }
        router.post("/api/Products/SearchProducts", permission: .read(.product)) { request, _ in
            let body = try request.omniumBody(OmniumProductSearchRequest.self, emptyAsObject: true)
            return try search.page(take: body.take, page: body.page) { try state.productAnswers(matching: body) }
        }
        router.get("/api/Products/{productId}", permission: .read(.product)) { _, context in
            try SearchResponder.found(state.product(id: try context.parameter("productId")), "Product")
        }
    }
}
