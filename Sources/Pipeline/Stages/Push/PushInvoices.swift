import FlowMapping
import FlowStore
import Foundation
import Omnium
import Receipts
import Staging

/// `push.invoices`: settled receipts to Omnium as invoices with their PDF (`external_order_receipt_sync`,
/// only while `OMNIUM_SEND_ORDER_RECEIPT_TO_OMNIUM` is on; flow-integration.md §8).
///
/// Per receipt, in this order: render the A4 PDF (a template or font problem stops here, before
/// Omnium hears of the invoice: Omnium never holds an invoice without its document); `UpdateInvoice`
/// (an upsert by the receipt's uid); `AddFileToInvoice` (re-uploading the same file name replaces it).
/// Both calls are safe to repeat, so a crash between them, or an answer that never came, ends with
/// exactly one invoice with exactly one file. The PDF is the stage's file output in the run folder,
/// `<run folder>/receipts/invoices/<uid>.pdf` (its SHA-256 in the manifest, verified by `--resume`), and
/// recorded in the receipt index; the job completes with the Omnium invoice id in the log.
public struct PushInvoices: Stage {
    public let name = "push.invoices"
    public let version = 1
    public let inputs: [Dataset] = [.staged(EnqueuePosChanges.enqueuedDataset), .external("flow.pos_orders")]
    public let outputs: [Dataset] = [.remote("omnium.api.invoices"), .external("control.sync_jobs.external_order_receipt_sync")]

    public init() {}

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let configuration = context.configuration
        let flow = context.flow
        let omnium = context.omnium
        let log = context.log
        let printer = ReceiptPrinter(configuration: configuration, flow: flow, control: context.control)
        let report = try await SyncQueueWorker(kind: .invoicePush, maxConcurrent: 4).drain(control: context.control) { attempt in
            do {
                let uid = attempt.job.objectKey
                guard let order = try flow.read({ try PosOrdersTable.fetch(orderUid: uid, in: $0) }) else {
                    return .dead(reason: "receipt \(uid) is not in the Flow store")
                }
                // 1. The PDF first.
                let file = try printer.render(orderUid: uid, layout: .invoice,
                                              to: try context.fileOutput("receipts/invoices/\(uid).pdf"))
                let pdf = try Data(contentsOf: URL(fileURLWithPath: file.path))
                // 2. The invoice, 3. its file.
                let (original, customer, marketId) = try flow.read { db in
                    (try order.originalOrderUid.flatMap { try PosOrdersTable.fetch(orderUid: $0, in: db) },
                     try order.customerUid.flatMap { try CustomersTable.fetch(customerUid: $0, in: db) },
                     try StoresTable.marketId(storeUid: order.storeUid, in: db))
                }
                let invoice = OutboundInvoiceMapping.invoice(order, original: original, customer: customer, marketId: marketId,
                                                            currency: configuration.tenantCurrency,
                                                            settings: configuration.outboundSettings)
                let stored = try await omnium.updateInvoice(invoice)
                let invoiceId = stored.id ?? uid
                _ = try await omnium.addFileToInvoice(invoiceId: invoiceId, fileName: "\(order.orderNumber).pdf", data: pdf)
                log.info("invoice sent", ["receipt": uid, "invoice.id": invoiceId, "pdf.sha256": file.checksum])
                return .done
            } catch let error as TemplateError {
                return .dead(reason: "receipt PDF not rendered, no invoice sent: \(error)")
            } catch let error as PDFError {
                return .dead(reason: "receipt PDF not rendered, no invoice sent: \(error)")
            } catch {
                return try SyncJobOutcome.from(anyError: error)
            }
        }
        return StageOutcome(rowsRead: report.claimed, rowsWritten: report.done, notes: [report.summary])
    }
}
