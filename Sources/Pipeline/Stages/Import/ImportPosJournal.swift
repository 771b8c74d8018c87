import FlowMapping
import FlowStore
import Foundation
import PosImport

/// `import.pos_journal`: POS journal files (SAF-T Cash Register XML, JSON Lines) into the Flow store's POS
/// tables, as a run of its own (`omniflow pos import FILE...`). The files, the store and the article rule
/// are the stage's ``parameters`` (in the run record and the manifest): an import of one file is a
/// different stage run from an import of another.
///
/// Broken transactions are quarantined (entity `pos_transaction`, key `<file>:<register>/<transID>`)
/// with the reason and the line. The Z reports are reconciled as the stage's blocking check `z_report`
/// (``StageCheck``): every figure of every Z report (per VAT code, payment type, the totals) against the
/// imported transactions, both numbers per key in `omniflow runs show` and the manifest. A mismatch fails
/// the check and the run, and stops what depends on the import; the transactions stay imported (they are
/// the shop's record; the mismatch is for a person to explain). Imported orders reach Omnium through the
/// next run's outbound stages, like any POS activity.
public struct ImportPosJournal: Stage {
    public let name = "import.pos_journal"
    public let version = 1
    public let inputs: [Dataset] = [.external("pos.journal.files")]
    public let outputs: [Dataset] = [.external("flow.pos_orders"), .external("flow.changes")]

    public var files: [URL]
    public var storeUid: String?
    public var createUnknownArticles: Bool

    /// `file.1`, `file.2`, … (absolute paths), `store` when given, `createUnknownArticles`.
    public var parameters: [String: String] {
        var parameters = ["createUnknownArticles": String(createUnknownArticles)]
        for (index, file) in files.enumerated() { parameters["file.\(index + 1)"] = file.standardizedFileURL.path }
        if let storeUid { parameters["store"] = storeUid }
        return parameters
    }

    public init(files: [URL], storeUid: String? = nil, createUnknownArticles: Bool = false) {
        self.files = files
        self.storeUid = storeUid
        self.createUnknownArticles = createUnknownArticles
    }

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let importer = PosJournalImporter(options: .init(storeUid: storeUid, createUnknownArticles: createUnknownArticles,
                                                         timeZone: context.configuration.businessTimeZone))
        var outcome = StageOutcome()
        var comparisons: [StageCheck.Comparison] = []
        for file in files {
            let report = try importer.importFile(file, into: context.flow)
            outcome.rowsRead += report.transactions
            outcome.rowsWritten += report.imported
            outcome.rowsUnchanged += report.alreadyStored
            outcome.quarantined += try context.quarantine(report.issues.map { issue in
                MappingIssue(entity: MappingIssue.Entity(rawValue: "pos_transaction"), recordKey: "\(report.file):\(issue.key)",
                             reason: "\(issue.reason) (line \(issue.line))")
            })
            var note = "\(report.file) (\(report.format)): \(report.transactions) transactions, \(report.imported) imported, "
                + "\(report.alreadyStored) already imported, \(report.issues.count) quarantined"
            if !report.skipped.isEmpty {
                note += "; not orders: " + report.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            }
            outcome.notes.append(note)
            for figure in report.reconciliation {
                comparisons.append(StageCheck.Comparison(key: "\(report.file) \(figure.register) \(figure.date) \(figure.key)",
                                                         expected: Self.money(figure.expected),
                                                         actual: Self.money(figure.actual)))
                if !figure.matches {
                    context.log.error("Z report mismatch", ["file": report.file, "register": figure.register, "key": figure.key,
                                                            "expected": String(figure.expected), "actual": String(figure.actual)])
                }
            }
        }
        if !comparisons.isEmpty {
            outcome.checks.append(StageCheck(name: "z_report", summary: "each Z report figure (expected) against the "
                                             + "imported transactions (actual), in kroner", isBlocking: true,
                                             comparisons: comparisons))
        }
        return outcome
    }

    static func money(_ ore: Int64) -> String {
        let sign = ore < 0 ? "-" : ""
        let value = ore.magnitude
        return "\(sign)\(value / 100).\(value % 100 < 10 ? "0" : "")\(value % 100)"
    }
}
