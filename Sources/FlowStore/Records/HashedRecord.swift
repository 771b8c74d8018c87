/// A record staged for a set-based load: its own JSON members plus `contentHash`, the hash the Flow
/// table keeps (``ContentHashable``), so SQL can tell a changed row from an unchanged one without
/// decoding the record in Swift.
public struct HashedRecord<Record: Codable & ContentHashable & Sendable>: Codable, Sendable {
    public var record: Record
    public var contentHash: Int64

    public init(_ record: Record) {
        self.record = record
        contentHash = record.contentHash.rawValue
    }

    private enum CodingKeys: String, CodingKey { case contentHash }

    public init(from decoder: any Decoder) throws {
        record = try Record(from: decoder)
        contentHash = try decoder.container(keyedBy: CodingKeys.self).decode(Int64.self, forKey: .contentHash)
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contentHash, forKey: .contentHash)
    }
}
