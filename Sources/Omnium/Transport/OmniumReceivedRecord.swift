import Foundation

// MARK: - OmniumReceivedRecord

/// A page record (``OmniumPageRecord``) with its JSON exactly as Omnium sent it.
///
/// Why: a catalogue extract stages what Omnium sent, and the transform decodes it from there; encoding
/// the decoded model again only to stage it cost more than anything else in a catalogue run (issue 8).
/// `json` is nil when the answer's bytes could not be cut into records (then the caller encodes the
/// record itself, with `OmniumJSON.encoder`). `json` is a slice of the answer's bytes (its indices start where
/// the record stood in the answer): read it through `withUnsafeBytes` or as a collection, never from index 0.
public struct OmniumReceivedRecord<Record: Decodable & Sendable>: Decodable, Sendable {
    public var item: OmniumPageRecord<Record>
    public var json: Data?

    public init(item: OmniumPageRecord<Record>, json: Data?) {
        self.item = item
        self.json = json
    }

    public init(from decoder: any Decoder) throws {
        item = try OmniumPageRecord(from: decoder)
        json = nil
    }
}

/// An item of a page that keeps the JSON it was read from; ``OmniumClient`` fills it in after the
/// page decoded (a `Decodable` initialiser never sees its bytes).
protocol OmniumKeepsReceivedJSON {
    mutating func keep(json: Data)
}

extension OmniumReceivedRecord: OmniumKeepsReceivedJSON {
    mutating func keep(json: Data) { self.json = json }
}

/// A page item made from its record's bytes alone: a received record whose model has a fast reader
/// (``OmniumWireDecodable``), falling back to `JSONDecoder` for the record when that reader is not certain.
/// A whole page at a time: ``OmniumClient`` knows the item type only at run time, and a call through it per
/// record boxed each record and looked up its generic types again (issue 8).
protocol OmniumWirePageItem {
    /// The records at `ranges` of the page answer `body`, in order.
    static func fromWirePage(_ body: Data, at ranges: [Range<Int>]) throws -> [Self]
}

extension OmniumReceivedRecord: OmniumWirePageItem where Record: OmniumWireDecodable {
    static func fromWirePage(_ body: Data, at ranges: [Range<Int>]) throws -> [Self] {
        try Record.receivedRecords(in: body, at: ranges)
    }
}

extension OmniumPageRecord: OmniumWirePageItem where Record: OmniumWireDecodable {
    static func fromWirePage(_ body: Data, at ranges: [Range<Int>]) throws -> [Self] {
        try Record.pageRecords(in: body, at: ranges)
    }
}

extension OmniumWireDecodable {
    public static func receivedRecords(in body: Data, at ranges: [Range<Int>]) throws -> [OmniumReceivedRecord<Self>] {
        try wireRecords(in: body, at: ranges) { json, record in
            OmniumReceivedRecord(item: try record.map { .decoded($0) }
                                     ?? OmniumJSON.decoder.decode(OmniumPageRecord<Self>.self, from: json),
                                 json: json)
        }
    }

    public static func pageRecords(in body: Data, at ranges: [Range<Int>]) throws -> [OmniumPageRecord<Self>] {
        try wireRecords(in: body, at: ranges) { json, record in
            try record.map { .decoded($0) } ?? OmniumJSON.decoder.decode(OmniumPageRecord<Self>.self, from: json)
        }
    }

    /// Each record's bytes (a slice sharing the answer's, not a copy: a page of 1,000 stock items made 1,000
    /// allocations and copies that the staged rows copy once more anyway) with what the fast reader made of them.
    private static func wireRecords<Item>(in body: Data, at ranges: [Range<Int>],
                                          _ item: (Data, Self?) throws -> Item) throws -> [Item] {
        try ranges.map { range in
            let json = body[(body.startIndex + range.lowerBound)..<(body.startIndex + range.upperBound)]
            return try item(json, Self(wireJSON: json))
        }
    }
}

extension OmniumClient {
    /// Sends a page request and decodes the envelope; items that keep their JSON get their bytes
    /// when the answer's records can be cut out and their count agrees with the decoded ones.
    func sendPage<Item: Decodable & Sendable>(_ request: OmniumRequest, of type: Item.Type)
        async throws -> OmniumPageEnvelope<Item> {
        if let wire = Item.self as? any OmniumWirePageItem.Type {
            return try await exchange.perform(request) { response in
                try Self.decodeWirePage(response.body, as: Item.self, wire: wire)
            }
        }
        guard Item.self is any OmniumKeepsReceivedJSON.Type else {
            return try await send(request, as: OmniumPageEnvelope<Item>.self)
        }
        let (envelope, body) = try await sendKeepingBody(request, as: OmniumPageEnvelope<Item>.self)
        return Self.keepingJSON(envelope, body: body)
    }

    /// The page with each item's bytes attached, when the answer can be cut into as many records as decoded.
    private static func keepingJSON<Item>(_ envelope: OmniumPageEnvelope<Item>, body: Data) -> OmniumPageEnvelope<Item> {
        guard var items = envelope.result, !items.isEmpty,
              let ranges = OmniumJSONSlices.elements(ofMember: "result", in: body), ranges.count == items.count
        else { return envelope }
        for index in items.indices {
            guard var keeper = items[index] as? any OmniumKeepsReceivedJSON else { continue }
            let range = ranges[index]
            keeper.keep(json: body[(body.startIndex + range.lowerBound)..<(body.startIndex + range.upperBound)])
            if let item = keeper as? Item { items[index] = item }
        }
        var kept = envelope
        kept.result = items
        return kept
    }

    /// A page of fast-read records: the envelope is read (and the whole answer checked as JSON) by
    /// ``OmniumWireReader/page(_:)``, then each record from its own bytes. An answer the reader declines
    /// (or one without a `result` list) is decoded the ordinary way, which also words any error.
    private static func decodeWirePage<Item: Decodable>(_ body: Data, as type: Item.Type,
                                                        wire: any OmniumWirePageItem.Type) throws -> OmniumPageEnvelope<Item> {
        let page = body.withUnsafeBytes { OmniumWireReader.page($0.bindMemory(to: UInt8.self)) }
        guard let page, let ranges = page.records else {
            return keepingJSON(try decode(OmniumPageEnvelope<Item>.self, from: body), body: body)
        }
        let items: [Item]
        do {
            items = try wirePage(wire, body, at: ranges, as: Item.self)
        } catch {
            throw OmniumExchange.UnreadableBody(
                description: "\(Item.self) did not decode: \(OmniumExchange.describe(decodingError: error))")
        }
        return OmniumPageEnvelope(totalHits: page.totalHits, result: items, scrollId: page.scrollId)
    }

    /// The page's records as `Item`, which `Wire` is (the existential `wire` opened once per page).
    private static func wirePage<Wire: OmniumWirePageItem, Item>(_: Wire.Type, _ body: Data, at ranges: [Range<Int>],
                                                                 as _: Item.Type) throws -> [Item] {
        try Wire.fromWirePage(body, at: ranges).reinterpreted(as: Item.self)
    }
}

extension Array {
    /// This array as `[Other]`, for an `Other` that is `Element` but known as such only at run time (a generic
    /// parameter opened from an existential): the same value, without casting and copying each element as
    /// `as? [Other]` does. Traps if the types differ.
    func reinterpreted<Other>(as _: Other.Type) -> [Other] {
        precondition(Element.self == Other.self, "\(Element.self) read as \(Other.self)")
        return unsafeBitCast(self, to: [Other].self)
    }
}
