import FlowStore
import Foundation
import Pipeline
import Receipts
import Staging

// MARK: - omniflow receipts

extension Omniflow {
    /// Receipt PDFs: render one, list what was rendered, regenerate and compare.
    public struct Receipts: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "receipts",
                abstract: "Render receipts to PDF from the templates, list and regenerate them.",
                discussion: """
                    Receipts are rendered with libharu from the templates in OMNIFLOW_TEMPLATES_DIR \
                    (templates/README.md): the 80 mm till receipt, or the A4 page that goes to Omnium with \
                    the invoice. Every rendering is recorded in the receipt index (template version, SHA-256, \
                    path); a regeneration is byte-identical unless the template changed.
                    """,
                subcommands: [Render.self, List.self, Regenerate.self])
        }

        public init(_ values: ParsedValues) throws {}

        static func printer(_ global: GlobalOptions, _ context: CommandContext) throws -> (ReceiptPrinter, OmniflowConfiguration) {
            let configuration = try global.loadConfiguration(context)
            let service = OperationsService(configuration: configuration)
            let control = try service.openExistingControl()
            guard FileManager.default.fileExists(atPath: configuration.flowStorePath) else {
                throw ServiceError.invalidRequest("no Flow store at \(configuration.flowStorePath)")
            }
            return (ReceiptPrinter(configuration: configuration, flow: try FlowDatabase(path: configuration.flowStorePath),
                                   control: control), configuration)
        }

        static let layout = Option<String>("layout", valueName: "layout", help: "till (80 mm) or invoice (A4).",
                                           default: "till", allowedValues: ["till", "invoice"])

        static func layout(_ text: String) -> ReceiptPrinter.Layout { text == "invoice" ? .invoice : .till }
    }
}

extension Omniflow.Receipts {
    /// `receipts render <receipt-id> [--copy] [-o path]`.
    public struct Render: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(name: "render", abstract: "Render one receipt (a settled POS order's uid) to PDF.")
        }

        static let receipt = Positional<String>(valueName: "receipt-id", help: "The POS order's uid.")
        static let copy = Flag("copy", help: "Render a copy, marked KOPI on every page.")
        static let output = Option<String?>("output", short: "o", valueName: "path", help: "Where to write the PDF.")

        public static var arguments: [ArgumentDefinition] {
            [receipt.definition, copy.definition, output.definition, Omniflow.Receipts.layout.definition] + GlobalOptions.arguments
        }

        var receipt: String
        var isCopy: Bool
        var output: String?
        var layout: String
        var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            receipt = try values.get(Self.receipt)
            isCopy = values.get(Self.copy)
            output = try values.get(Self.output)
            layout = try values.get(Omniflow.Receipts.layout)
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let (printer, _) = try Omniflow.Receipts.printer(global, context)
            let url = output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: context.currentDirectory, isDirectory: true)) }
            let entry: RenderedReceipt
            do {
                entry = try printer.render(orderUid: receipt, copy: isCopy, layout: Omniflow.Receipts.layout(layout), to: url)
            } catch let error as TemplateError {
                throw ServiceError.invalidRequest("template \(error)")
            } catch let error as ReceiptSource.MissingReceipt {
                throw ServiceError.invalidRequest(error.description)
            }
            try global.emit(entry, to: context.standardOutput) {
                "Rendered \(entry.receiptUid)\(entry.isCopy ? " (KOPI)" : "") to \(entry.path): \(Format.count(entry.bytes)) bytes, "
                    + "sha256 \(entry.checksum.prefix(16))…, template \(entry.template) \(entry.templateVersion)\n"
            }
            return .success
        }
    }

    /// `receipts list`.
    public struct List: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(name: "list", abstract: "List rendered receipts from the receipt index.")
        }

        public static var arguments: [ArgumentDefinition] { GlobalOptions.arguments }

        var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            global = try GlobalOptions(values)
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let configuration = try global.loadConfiguration(context)
            let control = try OperationsService(configuration: configuration).openExistingControl()
            let entries = try control.read { try ReceiptIndexTable.all($0) }
            try global.emit(entries, to: context.standardOutput) {
                guard !entries.isEmpty else { return "No receipts rendered yet.\n" }
                var table = TextTable([.init(title: "RECEIPT"), .init(title: "COPY"), .init(title: "TEMPLATE"),
                                       .init(title: "VERSION"), .init(title: "BYTES", alignment: .right), .init(title: "SHA-256"),
                                       .init(title: "PATH")])
                for entry in entries {
                    table.append([entry.receiptUid, entry.isCopy ? "KOPI" : "", entry.template, entry.templateVersion,
                                  Format.count(entry.bytes), String(entry.checksum.prefix(16)), entry.path])
                }
                return table.rendered()
            }
            return .success
        }
    }

    /// `receipts regenerate --receipt ID | --run RUN | --from DATE --to DATE`.
    public struct Regenerate: ParsableCommand {
        public static var configuration: CommandConfiguration {
            CommandConfiguration(
                name: "regenerate",
                abstract: "Render receipts again and report, per receipt, whether the bytes are identical.",
                discussion: """
                    Give '--receipt ID'; or '--run RUN' for the receipts that run sent to Omnium as invoices \
                    (with '--layout invoice' these are the PDFs that were attached); or '--from DATE --to DATE' \
                    (settlement dates, inclusive, business time zone). Exits 1 when a receipt's bytes changed \
                    while its template did not.
                    """)
        }

        static let receipt = Option<String?>("receipt", valueName: "id", help: "One receipt (a POS order's uid).")
        static let run = Option<String?>("run", valueName: "run-id", help: "The receipts a run sent as invoices.")
        static let from = Option<String?>("from", valueName: "yyyy-mm-dd", help: "First settlement date.")
        static let to = Option<String?>("to", valueName: "yyyy-mm-dd", help: "Last settlement date.")

        public static var arguments: [ArgumentDefinition] {
            [receipt.definition, run.definition, from.definition, to.definition, Omniflow.Receipts.layout.definition]
                + GlobalOptions.arguments
        }

        var receipt: String?
        var run: String?
        var from: String?
        var to: String?
        var layout: String
        var global: GlobalOptions

        public init(_ values: ParsedValues) throws {
            receipt = try values.get(Self.receipt)
            run = try values.get(Self.run)
            from = try values.get(Self.from)
            to = try values.get(Self.to)
            layout = try values.get(Omniflow.Receipts.layout)
            global = try GlobalOptions(values)
        }

        public func validate(_ context: CommandContext) throws {
            let modes = [receipt != nil, run != nil, from != nil || to != nil].filter { $0 }.count
            guard modes == 1, (from == nil) == (to == nil) else {
                throw CommandLineError.validation("give one of '--receipt ID', '--run RUN', or both '--from DATE' and '--to DATE'")
            }
            if let run { try RunID.validate(run, option: "--run") }
        }

        public func run(_ context: CommandContext) async throws -> ExitCode {
            let (printer, configuration) = try Omniflow.Receipts.printer(global, context)
            var ids: [String] = []
            if let receipt {
                ids = [receipt]
            } else if let run {
                do { ids = try printer.receiptsSent(byRun: run) } catch let error as ReceiptPrinter.UnknownRun {
                    throw ServiceError.unknownRun(error.runID)
                }
            } else if let from, let to {
                let zone = configuration.businessTimeZone
                guard let start = BusinessTime.date(from, timeZone: zone), let end = BusinessTime.date(to, timeZone: zone) else {
                    throw CommandLineError.validation("'--from' and '--to' take dates (yyyy-mm-dd)")
                }
                ids = try printer.receipts(from: start, to: end.addingTimeInterval(86_399))
            }
            var results: [ReceiptPrinter.Regeneration] = []
            for id in ids {
                do {
                    results.append(try printer.regenerate(orderUid: id, layout: Omniflow.Receipts.layout(layout)))
                } catch let error as TemplateError {
                    throw ServiceError.invalidRequest("template \(error)")
                }
            }
            try global.emit(results, to: context.standardOutput) {
                guard !results.isEmpty else {
                    return run.map { "Run \($0) sent no receipts.\n" } ?? "No receipts in that range.\n"
                }
                return results.map { "\($0.receiptUid): \($0.result.rawValue) (sha256 \($0.checksum.prefix(16))…)\n" }.joined()
            }
            return results.contains { $0.result == .changed } ? .runFailed : .success
        }
    }
}
