import Foundation

/// The JSON coders every Omnium payload goes through, on the client and in the sandbox.
///
/// Dates: read in every shape Omnium sends (0–7 fractional digits, `Z`, offsets, offset-less = UTC,
/// `"0001-01-01T00:00:00"`; `""` reads as `unsetDate`), written as `yyyy-MM-ddTHH:mm:ss.fffffffZ`.
/// Money: `Decimal` is decoded from the number's text by Foundation, exactly (verified by
/// `OmniumJSONTests`), never through `Double`. Unknown fields are ignored; unset optionals are
/// omitted when writing (Client rule: absent, `null`, `""` and `[]` mean the same).
///
/// Spec: omnium-contract.md §1.
public enum OmniumJSON {
    /// .NET's `DateTime.MinValue`, Omnium's text for an unset non-nullable date.
    public static let unsetDate: Date = OmniumDateFormat.date(from: "0001-01-01T00:00:00")!

    /// Decoder for Omnium responses (camelCase keys).
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(decodeDate)
        return decoder
    }

    /// Decoder for request bodies in test doubles: a leading capital, or an all-capital key, is
    /// lowered (`"ModifiedFrom"` reads as `"modifiedFrom"`). The sandbox does not use it: it reads
    /// request bodies with its own `SandboxRequestDecoder`, which matches any casing (`modifiedfrom`).
    public static var requestDecoder: JSONDecoder {
        let decoder = decoder
        decoder.keyDecodingStrategy = .custom { path in
            OmniumCodingKey(stringValue: camelCased(path.last!.stringValue))
        }
        return decoder
    }

    /// Encoder writing dates as `yyyy-MM-ddTHH:mm:ss.fffffffZ`, nils as absent, keys sorted (this
    /// Foundation writes keyed containers in hash order otherwise; the same value must give the same bytes).
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(OmniumDateFormat.string(from: date))
        }
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    // MARK: - Conveniences

    /// Decodes an Omnium response body.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder.decode(type, from: data)
    }

    /// Encodes a value as Omnium JSON.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder.encode(value)
    }

    // MARK: - Internals

    private static func decodeDate(_ decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if text.isEmpty { return unsetDate }
        guard let date = OmniumDateFormat.date(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not an Omnium date: \"\(text)\"")
        }
        return date
    }

    /// `ModifiedFrom` → `modifiedFrom`, `ID` → `id`, `modifiedFrom` unchanged.
    static func camelCased(_ key: String) -> String {
        guard let first = key.first, first.isUppercase else { return key }
        if key.allSatisfy({ !$0.isLowercase }) { return key.lowercased() }
        return first.lowercased() + key.dropFirst()
    }
}

/// A coding key made from text (for the request decoder's key mapping).
struct OmniumCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

extension Date {
    /// True for Omnium's unset date `0001-01-01T00:00:00` (or anything before year 2).
    public var isOmniumUnset: Bool { self <= OmniumJSON.unsetDate.addingTimeInterval(366 * 86_400) }

    /// `nil` for Omnium's unset date, else the date.
    public var omniumValue: Date? { isOmniumUnset ? nil : self }
}
