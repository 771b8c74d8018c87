import Foundation
import Omnium

/// The stock records written through the API (`UpdateMany`, goods receptions, mutations), by (`sku`,
/// `warehouseCode`): what `SandboxStorage.inventoryWritten` holds.
///
/// Why not a `[SandboxInventoryKey: OmniumInventoryItem]`: a stock record is a large value (six optional
/// `Decimal`s, four strings, two dates), and a dictionary that grows hashes both strings of every key again and
/// moves every record, at each doubling, under the state's one lock. A stock push of 100,000 new levels met a
/// doubling at about 3,000, 6,000 … 98,000 records, the last ones holding its 1,000-item call (and the others on
/// the wire, waiting for the lock) for milliseconds; about half of applying a call was that. Here the
/// dictionary holds a key with its hash computed once and the record's place in an array: growing rehashes
/// nothing and moves only keys and places; the records move only when the array grows, as plain memory.
public struct SandboxInventoryTable: Sendable {
    private var places: [HashedKey: Int] = [:]
    private var records: [OmniumInventoryItem] = []

    public init() {}

    /// The record written for `key`, if any.
    public subscript(key: SandboxInventoryKey) -> OmniumInventoryItem? {
        places[HashedKey(key)].map { records[$0] }
    }

    /// The keys written, in no particular order.
    public var keys: [SandboxInventoryKey] { places.keys.map(\.key) }

    /// The records written, in the order their keys were first written.
    public var values: [OmniumInventoryItem] { records }

    public var count: Int { records.count }

    /// Writes `item` as the record of `key` (replacing the one there).
    mutating func set(_ item: OmniumInventoryItem, for key: SandboxInventoryKey) {
        let next = records.count
        // One lookup: the place of a key already written, or the next one, stored as the key is added.
        let place = Self.place(in: &places[HashedKey(key)], next: next)
        if place == next {
            records.append(item)
        } else {
            records[place] = item
        }
    }

    private static func place(in slot: inout Int?, next: Int) -> Int {
        if let place = slot { return place }
        slot = next
        return next
    }

    /// A key and its hash, computed once: the dictionary's growth rehashes the stored value, not two strings.
    private struct HashedKey: Hashable, Sendable {
        let key: SandboxInventoryKey
        let hash: Int

        init(_ key: SandboxInventoryKey) {
            self.key = key
            hash = key.hashValue
        }

        static func == (lhs: HashedKey, rhs: HashedKey) -> Bool {
            lhs.hash == rhs.hash && lhs.key == rhs.key
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }
    }
}
