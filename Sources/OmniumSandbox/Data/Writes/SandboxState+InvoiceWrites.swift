import Foundation
import Omnium

/// Invoices: `UpdateInvoice` (upsert by `id`; no id → a GUID; a replace keeps `created` and an
/// omitted `url`/`assets`) and `AddFileToInvoice` (stores the bytes, sets `url` and one asset per
/// `fileName`, a re-upload replaces it; `GetAsPdf` returns the latest file).
///
/// Spec: omnium-contract.md §12.
extension SandboxState {
    /// `PUT /api/Invoices/UpdateInvoice`.
    public func updateInvoice(_ input: OmniumInvoice) -> OmniumInvoice {
        write { storage, now in
            var invoice = input
            if invoice.id.nonEmpty == nil { invoice.id = UUID().uuidString.lowercased() }
            let id = invoice.id!
            let existing = storage.invoices[id]
            invoice.created = existing?.created ?? invoice.created ?? now
            if invoice.url.nonEmpty == nil { invoice.url = existing?.url }
            if invoice.assets == nil { invoice.assets = existing?.assets }
            invoice.modified = existing?.modified
            if let existing, invoice == existing { return existing }
            invoice.modified = now
            storage.invoices[id] = invoice
            return invoice
        }
    }

    /// `POST /api/Invoices/{invoiceId}/AddFileToInvoice?fileName=`.
    /// - Throws: `SandboxWriteError` (400 no file name or empty body, 404 unknown invoice).
    public func addFileToInvoice(invoiceId: String, fileName: String?, bytes: Data) throws -> OmniumInvoice {
        guard let fileName = fileName.nonEmpty else { throw SandboxWriteError.badRequest("fileName is required") }
        guard !bytes.isEmpty else { throw SandboxWriteError.badRequest("The file is empty") }
        return try write { storage, now in
            guard var invoice = storage.invoices[invoiceId] else { throw SandboxWriteError.notFound("Invoice was not found") }
            let url = "/api/Invoices/GetAsPdf/\(invoiceId)"
            let isPDF = fileName.lowercased().hasSuffix(".pdf")
            let asset = OmniumAsset(assetId: "\(invoiceId)-\(fileName)", fileName: fileName, url: url,
                                    contentType: isPDF ? "application/pdf" : "application/octet-stream", length: bytes.count,
                                    name: fileName, created: now, modified: now)
            invoice.assets = (invoice.assets ?? []).filter { $0.fileName != fileName } + [asset]
            invoice.url = url
            invoice.modified = now
            storage.invoices[invoiceId] = invoice
            storage.invoiceFiles[invoiceId] = SandboxInvoiceFile(fileName: fileName, bytes: bytes)
            return invoice
        }
    }
}
