import Foundation
import HTTPServer
import Omnium

/// `POST /api/Prices/Search` (at least one filter; `scrollSize` default 1,000, max 20,000; a
/// `scrollId` when more match) and `GET /api/Prices/Scroll/{scrollId}`. Spec: omnium-contract.md §7.
struct PricesRoutes: SandboxRouteCollection {
    static let maxScrollSize = 20_000
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        let search = SearchResponder(services: services)
        router.post("/api/Prices/Search", permission: .read(.product)) { request, context in
            let body = try request.omniumBody(OmniumPriceSearchRequest.self, emptyAsObject: true)
            let size = body.scrollSize ?? services.configuration.scroll.batchSize
            guard (1...Self.maxScrollSize).contains(size) else {
                throw SandboxError.badRequest("scrollSize must be between 1 and \(Self.maxScrollSize)")
            }
            return try search.searchWithScroll(resource: "Prices", batchSize: size, context: context) {
                try state.priceAnswers(matching: body)
            }
        }
        router.get("/api/Prices/Scroll/{scrollId}", permission: .read(.product)) { _, context in
            try search.continueScroll(resource: "Prices", context: context, as: SandboxRecordAnswer.self)
        }
    }
}
