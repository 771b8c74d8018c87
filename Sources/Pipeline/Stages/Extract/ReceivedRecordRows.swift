import Foundation
import Omnium
import Staging

extension DatasetCoding {
    /// Omnium's JSON as it comes over the wire: records staged as received (dates in Omnium's format).
    static let omniumWire = DatasetCoding(name: "omnium-wire", makeEncoder: { OmniumJSON.encoder },
                                          makeDecoder: { OmniumJSON.decoder })
}

/// The staged rows of a page read as received (``OmniumReceivedRecord``): each record that decoded,
/// keyed by `key`, with its JSON as Omnium sent it; a record whose bytes could not be cut out of the
/// answer is encoded with the dataset's own coding. Records that did not decode are the caller's
/// (it quarantines them) and give no row. Rows come digested: hashed before the staging connection's
/// lock is taken, which another stage may be waiting for.
enum ReceivedRecordRows {
    static func rows<Record: Encodable>(_ batch: [OmniumReceivedRecord<Record>], for dataset: DatasetKey<Record>,
                                        key: (Record) -> String) throws -> [DatasetRow] {
        var encoder: JSONEncoder?
        return try batch.compactMap { received in
            guard let record = received.item.record else { return nil }
            let recordKey = key(record)
            if let json = received.json { return DatasetRow(key: recordKey, payload: json).digested() }
            let fallback = encoder ?? dataset.coding.makeEncoder()
            encoder = fallback
            do { return DatasetRow(key: recordKey, payload: try fallback.encode(record)).digested() } catch {
                throw StagingError.payload(dataset: dataset.name, key: recordKey, reason: "cannot encode: \(error)")
            }
        }
    }

    /// The staged rows of a page read as received, one row per group (a SKU's stock items): the group's
    /// records that decoded, as one JSON list in the order received, keyed `<group>␟<page>`. A group read
    /// over several pages keeps a row per page, and the rows sort by group, then page (`page` is the page's
    /// number within the read, written with a fixed width so that text order is number order). Why: a row
    /// is SQLite work twice (staged, read back), and the items of one group are read and mapped together
    /// anyway; a page of 1,000 stock items in 20 warehouses is about 50 rows instead of 1,000.
    static func groupedRows<Record: Encodable>(_ batch: [OmniumReceivedRecord<Record>], page: Int,
                                               for dataset: DatasetKey<OmniumRecordList<Record>>,
                                               group: (Record) -> String) throws -> [DatasetRow] {
        var groups: [String] = []
        var members: [[Data]] = []
        var index: [String: Int] = [:]
        var encoder: JSONEncoder?
        for received in batch {
            guard let record = received.item.record else { continue }
            let name = group(record)
            let json: Data
            if let received = received.json {
                json = received
            } else {
                let fallback = encoder ?? dataset.coding.makeEncoder()
                encoder = fallback
                do { json = try fallback.encode(record) } catch {
                    throw StagingError.payload(dataset: dataset.name, key: name, reason: "cannot encode: \(error)")
                }
            }
            if let position = index[name] {
                members[position].append(json)
            } else {
                index[name] = groups.count
                groups.append(name)
                members.append([json])
            }
        }
        let pageText = String(page)
        let pageKey = String(repeating: "0", count: max(0, 10 - pageText.count)) + pageText
        return zip(groups, members).map { name, jsons in
            DatasetRow(key: CatalogueDatasets.key(group: name, pageKey), payload: jsonList(jsons)).digested()
        }
    }

    /// `[`, the records with commas between them, `]`, written once at its exact size. Why not `Data.append` of
    /// each byte: a single byte went through `Data`'s generic collection path (`insert(_:at:)`), several times
    /// the cost of copying a record.
    static func jsonList(_ jsons: [Data]) -> Data {
        // `[`, then each record followed by `,` or (the last) `]`; `[]` when there are none.
        let count = jsons.isEmpty ? 2 : jsons.reduce(1) { $0 + $1.count + 1 }
        var list = Data(count: count)
        list.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) in
            var at = 0
            func put(_ byte: UInt8) {
                out[at] = byte
                at += 1
            }
            put(UInt8(ascii: "["))
            for (position, json) in jsons.enumerated() {
                if position > 0 { put(UInt8(ascii: ",")) }
                json.withUnsafeBytes { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                    (out.baseAddress! + at).copyMemory(from: base, byteCount: bytes.count)
                    at += bytes.count
                }
            }
            put(UInt8(ascii: "]"))
            precondition(at == out.count, "a JSON list of \(at) bytes in \(out.count)")
        }
        return list
    }
}
