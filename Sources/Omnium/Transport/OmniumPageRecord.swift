import Foundation

/// One record of a search or scroll page, decoded on its own.
///
/// Why: Omnium's models grow and tenants hold data the docs never showed; one record the model
/// cannot read must not sink the page it came in (issue 9). The page envelope is read strictly
/// (an unreadable envelope is still a malformed answer, retried), each item leniently: an item that
/// does not decode becomes `.undecodable` with the decoding error and its raw JSON, for the caller
/// to quarantine, and the other items of the page are delivered as usual.
public enum OmniumPageRecord<Record: Decodable & Sendable>: Decodable, Sendable {
    case decoded(Record)
    case undecodable(OmniumUndecodableRecord)

    public init(from decoder: any Decoder) throws {
        do {
            self = .decoded(try Record(from: decoder))
        } catch let error as DecodingError {
            let raw = try OmniumJSONValue(from: decoder)
            self = .undecodable(OmniumUndecodableRecord(type: String(describing: Record.self), error: error,
                                                        dropping: decoder.codingPath.count, raw: raw))
        }
    }

    /// The record, when it decoded.
    public var record: Record? {
        if case .decoded(let record) = self { return record }
        return nil
    }

    /// The failure, when it did not.
    public var failure: OmniumUndecodableRecord? {
        if case .undecodable(let failure) = self { return failure }
        return nil
    }
}

extension Array {
    /// The records of a page that decoded, in page order.
    public func decodedRecords<Record>() -> [Record] where Element == OmniumPageRecord<Record> {
        compactMap(\.record)
    }

    /// The records of a page that did not decode, in page order.
    public func undecodableRecords<Record>() -> [OmniumUndecodableRecord] where Element == OmniumPageRecord<Record> {
        compactMap(\.failure)
    }
}

/// A record Omnium sent that the model could not read: which type, why (the member's path and
/// the decoder's reason), and the record as it came (compact JSON, keys sorted).
public struct OmniumUndecodableRecord: Sendable, Hashable, CustomStringConvertible {
    /// The model it was read as (`OmniumProduct`).
    public var type: String
    /// The decoding error, naming the member: `categories[0]: expected String, found an object`.
    public var reason: String
    /// The record's JSON.
    public var raw: OmniumJSONValue

    public init(type: String, reason: String, raw: OmniumJSONValue) {
        self.type = type
        self.reason = reason
        self.raw = raw
    }

    /// `dropping`: how many leading coding-path keys lead to the record in its page (`result[3]`).
    init(type: String, error: DecodingError, dropping: Int, raw: OmniumJSONValue) {
        self.init(type: type, reason: Self.describe(error, dropping: dropping), raw: raw)
    }

    /// The record's JSON text.
    public var rawJSON: String { raw.jsonText }

    /// The first of `members` that is a non-blank string at the record's top level: its key for
    /// the quarantine (`["skuId", "productId", "id"]`).
    public func key(_ members: [String]) -> String? {
        members.lazy.compactMap { raw.string($0) }.first
    }

    public var description: String { "\(type) did not decode: \(reason)" }

    /// JSON's word for what the model expected (`Dictionary<String, Any>` is "an object").
    private static func kind(_ type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Dictionary") { return "an object" }
        if name.hasPrefix("Array") { return "a list" }
        switch name {
        case "String": return "a string"
        case "Bool": return "true or false"
        case "Decimal", "Double", "Int", "Int32", "Int64": return "a number"
        default: return name
        }
    }

    /// `member.path: what went wrong`, in words an operator can act on.
    static func describe(_ error: DecodingError, dropping: Int = 0) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.dropFirst(dropping).reduce(into: "") { text, key in
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the record" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context)): expected \(kind(type)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(path(context)): expected \(kind(type)), found null"
        case .keyNotFound(let key, let context):
            return "\(path(context)): required member '\(key.stringValue)' is missing"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
