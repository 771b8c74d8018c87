import Foundation

// MARK: - OmniumReceivedRecord

/// A page record (``OmniumPageRecord``) with its JSON exactly as Omnium sent it.
///
/// Why: a catalogue extract stages what Omnium sent, and the transform decodes it from there; encoding
/// the decoded model again only to stage it cost more than anything else in a catalogue run (issue 8).
/// `json` is nil when the answer's bytes could not be cut into records (then the caller encodes the
/// record itself, with `OmniumJSON.encoder`).
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

extension OmniumClient {
    /// Sends a page request and decodes the envelope; items that keep their JSON get their bytes
    /// when the answer's records can be cut out and their count agrees with the decoded ones.
    func sendPage<Item: Decodable & Sendable>(_ request: OmniumRequest, of type: Item.Type)
        async throws -> OmniumPageEnvelope<Item> {
        guard Item.self is any OmniumKeepsReceivedJSON.Type else {
            return try await send(request, as: OmniumPageEnvelope<Item>.self)
        }
        let (envelope, body) = try await sendKeepingBody(request, as: OmniumPageEnvelope<Item>.self)
        guard var items = envelope.result, !items.isEmpty,
              let ranges = OmniumJSONSlices.elements(ofMember: "result", in: body), ranges.count == items.count
        else { return envelope }
        for index in items.indices {
            guard var keeper = items[index] as? any OmniumKeepsReceivedJSON else { continue }
            let range = ranges[index]
            keeper.keep(json: Data(body[(body.startIndex + range.lowerBound)..<(body.startIndex + range.upperBound)]))
            if let item = keeper as? Item { items[index] = item }
        }
        var kept = envelope
        kept.result = items
        return kept
    }
}
