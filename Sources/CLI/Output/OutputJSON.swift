import Foundation

// MARK: - OutputJSON

/// The JSON shape of `--json` output: sorted keys, pretty-printed, ISO-8601 dates.
///
/// Why: scripts parse this output; one encoder (and its matching decoder) keeps every command's
/// JSON in the same stable shape.
public enum OutputJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Encodes `value` and writes it with a final newline.
    static func write<Value: Encodable>(_ value: Value, to output: any TextOutput) throws {
        let data = try encoder().encode(value)
        output.write(String(decoding: data, as: UTF8.self) + "\n")
    }
}
