import FlowMapping
import Foundation
import Omnium

/// Prices and stock items Omnium sent that the models could not read, met while a read streams.
///
/// Why not like products: a price or stock load replaces what a SKU has, and a full read removes what
/// it did not see. An unreadable record is quarantined with its error and raw JSON (entity
/// `price_unreadable` keyed by SKU, `stock_unreadable` keyed `sku@warehouse`), the records of the page
/// that decode go on as usual, and the SKU is named in the mark (`withheldSkus`) so a reconciliation
/// leaves its Flow rows alone. The extract resolves a quarantined record once it reads cleanly.
struct UnreadableCatalogueRecords {
    let entity: MappingIssue.Entity
    /// Keys open in the quarantine when the read started.
    let open: Set<String>
    private(set) var withheldSkus = Set<String>()
    private(set) var unreadableKeys = Set<String>()
    /// Open keys read cleanly this time.
    private var readCleanly = Set<String>()

    init(entity: MappingIssue.Entity, context: StageContext) throws {
        self.entity = entity
        open = try context.openQuarantineKeys(entity.rawValue)
    }

    /// The quarantine key of a record: the SKU for prices, `sku@warehouse` for stock.
    private func key(sku: String?, warehouse: String?) -> String {
        entity == .unreadableStock ? "\(sku ?? "?")@\(warehouse ?? "?")" : (sku ?? "(no code)")
    }

    /// The records of `batch` that decoded; the others quarantined and their SKUs withheld.
    mutating func take<Record>(_ batch: [OmniumPageRecord<Record>], _ context: StageContext,
                               sku: (Record) -> String?, warehouse: (Record) -> String? = { _ in nil }) throws -> [Record] {
        var records: [Record] = []
        for item in batch {
            switch item {
            case .decoded(let record):
                if !open.isEmpty {
                    let key = key(sku: sku(record), warehouse: warehouse(record))
                    if open.contains(key) { readCleanly.insert(key) }
                }
                records.append(record)
            case .undecodable(let failure):
                let code = failure.key(["code", "sku", "skuId"])
                let key = key(sku: code, warehouse: failure.key(["warehouseCode"]))
                if let code { withheldSkus.insert(code) }
                unreadableKeys.insert(key)
                try context.quarantine([MappingIssue(entity: entity, recordKey: key, reason: failure.description,
                                                     sourcePayload: failure.rawJSON)])
            }
        }
        return records
    }

    /// Resolves the quarantined records that read cleanly and not unreadably again; returns how many.
    func resolve(_ context: StageContext) throws -> Int {
        let fixed = readCleanly.subtracting(unreadableKeys)
        try context.resolveQuarantine(entity: entity, keys: fixed.sorted())
        return fixed.count
    }

    /// The mark's `withheldSkus`: nil when every record read.
    var markValue: [String]? { withheldSkus.isEmpty ? nil : withheldSkus.sorted() }

    /// A note for the stage outcome, when there is anything to say.
    func note(_ what: String, resolved: Int) -> String? {
        var parts: [String] = []
        if !unreadableKeys.isEmpty {
            parts.append("\(unreadableKeys.count) \(what) did not decode (quarantined with their JSON; "
                         + "\(withheldSkus.count) SKU(s) kept out of any reconciliation)")
        }
        if resolved > 0 { parts.append("\(resolved) unreadable \(what) read cleanly now") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
