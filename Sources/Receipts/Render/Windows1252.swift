import Foundation

/// Windows-1252, the 8-bit encoding of the receipts' simple TrueType font.
///
/// Native instead of Foundation's `data(using: .windowsCP1252)`, which bridges every string through
/// CoreFoundation: text is encoded for every width measured and every line drawn.
enum Windows1252 {
    /// `text` as Windows-1252 bytes, or nil when a character has no code there (then the text needs
    /// the UTF-8 font). The C1 controls U+0080–U+009F have no code: those bytes are 1252's extra signs.
    /// A decomposed letter (a + U+030A combining ring) is composed first (å, 0xE5), as Foundation's
    /// conversion does; a single character with a canonical equivalent (U+212B ANGSTROM SIGN for Å)
    /// is not replaced by it.
    static func encode(_ text: some StringProtocol) -> [UInt8]? {
        if let bytes = encode(text.unicodeScalars, capacity: text.utf8.count) { return bytes }
        var bytes: [UInt8] = []
        for character in text {
            if let encoded = encode(character.unicodeScalars, capacity: 4) {
                bytes += encoded
                continue
            }
            let composed = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
            guard character.unicodeScalars.count > 1, composed.count == 1, let encoded = encode(composed, capacity: 1) else { return nil }
            bytes += encoded
        }
        return bytes
    }

    /// `capacity`: room to reserve (the UTF-8 length is never less than the 1252 length), plus one
    /// for the NUL libharu's drawing calls need.
    private static func encode(_ scalars: some Sequence<Unicode.Scalar>, capacity: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity + 1)
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 || (0xA0...0xFF).contains(value) {
                bytes.append(UInt8(value))
            } else if let byte = extraSigns[value] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes
    }

    /// Whether `text` fits Windows-1252, without building the bytes.
    static func fits(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.allSatisfy(isEncodable) || encode(text) != nil
    }

    private static func isEncodable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) || extraSigns[scalar.value] != nil
    }

    /// Bytes 0x80–0x9F: the signs Windows-1252 puts where ISO 8859-1 has C1 controls.
    static let extraSigns: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E,
        0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
        0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
