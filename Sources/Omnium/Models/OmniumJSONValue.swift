import Foundation

/// Any JSON value, read and written without a model: a record Omnium sent that a model cannot read
/// (kept as raw JSON for the quarantine), or members a model does not know (kept and sent back).
///
/// Numbers are `Decimal`, read from the number's text, so an amount survives a round trip exactly.
public enum OmniumJSONValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([OmniumJSONValue])
    case object([String: OmniumJSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode([OmniumJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: OmniumJSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A top-level member of an object, when it is a non-blank string.
    public func string(_ member: String) -> String? {
        guard case .object(let members) = self, case .string(let text)? = members[member] else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The value as compact JSON text, keys sorted.
    public var jsonText: String {
        (try? OmniumJSON.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
