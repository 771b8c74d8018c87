import Foundation

// MARK: - Invoices

/// Invoices and their PDF files. Client rule: PDF first, then `updateInvoice`, then
/// `addFileToInvoice`; the sync record is complete only after both, and a retry repeats both
/// (both are upserts).
/// Spec: omnium-contract.md §12.
extension OmniumClient {
    /// `PUT /api/Invoices/UpdateInvoice`: upsert by `id`.
    public func updateInvoice(_ invoice: OmniumInvoice) async throws -> OmniumInvoice {
        // An upsert by `id`; without one Omnium makes a new GUID, so a repeat would add a second invoice.
        let hasId = !(invoice.id?.isEmpty ?? true)
        return try await send(try .json(.put, "/api/Invoices/UpdateInvoice", body: invoice,
                                        repeatability: hasId ? .idempotent : .notRepeatable), as: OmniumInvoice.self)
    }

    /// `POST /api/Invoices/{invoiceId}/AddFileToInvoice?fileName=..` with the raw bytes
    /// (`application/octet-stream`); a re-upload under the same name replaces the file.
    public func addFileToInvoice(invoiceId: String, fileName: String, data: Data) async throws -> OmniumInvoice {
        let path = "/api/Invoices/\(OmniumRequest.segment(invoiceId))/AddFileToInvoice"
        return try await send(.bytes(.post, path, query: [URLQueryItem(name: "fileName", value: fileName)], data: data),
                              as: OmniumInvoice.self)
    }

    /// `GET /api/Invoices/{invoiceId}`.
    public func invoice(id: String) async throws -> OmniumInvoice {
        try await send(.get("/api/Invoices/\(OmniumRequest.segment(id))"), as: OmniumInvoice.self)
    }
}
