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
}
