import Foundation
import HTTPServer
import Omnium

/// `GET /api/Invoices/{invoiceId}` (404). Spec: omnium-contract.md §12.
struct InvoicesRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.get("/api/Invoices/{invoiceId}", permission: .read(.order)) { _, context in
            try SearchResponder.found(state.invoice(id: try context.parameter("invoiceId")), "Invoice")
        }
    }
}
