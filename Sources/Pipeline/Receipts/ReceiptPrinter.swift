import Digest
import FlowStore
import Foundation
import Receipts
import Staging

// MARK: - ReceiptPrinter

/// Renders receipts of the Flow store to PDF files and keeps the receipt index in the control database.
///
/// The index records the template and its version (SHA-256 of the template text) and the PDF's SHA-256,
/// so a re-rendering can be compared: identical bytes unless the template (or the receipt) changed.
public struct ReceiptPrinter: Sendable {
    /// Which template a receipt is rendered with.
    public enum Layout: String, Sendable, CaseIterable {
        /// The 80 mm till receipt.
        case till = "receipt-80mm.tmpl"
        /// The A4 page sent to Omnium as the invoice's file.
        case invoice = "invoice-a4.tmpl"
    }

    public var configuration: OmniflowConfiguration
    public var flow: FlowDatabase
    public var control: ControlStore

    public init(configuration: OmniflowConfiguration, flow: FlowDatabase, control: ControlStore) {
        self.configuration = configuration
        self.flow = flow
        self.control = control
    }

    /// The default file of a receipt: `<staging>/receipts/<uid>[-kopi].pdf`.
    public func defaultURL(orderUid: String, copy: Bool) -> URL {
        control.root.appendingPathComponent("receipts").appendingPathComponent(orderUid + (copy ? "-kopi" : "") + ".pdf")
    }

    /// Renders one receipt (without writing it).
    /// - Throws: ``TemplateError`` naming the template's file and line, ``ReceiptSource/MissingReceipt``,
    ///   `PDFError`.
    public func pdf(orderUid: String, copy: Bool, layout: Layout) throws -> (pdf: Data, template: String, version: String) {
        let url = URL(fileURLWithPath: configuration.templatesDirectory).appendingPathComponent(layout.rawValue)
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw TemplateError(file: url.path, line: 0, reason: "cannot read the template: \(error.localizedDescription)")
        }
        let template = try ReceiptTemplate(name: url.path, text: text)
        let document = try flow.read { try ReceiptSource.document(orderUid: orderUid, copy: copy, in: $0) }
        let pdf = try ReceiptRenderer(timeZone: configuration.businessTimeZone).render(document, with: template)
        return (pdf, layout.rawValue, String(SHA256.hexDigest(of: Data(text.utf8)).prefix(16)))
    }

    /// Renders one receipt to `url` (0600; the folder 0700) and records it in the index.
    @discardableResult
    public func render(orderUid: String, copy: Bool = false, layout: Layout = .till, to url: URL? = nil) throws -> RenderedReceipt {
        let rendered = try pdf(orderUid: orderUid, copy: copy, layout: layout)
        let target = url ?? defaultURL(orderUid: orderUid, copy: copy)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try rendered.pdf.write(to: target, options: .atomic)
        chmod(target.path, 0o600)
        let entry = RenderedReceipt(receiptUid: orderUid, isCopy: copy, template: rendered.template,
                                    templateVersion: rendered.version, checksum: SHA256.hexDigest(of: rendered.pdf),
                                    path: target.path, bytes: rendered.pdf.count, renderedAt: control.clock.now)
        try control.write { try ReceiptIndexTable.record($0, entry) }
        return entry
    }

    /// What rendering an indexed receipt again came to.
    public struct Regeneration: Sendable, Codable, Equatable {
        public enum Result: String, Sendable, Codable { case identical, templateChanged = "template changed", changed, new }
        public var receiptUid: String
        public var result: Result
        public var checksum: String
        public var path: String
    }

    /// Renders a receipt again with its layout and compares with the index: identical bytes unless the
    /// template changed (or, which should never happen, the receipt itself).
    ///
    /// A receipt last rendered into a run folder (an invoice PDF, `push.invoices`' file output) is rendered
    /// again outside it: a finished stage's files never change (`--resume` checks them), and a run folder
    /// that retention removed is not brought back for one file.
    public func regenerate(orderUid: String, layout: Layout = .till) throws -> Regeneration {
        let previous = try control.read { try ReceiptIndexTable.entry($0, receiptUid: orderUid, isCopy: false, template: layout.rawValue) }
        let runs = control.root.appendingPathComponent("runs").standardizedFileURL.path + "/"
        let url: URL
        if let previous, !URL(fileURLWithPath: previous.path).standardizedFileURL.path.hasPrefix(runs) {
            url = URL(fileURLWithPath: previous.path)
        } else if layout == .invoice {
            url = control.root.appendingPathComponent("receipts/invoices/\(orderUid).pdf")
        } else {
            url = defaultURL(orderUid: orderUid, copy: false)
        }
        let entry = try render(orderUid: orderUid, layout: layout, to: url)
        let result: Regeneration.Result
        switch previous {
        case nil: result = .new
        case let old? where old.checksum == entry.checksum: result = .identical
        case let old? where old.templateVersion != entry.templateVersion: result = .templateChanged
        default: result = .changed
        }
        return Regeneration(receiptUid: orderUid, result: result, checksum: entry.checksum, path: entry.path)
    }

    /// The receipts run `runID` sent to Omnium as invoices (their `external_order_receipt_sync` jobs were
    /// finished while it ran), oldest first.
    /// - Throws: ``UnknownRun`` when no such run is recorded.
    public func receiptsSent(byRun runID: String) throws -> [String] {
        guard let run = try control.run(id: runID) else { throw UnknownRun(runID: runID) }
        let end = run.finishedAt ?? control.clock.now
        return try control.syncJobs(queue: SyncJob.Kind.invoicePush.queue, state: .done, limit: .max)
            .filter { $0.kind == .invoicePush && $0.updatedAt >= run.startedAt && $0.updatedAt <= end }
            .sorted { ($0.updatedAt, $0.objectKey) < ($1.updatedAt, $1.objectKey) }
            .map(\.objectKey)
    }

    /// `receipts regenerate --run` named a run that is not recorded.
    public struct UnknownRun: Error, CustomStringConvertible {
        public var runID: String
        public var description: String { "no run with id '\(runID)' (see omniflow runs)" }
    }

    /// Settled POS orders whose receipts fall between two times (inclusive), oldest first.
    public func receipts(from: Date, to: Date) throws -> [String] {
        try flow.read { db in
            try db.fetchAll(sql: """
                SELECT order_uid FROM pos_orders WHERE settled_at IS NOT NULL AND settled_at >= ? AND settled_at <= ?
                ORDER BY settled_at, order_uid
                """, arguments: [from, to]).map { try $0.decode("order_uid") }
        }
    }
}
