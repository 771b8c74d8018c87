import Foundation

/// Plain text from the HTML Omnium keeps in product descriptions.
///
/// Flow shows `description`/`shortDescription` on the till and on receipts, where markup would
/// print as noise. Block-level tags become line breaks so paragraphs and lists stay readable.
///
/// Spec: flow-integration.md §3.1 ("HTML tags stripped"), §15.
public enum HTMLText {
    /// Removes tags and decodes entities.
    ///
    /// - `<br>`, `</p>`, `</div>`, `</li>`, `</h1>`…`</h6>`, `</tr>` (and `<p>`, `<li>`, …
    ///   openings) become line breaks; `<script>`/`<style>` content and comments are dropped.
    /// - Entities are decoded after the tags are removed, so `&lt;b&gt;` stays the text `<b>`:
    ///   numeric (`&#230;`, `&#xE6;`) and the named ones retail text uses (`&aelig; &oslash;
    ///   &aring; &amp; &nbsp; &euro;` …). Unknown entities are left as written.
    /// - Whitespace: runs of spaces/tabs/no-break spaces become one space, lines are trimmed,
    ///   consecutive blank lines collapse to one line break. In text that contains markup, raw
    ///   newlines are whitespace (as a browser treats them); plain text keeps its line breaks.
    public static func strip(_ html: String) -> String {
        isPlainAlready(html) ? html : stripMarkup(html)
    }

    /// True when ``strip(_:)`` would give `text` back unchanged: no tag or entity can start (`<`, `&`), no
    /// line break, tab, form feed or no-break space (any `0xA0` byte, to be safe), and single spaces only
    /// between words. Most product names and many descriptions are such text; copying them scalar by scalar
    /// through the tag reader was 2 % of a catalogue load.
    static func isPlainAlready(_ text: String) -> Bool {
        var afterSpace = true   // a leading space is a run to trim
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"), 0x0C, 0xA0:
                return false
            case UInt8(ascii: " "):
                if afterSpace { return false }
                afterSpace = true
            default:
                afterSpace = false
            }
        }
        return !afterSpace || text.isEmpty
    }

    /// ``strip(_:)`` the whole way: tags, entities and whitespace.
    static func stripMarkup(_ html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        let hasMarkup = containsTag(scalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let tag = readTag(scalars, at: index) {
                index = tag.end
                if tag.name == "script" || tag.name == "style", !tag.isClosing {
                    index = skipElement(scalars, from: index, name: tag.name)
                } else if Self.lineBreakTags.contains(tag.name) {
                    output.append("\n")
                }
                // Inline tags (`<b>`, `<span>`) and comments separate nothing: words stay joined.
                continue
            }
            if hasMarkup, scalar == "\n" || scalar == "\r" {
                output.append(" ")
            } else if scalar == "\r" {
                // Plain text: CRLF and lone CR are line breaks too.
                if index + 1 >= scalars.count || scalars[index + 1] != "\n" { output.append("\n") }
            } else {
                output.append(scalar)
            }
            index += 1
        }
        return normaliseWhitespace(HTMLEntities.decode(String(output)))
    }

    // MARK: - Tags

    private static let lineBreakTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "section", "article", "header", "footer", "dd", "dt",
    ]

    private struct Tag {
        var name: String
        var isClosing: Bool
        var end: Int
    }

    private static func containsTag(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.indices.contains { scalars[$0] == "<" && readTag(scalars, at: $0) != nil }
    }

    /// Reads `<name …>`, `</name>`, `<!-- … -->` or `<!DOCTYPE …>` at `start`; `nil` when the
    /// `<` is just text ("a < b").
    private static func readTag(_ scalars: [Unicode.Scalar], at start: Int) -> Tag? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "!" {
            if index + 2 < scalars.count, scalars[index + 1] == "-", scalars[index + 2] == "-" {
                var probe = index + 3
                while probe + 2 < scalars.count {
                    if scalars[probe] == "-", scalars[probe + 1] == "-", scalars[probe + 2] == ">" {
                        return Tag(name: "!--", isClosing: false, end: probe + 3)
                    }
                    probe += 1
                }
                return Tag(name: "!--", isClosing: false, end: scalars.count)
            }
            guard let close = scalars[index...].firstIndex(of: ">") else { return nil }
            return Tag(name: "!", isClosing: false, end: close + 1)
        }
        let isClosing = scalars[index] == "/"
        if isClosing { index += 1 }
        guard index < scalars.count, scalars[index].properties.isAlphabetic, scalars[index].isASCII
        else { return nil }
        var name = ""
        while index < scalars.count, scalars[index].isASCII,
              scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        // Skip attributes, honouring quotes so `title="a > b"` does not end the tag early.
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return Tag(name: name.lowercased(), isClosing: isClosing, end: index + 1)
            }
            index += 1
        }
        return nil
    }

    private static func skipElement(_ scalars: [Unicode.Scalar], from start: Int, name: String) -> Int {
        var index = start
        while index < scalars.count {
            if scalars[index] == "<", let tag = readTag(scalars, at: index), tag.isClosing, tag.name == name {
                return tag.end
            }
            index += 1
        }
        return scalars.count
    }

    // MARK: - Whitespace

    /// Collapses blanks inside each line, trims lines, and drops empty lines, so any run of
    /// line breaks (a paragraph end followed by a `<br>`, say) becomes a single one.
    private static func normaliseWhitespace(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { line in
                line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}"
                    || $0 == "\r" || $0 == "\u{000C}" }).joined(separator: " ")
            }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }
}
