import Digest
import Foundation

/// Flow identifiers built from Omnium ids and names.
///
/// Flow's API accepts UIDs matching `^[A-Za-z0-9_-]+` only (Flow API v2), while Omnium ids and
/// brand names are free text ("Nike Air", "Bæreposer & sånt"). Every UID the integration sends
/// to Flow goes through here so the same Omnium value always yields the same Flow UID, and two
/// different Omnium ids never yield the same one (`sanitize`).
///
/// Spec: flow-integration.md §3.1 (`productUid`, `brandUid`), §3.3 (UID sanitization).
public enum FlowUID {
    // MARK: - Identifiers

    /// The Flow UID for an Omnium id (order, customer, SKU, store, purchase order, category…),
    /// or `nil` when the id has nothing usable in a Flow UID.
    ///
    /// One-to-one, so two different Omnium objects never share a Flow row:
    /// - an id that is already a valid Flow UID and holds no `--` is used as it is
    ///   (`SKU-123_ab` → `SKU-123_ab`; GUIDs, numbers and ordinary SKUs keep their UID);
    /// - any other id becomes its readable form (`readable(_:)`), then `--`, then the first
    ///   64 bits of the SHA-256 of its UTF-8 bytes in hex (`EVIL/1` → `EVIL_1--3c7f…`,
    ///   `EVIL 1` → `EVIL_1--9a02…`).
    /// The first kind never holds `--` and the second always ends in `--` plus 16 hex digits, so
    /// the two cannot meet; two ids of the second kind share a UID only if their SHA-256 digests
    /// share 64 bits. Spec: flow-integration.md §3.3 leaves the rule open; docs/mapping-catalogue.md.
    public static func sanitize(_ id: String) -> String? {
        if isValidUID(id), !containsDoubleHyphen(id) { return id }
        guard let readable = readable(id) else { return nil }
        var digest = SHA256()
        digest.update(id)
        return readable + "--" + digest.finalize().prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `text` holds `--` (on its UTF-8: `String.contains` with Foundation imported bridged to
    /// `NSString` per call, a measurable share of a journal import that sanitizes two ids per transaction).
    static func containsDoubleHyphen(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x2D, previous == 0x2D { return true }
            previous = byte
        }
        return false
    }

    /// Whether `text` is usable as a Flow UID unchanged: `^[A-Za-z0-9_-]+$`.
    public static func isValidUID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
    }

    // MARK: - Readable form

    /// Letters that Unicode does not decompose into base letter + accent, spelled the way a
    /// Norwegian/Danish/German reader would type them on an ASCII keyboard.
    private static let transliterations: [Character: String] = [
        "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "å": "a", "Å": "A",
        "ß": "ss", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
    ]

    /// Folds any text into the Flow UID alphabet, or `nil` when nothing usable is left. Lossy
    /// (`Bær 1` and `Baer/1` both give `Baer_1`): ids go through `sanitize`, which adds a digest.
    ///
    /// Rules, in order: `æ→ae ø→o å→a` (and `ß œ þ ð ł đ`), other letters lose their
    /// diacritics (`é→e`, `ü→u`); every character outside `A-Z a-z 0-9 _ -` (whitespace,
    /// punctuation, other scripts) becomes `_`; runs of `_` collapse to one; leading and
    /// trailing `_` are trimmed. Case and `-` are kept. `"  Bær & Sånt "` → `"Baer_Sant"`.
    public static func readable(_ text: String) -> String? {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = transliterations[character] {
                folded += replacement
            } else {
                folded.append(character)
            }
        }
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var lastWasUnderscore = false
        // Canonical decomposition splits "é" into "e" + U+0301; the combining mark is then
        // dropped, the base letter kept.
        for scalar in folded.decomposedStringWithCanonicalMapping.unicodeScalars {
            if isCombiningMark(scalar) { continue }
            let isAllowed = scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "-")
            if isAllowed {
                result.unicodeScalars.append(scalar)
                lastWasUnderscore = false
            } else if !lastWasUnderscore {
                result.append("_")
                lastWasUnderscore = true
            }
        }
        while result.hasPrefix("_") { result.removeFirst() }
        while result.hasSuffix("_") { result.removeLast() }
        return result.isEmpty ? nil : result
    }

    // MARK: - Brands

    /// The Flow `brandUid` for an Omnium `Brand`: lower-cased, then folded by `readable`
    /// (`"Nike Air"` → `"nike_air"`, `"Bjørn Borg"` → `"bjorn_borg"`); `nil` for a blank brand.
    /// A brand is a name, not an id: spellings that fold alike are one brand on purpose.
    public static func brand(_ name: String) -> String? {
        readable(name.lowercased())
    }

    // MARK: - Private

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
