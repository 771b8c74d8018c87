import FlowMapping
import FlowStore
import Foundation
import PosImport

/// `import.pos_journal`: POS journal files (SAF-T Cash Register XML, JSON Lines) into the Flow store's POS
/// tables, as a run of its own (`omniflow pos import FILE...`). The files are the stage's parameters:
/// their names and sizes are in the stage's notes, so the run record says what was imported.
///
/// Broken transactions are quarantined (entity `pos_transaction`, key `<file>:<register>/<transID>`)
/// with the reason and the line; a Z report that disagrees with the imported transactions fails the
/// stage with both numbers per VAT code and payment type (the transactions stay imported: they are the
/// shop's record; the mismatch is for a person to explain). Imported orders reach Omnium through the
/// next run's outbound stages, like any POS activity.
public struct ImportPosJournal: Stage {
    public let name = "import.pos_journal"
    public let version = 1
    public let inputs: [Dataset] = [.external("pos.journal.files")]
    public let outputs: [Dataset] = [.external("flow.pos_orders"), .external("flow.changes")]

    public var files: [URL]
    public var storeUid: String?
    public var createUnknownArticles: Bool

    public init(files: [URL], storeUid: String? = nil, createUnknownArticles: Bool = false) {
        self.files = files
        self.storeUid = storeUid
        self.createUnknownArticles = createUnknownArticles
    }

    /// Why an import stopped.
    public struct ReconciliationFailure: Error, CustomStringConvertible {
        public var description: String
    }

    public func run(_ context: StageContext) async throws -> StageOutcome {
        let importer = PosJournalImporter(options: .init(storeUid: storeUid, createUnknownArticles: createUnknownArticles,
                                                         timeZone: context.configuration.businessTimeZone))
        var outcome = StageOutcome()
        var mismatches: [String] = []
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
            if !report.reconciliation.isEmpty {
                note += "; Z report: \(report.reconciliation.count - report.mismatches.count) of \(report.reconciliation.count) figures match"
            }
            outcome.notes.append(note)
            for mismatch in report.mismatches {
                let line = "Z report \(mismatch.register) \(mismatch.date) \(mismatch.key): report \(Self.money(mismatch.expected)), "
                    + "transactions \(Self.money(mismatch.actual))"
                outcome.notes.append(line)
                mismatches.append(line)
                context.log.error("Z report mismatch", ["file": report.file, "register": mismatch.register, "key": mismatch.key,
                                                        "expected": String(mismatch.expected), "actual": String(mismatch.actual)])
            }
        }
        if !mismatches.isEmpty {
            throw ReconciliationFailure(description: "the Z reports disagree with the imported transactions: "
                                        + mismatches.joined(separator: "; "))
        }
        return outcome
    }

    static func money(_ ore: Int64) -> String {
        let sign = ore < 0 ? "-" : ""
        let value = ore.magnitude
        return "\(sign)\(value / 100).\(value % 100 < 10 ? "0" : "")\(value % 100)"
    }
}
