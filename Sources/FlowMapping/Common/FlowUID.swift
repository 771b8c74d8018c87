import Foundation

/// Flow identifiers built from Omnium ids and names.
///
/// Flow's API accepts UIDs matching `^[A-Za-z0-9_-]+` only (Flow API v2), while Omnium ids and
/// brand names are free text ("Nike Air", "Bæreposer & sånt"). Every UID the integration sends
/// to Flow goes through here so the same Omnium value always yields the same Flow UID.
///
/// Spec: flow-integration.md §3.1 (`productUid`, `brandUid`), §3.3 (UID sanitization).
public enum FlowUID {
    // MARK: - Sanitizing

    /// Letters that Unicode does not decompose into base letter + accent, spelled the way a
    /// Norwegian/Danish/German reader would type them on an ASCII keyboard.
    private static let transliterations: [Character: String] = [
        "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "å": "a", "Å": "A",
        "ß": "ss", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D",
        "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
    ]

    /// Turns any text into a Flow UID, or `nil` when nothing usable is left.
    ///
    /// Rules, in order: `æ→ae ø→o å→a` (and `ß œ þ ð ł đ`), other letters lose their
    /// diacritics (`é→e`, `ü→u`); every character outside `A-Z a-z 0-9 _ -` (whitespace,
    /// punctuation, other scripts) becomes `_`; runs of `_` collapse to one; leading and
    /// trailing `_` are trimmed. Case and `-` are kept. `"  Bær & Sånt "` → `"Baer_Sant"`.
    public static func sanitize(_ text: String) -> String? {
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

    /// The Flow `brandUid` for an Omnium `Brand`: lower-cased, then sanitized
    /// (`"Nike Air"` → `"nike_air"`, `"Bjørn Borg"` → `"bjorn_borg"`); `nil` for a blank brand.
    public static func brand(_ name: String) -> String? {
        sanitize(name.lowercased())
    }

    // MARK: - Private

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
