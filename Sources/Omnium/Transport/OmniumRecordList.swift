import Foundation

/// Records of one model as one bare JSON list (`[record, record, …]`), each as Omnium sent it: how an
/// extract stages one group of a page (a SKU's stock items or prices of one answer page). Decodes and
/// encodes as the list itself.
public struct OmniumRecordList<Record: OmniumWireDecodable & Encodable & Equatable>: Codable, Sendable, Equatable,
    OmniumWireDecodable {
    public var items: [Record]

    public init(_ items: [Record]) { self.items = items }

    public init(from decoder: any Decoder) throws { items = try [Record](from: decoder) }

    public func encode(to encoder: any Encoder) throws { try items.encode(to: encoder) }

    /// Reads the list as `OmniumJSON.decoder` would, or nil when not certain (``OmniumWireDecodable``): in one
    /// pass with the model's nested reader when it has one, else element by element with its own reader.
    public init?(wireJSON json: UnsafeBufferPointer<UInt8>) {
        if let nested = Record.self as? any OmniumWireNested.Type {
            guard let items = Self.read(json, as: nested) else { return nil }
            self.items = items
            return
        }
        var reader = OmniumWireReader(json)
        guard let ranges = reader.elementRanges(), reader.finish() else { return nil }
        var items: [Record] = []
        items.reserveCapacity(ranges.count)
        for range in ranges {
            guard let item = Record(wireJSON: UnsafeBufferPointer(rebasing: json[range])) else { return nil }
            items.append(item)
        }
        self.items = items
    }

    /// The list read by the model's own (specialized) reader, `Nested` being `Record` opened at run time. Why not
    /// read here and cast: generic code over a type known only at run time looked up its types per element, and
    /// `as? [Record]` cast and copied every element (the transforms read every staged stock item and price so).
    private static func read<Nested: OmniumWireNested>(_ json: UnsafeBufferPointer<UInt8>, as _: Nested.Type) -> [Record]? {
        Nested.read(wholeList: json)?.reinterpreted(as: Record.self)
    }
}
