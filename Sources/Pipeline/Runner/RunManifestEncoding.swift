import Foundation

/// Encodes a ``RunManifest`` as `manifest.json`, each stage's entry encoded once until it changes.
///
/// Why: the runner publishes the manifest at every stage's start and end (24 times in a catalogue run),
/// and encoding it whole each time was 9 % of a 1 % incremental run's CPU at 10,000 products (issue 8).
/// The text is exactly what encoding the whole manifest gives (``RunManifest/encoder``): the manifest is
/// encoded without its stages, and the cached entries, indented to their depth, take the empty list's place.
final class RunManifestEncoding {
    /// An entry's depth inside `"stages" : [ … ]`.
    private static let indent = Array("    ".utf8)
    private var entries: [String: (entry: RunManifest.Entry, json: [UInt8])] = [:]

    func encode(_ manifest: RunManifest) throws -> Data {
        var header = manifest
        header.stages = []
        let text = Array(try RunManifest.encoder.encode(header))
        if manifest.stages.isEmpty { return Data(text) }
        guard let list = Self.emptyStagesList(in: text) else { return try RunManifest.encoder.encode(manifest) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count + manifest.stages.count * 1_024)
        out += text[..<list.lowerBound]
        out.append(UInt8(ascii: "["))
        for (index, entry) in manifest.stages.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
            out += try encoded(entry)
        }
        out += Array("\n  ]".utf8)
        out += text[list.upperBound...]
        return Data(out)
    }

    /// An entry as it reads at its depth in the manifest (inside `"stages" : [ … ]`, four spaces in).
    private func encoded(_ entry: RunManifest.Entry) throws -> [UInt8] {
        if let cached = entries[entry.name], cached.entry == entry { return cached.json }
        let text = Array(try RunManifest.encoder.encode(entry))
        var json = Self.indent
        json.reserveCapacity(text.count * 2)
        // A newline inside a JSON string is written `\n`, so every newline byte is between tokens. The empty
        // line of an empty list or object (`{\n\n  }`) stays empty, as the encoder writes it.
        for (index, byte) in text.enumerated() {
            json.append(byte)
            if byte == UInt8(ascii: "\n"), index + 1 < text.count, text[index + 1] != UInt8(ascii: "\n") {
                json += Self.indent
            }
        }
        entries[entry.name] = (entry, json)
        return json
    }

    /// Where `"stages" : []` (however the encoder spaces an empty list) has its `[ … ]`.
    private static func emptyStagesList(in text: [UInt8]) -> Range<Int>? {
        let key = Array("\"stages\" : [".utf8)
        guard let start = text.indices.first(where: { text[$0...].starts(with: key) }) else { return nil }
        var end = start + key.count
        while end < text.count, text[end] == UInt8(ascii: " ") || text[end] == UInt8(ascii: "\n") { end += 1 }
        guard end < text.count, text[end] == UInt8(ascii: "]") else { return nil }
        return (start + key.count - 1)..<(end + 1)
    }
}
