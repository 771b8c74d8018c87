import Foundation
import HTTPServer
import Omnium

/// `PUT /api/Invoices/UpdateInvoice`, `POST /api/Invoices/{invoiceId}/AddFileToInvoice?fileName=`
/// (raw bytes, `application/octet-stream`) and `GET /api/Invoices/GetAsPdf/{invoiceId}` (the file).
///
/// Spec: omnium-contract.md §12.
struct InvoiceWriteRoutes: SandboxRouteCollection {
    let services: SandboxServices

    func register(in router: inout Router) {
        let state = services.state
        router.put("/api/Invoices/UpdateInvoice", permission: .admin(.order)) { request, _ in
            try .omnium(state.updateInvoice(try request.omniumBody(OmniumInvoice.self)))
        }
        router.post("/api/Invoices/{invoiceId}/AddFileToInvoice", permission: .admin(.order)) { request, context in
            try .omnium(state.addFileToInvoice(invoiceId: try context.parameter("invoiceId"),
                                               fileName: request.query("fileName"), bytes: request.body))
        }
        router.get("/api/Invoices/GetAsPdf/{invoiceId}", permission: .read(.order)) { _, context in
            let invoiceId = try context.parameter("invoiceId")
            guard state.invoice(id: invoiceId) != nil else { throw SandboxError.notFound("Invoice was not found") }
            guard let file = state.invoiceFile(id: invoiceId) else { throw SandboxError.notFound("Invoice file was not found") }
            let type = file.fileName.lowercased().hasSuffix(".pdf") ? "application/pdf" : "application/octet-stream"
            return HTTPResponse(status: .ok, headers: ["Content-Type": type], body: file.bytes)
        }
    }
}
