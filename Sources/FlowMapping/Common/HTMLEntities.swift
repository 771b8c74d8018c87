/// HTML character references (`&amp;`, `&#230;`, `&#xE6;`) decoded to text.
///
/// A subset of the HTML5 named references: the ones that occur in Nordic retail product text.
/// Unknown names are left untouched rather than guessed. Used by `HTMLText.strip(_:)`.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø", "aring": "å", "Aring": "Å",
        "auml": "ä", "Auml": "Ä", "ouml": "ö", "Ouml": "Ö", "uuml": "ü", "Uuml": "Ü", "szlig": "ß",
        "eacute": "é", "Eacute": "É", "egrave": "è", "Egrave": "È", "ecirc": "ê", "euml": "ë",
        "aacute": "á", "Aacute": "Á", "agrave": "à", "acirc": "â", "atilde": "ã", "ccedil": "ç",
        "iacute": "í", "igrave": "ì", "icirc": "î", "iuml": "ï", "ntilde": "ñ", "Ntilde": "Ñ",
        "oacute": "ó", "Oacute": "Ó", "ograve": "ò", "ocirc": "ô", "otilde": "õ",
        "uacute": "ú", "ugrave": "ù", "ucirc": "û", "yacute": "ý", "yuml": "ÿ", "eth": "ð",
        "thorn": "þ", "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "bull": "•", "middot": "·", "copy": "©", "reg": "®", "trade": "™", "euro": "€",
        "pound": "£", "cent": "¢", "yen": "¥", "sect": "§", "para": "¶", "deg": "°",
        "plusmn": "±", "times": "×", "divide": "÷", "frac12": "½", "frac14": "¼", "frac34": "¾",
        "sup2": "²", "sup3": "³", "micro": "µ", "shy": "", "zwnj": "", "zwj": "",
        "ensp": " ", "emsp": " ", "thinsp": " ", "prime": "′", "Prime": "″",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&",
                  let semicolon = text[index...].prefix(12).firstIndex(of: ";"),
                  let decoded = decodeReference(text[text.index(after: index)..<semicolon])
            else {
                output.append(character)
                index = text.index(after: index)
                continue
            }
            output += decoded
            index = text.index(after: semicolon)
        }
        return output
    }

    private static func decodeReference(_ body: Substring) -> String? {
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        return named[String(body)]
    }
}
