import Foundation

// MARK: - SaftXMLScanner

/// What ``SaftXMLScanner`` hands on, in document order. The scanner calls the methods with the
/// interned ``SaftElement``; by default they forward to the plain ones, so a delegate implements
/// either pair.
protocol SaftXMLScannerDelegate: AnyObject {
    /// An element opened. `namespace` is the URI its prefix (or the default namespace) is bound to.
    func scannerDidStart(localName: String, namespace: String?, line: Int) throws
    /// An element closed; `text` is the character data since its start or its last child's end, raw
    /// (entities and character references already replaced, not trimmed).
    func scannerDidEnd(localName: String, text: UnsafeBufferPointer<UInt8>, line: Int) throws
    /// As `scannerDidStart(localName:namespace:line:)`, with the name interned (`.other` for names SAF-T
    /// reading ignores); the local name, a `String`, only when asked for (`scanner.currentElement`), and so
    /// the namespace (`scanner.currentNamespace`: handing a `String` on per tag cost its retain and release).
    func scannerDidStart(_ element: SaftElement, scanner: SaftXMLScanner, line: Int) throws
    func scannerDidEnd(_ element: SaftElement, scanner: SaftXMLScanner, text: UnsafeBufferPointer<UInt8>, line: Int) throws
}

extension SaftXMLScannerDelegate {
    func scannerDidStart(localName: String, namespace: String?, line: Int) throws {}
    func scannerDidEnd(localName: String, text: UnsafeBufferPointer<UInt8>, line: Int) throws {}
    func scannerDidStart(_ element: SaftElement, scanner: SaftXMLScanner, line: Int) throws {
        try scannerDidStart(localName: scanner.currentElement, namespace: scanner.currentNamespace, line: line)
    }
    func scannerDidEnd(_ element: SaftElement, scanner: SaftXMLScanner, text: UnsafeBufferPointer<UInt8>, line: Int) throws {
        try scannerDidEnd(localName: scanner.currentElement, text: text, line: line)
    }
}

/// A byte-level streaming scanner for the XML that SAF-T Cash Register files use: elements, attributes
/// (read for namespace declarations), character data, CDATA sections, comments and processing
/// instructions, the five predefined entities and numeric character references, in UTF-8.
///
/// Why not `XMLParser`: on Linux it turns every callback into bridged `String`s and was most of the
/// import's time. This reads the file in fixed chunks (memory flat whatever its size) and builds no
/// string but the element names and the text the reader keeps.
///
/// Refused with ``SaftFileError`` naming the element and line: any DOCTYPE (and so every entity
/// declaration: no entity bombs, no external entities), an undeclared entity or namespace prefix,
/// mismatched or unclosed tags (a truncated file), text outside the root, a second root, another
/// encoding than UTF-8, invalid UTF-8 in a value, characters XML forbids, and limits on text (1 MB),
/// markup (1 MB) and nesting depth (256) that no SAF-T file comes near.
final class SaftXMLScanner {
    static let defaultChunkSize = 1 << 18
    static let maxText = 1_000_000
    static let maxMarkup = 1 << 20
    static let maxDepth = 256

    private let handle: FileHandle
    /// Bytes read at a time (tests use tiny chunks to split every token across reads).
    private let chunkSize: Int
    private let buffer: SaftScanBytes
    /// Bytes of `buffer` not yet consumed: `position..<buffer.count`.
    @exclusivity(unchecked) private var position = 0
    private var atEOF = false
    /// 1-based line of `position`.
    @exclusivity(unchecked) private(set) var line = 1
    /// Text of the current element (entities replaced).
    private let text = SaftScanBytes(capacity: 256)
    /// Qualified names of the open elements, back to back in `names`, each ending at `nameEnds[i]`.
    private let names = SaftScanBytes(capacity: 256)
    private let nameEnds = SaftDepthStack<Int>()
    /// The open elements, interned. Their local names are made from `names` only when asked for (error
    /// messages): a `String` per element, retained and released at every tag, was a tenth of the scan.
    private let elements = SaftDepthStack<SaftElement>()
    private let elementNames = SaftElementNames()
    /// Namespace bindings in scope: (prefix, uri, depth at which declared). "" = the default namespace.
    @exclusivity(unchecked) private var bindings: [(prefix: String, uri: String, depth: Int)] = [("xml", "http://www.w3.org/XML/1998/namespace", 0)] {
        didSet {
            isResolved = false
            innermostBindingDepth = bindings.last?.depth ?? 0
        }
    }
    /// The depth of the innermost binding, so closing an element that declared none looks at no tuple
    /// (reading `bindings.last` copied it, retaining and releasing its two strings at every end tag).
    @exclusivity(unchecked) private var innermostBindingDepth = 0
    /// The last prefix resolved and its namespace (a file uses one prefix throughout), valid while
    /// `isResolved` (until the bindings change).
    @exclusivity(unchecked) private var resolvedPrefix: [UInt8] = []
    @exclusivity(unchecked) private var resolvedNamespace: String?
    @exclusivity(unchecked) private var isResolved = false
    private var sawRoot = false
    private var rootClosed = false

    init(url: URL, chunkSize: Int = SaftXMLScanner.defaultChunkSize) throws {
        self.chunkSize = chunkSize
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw SaftFileError(element: "file", line: 0, reason: "cannot open \(url.path)")
        }
        self.handle = handle
        buffer = SaftScanBytes(capacity: chunkSize * 2)
    }

    deinit { try? handle.close() }

    /// The innermost open element's local name (for error messages).
    var currentElement: String {
        guard let end = nameEnds.last else { return "document" }
        let start = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
        return localName(names[start..<end])
    }

    /// The namespace URI of the element that just opened (nil: none), valid during `scannerDidStart`.
    var currentNamespace: String? { resolvedNamespace }

    /// The part of a qualified name after its prefix.
    private func localName(_ qualified: UnsafeBufferPointer<UInt8>) -> String {
        guard let colon = qualified.lastIndex(of: UInt8(ascii: ":")) else { return String(decoding: qualified, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(rebasing: qualified[(colon + 1)...]), as: UTF8.self)
    }

    func error(_ reason: String, element: String? = nil) -> SaftFileError {
        SaftFileError(element: element ?? currentElement, line: line, reason: reason)
    }

    func malformed(_ reason: String, element: String? = nil) -> SaftFileError {
        error("not well-formed XML (truncated or broken): \(reason)", element: element)
    }

    // MARK: Reading

    /// Reads more of the file behind the unconsumed bytes. False at the end of the file.
    private func refill() throws -> Bool {
        guard !atEOF else { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk: Data?
        do { chunk = try handle.read(upToCount: chunkSize) } catch {
            throw self.error("cannot read the file: \(error)", element: "file")
        }
        guard let chunk, !chunk.isEmpty else { atEOF = true; return false }
        buffer.append(chunk)
        return true
    }

    // The hot stored properties skip Swift's dynamic exclusivity checks (they were a fifth of the scan's
    // time): the scanner is used from one thread and never hands out overlapping accesses to them.

    /// Scans the whole file, calling `delegate` per element.
    func scan(_ delegate: SaftXMLScannerDelegate) throws {
        while buffer.count < 3, try refill() {}
        // A UTF-8 byte order mark is allowed; UTF-16 or UTF-32 files are refused below by the first '<' test.
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        var first = true
        while true {
            if position == buffer.count, !(try refill()) { break }
            if buffer[position] == UInt8(ascii: "<") {
                try markup(delegate, first: first)
            } else {
                try characters()
            }
            first = false
        }
        if !nameEnds.isEmpty {
            throw malformed("the file ends inside element \(currentElement)")
        }
        guard sawRoot else { throw error("no root element", element: "document") }
    }

    // MARK: Character data

    /// Character data up to the next '<' (or the end of what is buffered).
    private func characters() throws {
        let inside = !nameEnds.isEmpty
        while position < buffer.count {
            // Plain text runs are copied in one go; the loop works on a local pointer (no exclusivity
            // checks on the class's stored array per byte).
            let start = position
            let stop = buffer.withUnsafeBufferPointer { bytes -> Int in
                var index = start
                if inside {
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte < 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") { break }
                        index += 1
                    }
                } else {
                    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                }
                return index
            }
            if stop > start {
                if inside {
                    text.append(buffer[start..<stop])
                    if text.count > Self.maxText { throw error("an element's text is longer than 1 MB") }
                }
                position = stop
            }
            guard position < buffer.count else { return }
            let byte = buffer[position]
            if byte == UInt8(ascii: "<") { return }
            if byte == UInt8(ascii: "&") {
                try reference()
                continue
            }
            if byte == 0x0A { line += 1 } else if byte != 0x09 && byte != 0x0D {
                if byte < 0x20 { throw malformed("control character 0x\(String(byte, radix: 16)) in text") }
                throw malformed(sawRoot ? "text after the root element" : "text before the root element", element: "document")
            }
            if inside { try appendText(byte) }
            position += 1
        }
    }

    @inline(__always)
    private func appendText(_ byte: UInt8) throws {
        text.append(byte)
        if text.count > Self.maxText { throw error("an element's text is longer than 1 MB") }
    }

    /// `&name;` or `&#N;` / `&#xH;` at `position`, replaced in the element's text.
    private func reference() throws {
        // The longest accepted reference is `&#x10FFFF;` (10 bytes) or `&#1114111;`; allow leading zeros up to 32.
        var end = position + 1
        while true {
            if end == buffer.count {
                let offset = end - position
                guard try refill() else { throw malformed("the file ends inside an entity reference") }
                end = position + offset
                continue
            }
            if buffer[end] == UInt8(ascii: ";") { break }
            end += 1
            if end - position > 32 { throw malformed("'&' that does not start an entity reference (escape it as &amp;)") }
        }
        let name = buffer[(position + 1)..<end]
        guard !nameEnds.isEmpty else { throw malformed("entity reference outside the root element", element: "document") }
        var scalar: UInt32
        switch String(decoding: name, as: UTF8.self) {
        case "amp": scalar = 0x26
        case "lt": scalar = 0x3C
        case "gt": scalar = 0x3E
        case "quot": scalar = 0x22
        case "apos": scalar = 0x27
        case let other where other.hasPrefix("#x"):
            guard let value = UInt32(other.dropFirst(2), radix: 16) else { throw malformed("bad character reference &\(other);") }
            scalar = value
        case let other where other.hasPrefix("#"):
            guard let value = UInt32(other.dropFirst(1), radix: 10) else { throw malformed("bad character reference &\(other);") }
            scalar = value
        case let other:
            throw malformed("undeclared entity &\(other); (SAF-T uses only &amp; &lt; &gt; &quot; &apos;)")
        }
        guard Self.isXMLChar(scalar), let unicode = Unicode.Scalar(scalar) else {
            throw malformed("character reference to U+\(String(scalar, radix: 16, uppercase: true)), which XML does not allow")
        }
        for byte in UTF8.encode(unicode)! { try appendText(byte) }
        position = end + 1
    }

    static func isXMLChar(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    // MARK: Markup

    /// The end (index of the last byte) of the markup starting at `position` with `<`, or nil when it is
    /// not all buffered yet. Quotes are honoured in tags ('>' may stand in an attribute value).
    private func markupEnd() throws -> Int? {
        let start = position
        let count = buffer.count
        func find(_ terminator: [UInt8], from: Int) -> Int? {
            var index = from
            while index + terminator.count <= count {
                if buffer[index] == terminator[0] {
                    var match = true
                    for k in 1..<terminator.count where buffer[index + k] != terminator[k] { match = false; break }
                    if match { return index + terminator.count - 1 }
                }
                index += 1
            }
            return nil
        }
        func hasPrefix(_ prefix: String) -> Bool? {
            let bytes = Array(prefix.utf8)
            guard start + bytes.count <= count else { return nil }
            return buffer[start..<(start + bytes.count)].elementsEqual(bytes)
        }
        guard start + 1 < count else { return nil }
        switch buffer[start + 1] {
        case UInt8(ascii: "!"):
            guard start + 3 < count else { return nil }
            if buffer[start + 2] == UInt8(ascii: "-") {
                guard let isComment = hasPrefix("<!--") else { return nil }
                guard isComment else { throw malformed("'<!-' that does not start a comment") }
                return find(Array("-->".utf8), from: start + 4)
            }
            if buffer[start + 2] == UInt8(ascii: "[") {
                guard let isCDATA = hasPrefix("<![CDATA[") else { return nil }
                guard isCDATA else { throw malformed("'<![' that does not start a CDATA section") }
                return find(Array("]]>".utf8), from: start + 9)
            }
            guard let isDoctype = hasPrefix("<!DOCTYPE") else { return nil }
            if isDoctype { throw Self.declarationRefused("doctype", line: line) }
            if hasPrefix("<!ENTITY") == true { throw Self.declarationRefused("entity", line: line) }
            throw malformed("markup declaration '<!' outside a DTD")
        case UInt8(ascii: "?"):
            return find(Array("?>".utf8), from: start + 2)
        default:
            let found = buffer.withUnsafeBufferPointer { bytes -> Int in
                var quote: UInt8 = 0
                var index = start + 1
                while index < count {
                    let byte = bytes[index]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") {
                        return index
                    }
                    index += 1
                }
                return -1
            }
            guard found >= 0 else { return nil }
            guard buffer[found] == UInt8(ascii: ">") else { throw malformed("'<' inside a tag") }
            return found
        }
    }

    static func declarationRefused(_ element: String, line: Int) -> SaftFileError {
        SaftFileError(element: element, line: line,
                      reason: "DTD and entity declarations are refused (SAF-T needs none; they can hide entity bombs or external entities)")
    }

    /// A plain tag at `position`, `<name>` or `</name>` wholly buffered (a name of name characters and at
    /// most one colon, nothing else up to `>`): its name's range, where its local name starts, whether it
    /// is an end tag and the index of its `>`; nil for anything else (attributes, white space, a newline,
    /// `/>`, `<!`, `<?`, a tag not yet buffered), which the general path reads.
    ///
    /// Why: nearly every tag of a SAF-T file is plain, and the general path passes over each tag four
    /// times (finding its end, counting its newlines, its name, its prefix); this is one pass.
    @inline(__always)
    private func plainTag() -> (name: Range<Int>, local: Int, isEnd: Bool, end: Int)? {
        buffer.withUnsafeBufferPointer { bytes in
            var index = position + 1
            guard index < bytes.count else { return nil }
            let isEnd = bytes[index] == UInt8(ascii: "/")
            if isEnd { index += 1 }
            let start = index
            var local = start
            while index < bytes.count {
                let byte = bytes[index]
                // Letters, '_' and UTF-8 (most of a name) are all at 0x40 and above, where no byte ends or
                // spoils a plain tag: one comparison for them instead of ten, and a run of them is passed
                // over eight bytes at a time (the lowest byte below 0x40 of a word found by bit arithmetic:
                // a borrow only ever flags bytes above the first such byte, so its position is exact).
                if byte >= 0x40 {
                    index += 1
                    while index + 8 <= bytes.count {
                        let word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped + index)
                            .loadUnaligned(as: UInt64.self))
                        let below = (word &- 0x4040_4040_4040_4040) & ~word & 0x8080_8080_8080_8080
                        if below != 0 { index += below.trailingZeroBitCount >> 3; break }
                        index += 8
                    }
                    continue
                }
                if byte == UInt8(ascii: ">") {
                    guard index > start else { return nil }
                    let first = bytes[start]
                    // The first character of a name, as `name(at:end:)` checks it.
                    guard first >= 0x80 || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
                            || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) else { return nil }
                    return (start..<index, local, isEnd, index)
                }
                if byte == UInt8(ascii: ":") {
                    guard local == start else { return nil }   // a second colon: the general path decides
                    local = index + 1
                } else if byte <= 0x20 || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<")
                            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "!")
                            || byte == UInt8(ascii: "?") {
                    return nil
                }
                index += 1
            }
            return nil
        }
    }

    /// The index of the `>` of `</name>` at `position` when `name` is the innermost open element's name
    /// and the tag is wholly buffered; nil otherwise (the general path then reads the tag and refuses what
    /// it must). Why: a file's end tags nearly always close what is open, and comparing against the
    /// expected name is one pass where reading the tag and then comparing it was two.
    @inline(__always)
    private func matchingEndTag() -> Int? {
        guard let top = nameEnds.last else { return nil }
        let topStart = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
        let from = position + 2
        let close = from + (top - topStart)
        guard close < buffer.count, buffer[position + 1] == UInt8(ascii: "/"), buffer[close] == UInt8(ascii: ">") else {
            return nil
        }
        return buffer.withUnsafeBufferPointer { bytes in
            names.bytes(at: topStart, equal: UnsafeBufferPointer(rebasing: bytes[from..<close]))
        } ? close : nil
    }

    private func markup(_ delegate: SaftXMLScannerDelegate, first: Bool) throws {
        if let end = matchingEndTag() {
            defer { position = end + 1 }
            try close(delegate, line: line)
            return
        }
        if let tag = plainTag() {
            let startLine = line
            defer { position = tag.end + 1 }
            if tag.isEnd {
                try endTag(delegate, name: tag.name, line: startLine)
            } else {
                let prefix = tag.name.lowerBound..<(tag.local == tag.name.lowerBound ? tag.name.lowerBound : tag.local - 1)
                try openElement(delegate, name: tag.name, prefix: prefix, local: tag.local..<tag.name.upperBound,
                                depth: nameEnds.count + 1, selfClosing: false, line: startLine)
            }
            return
        }
        var end: Int
        while true {
            if let found = try markupEnd() { end = found; break }
            if buffer.count - position > Self.maxMarkup { throw error("markup longer than 1 MB") }
            guard try refill() else { throw malformed("the file ends inside markup") }
        }
        let startLine = line
        // Lines inside the markup count for what follows.
        let from = position
        let newlines = buffer.withUnsafeBufferPointer { bytes in
            var count = 0
            var index = from
            while index <= end {
                if bytes[index] == 0x0A { count += 1 }
                index += 1
            }
            return count
        }
        defer { line += newlines; position = end + 1 }
        let second = buffer[position + 1]
        if second == UInt8(ascii: "!") {
            if buffer[position + 2] == UInt8(ascii: "[") {   // CDATA: its bytes are text, verbatim.
                guard !nameEnds.isEmpty else { throw malformed("CDATA outside the root element", element: "document") }
                for index in (position + 9)..<(end - 2) {
                    let byte = buffer[index]
                    if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                        throw malformed("control character 0x\(String(byte, radix: 16)) in CDATA")
                    }
                    try appendText(byte)
                }
            }
            return   // a comment
        }
        if second == UInt8(ascii: "?") {
            try processingInstruction(end: end, first: first)
            return
        }
        if second == UInt8(ascii: "/") {
            try endTag(delegate, end: end, line: startLine)
        } else {
            try startTag(delegate, end: end, line: startLine)
        }
    }

    /// `<?xml ...?>` must come first and say UTF-8 (or nothing); other processing instructions are skipped.
    private func processingInstruction(end: Int, first: Bool) throws {
        let body = String(decoding: buffer[(position + 2)..<(end - 1)], as: UTF8.self)
        let target = body.prefix { !$0.isWhitespace }
        guard target.lowercased() == "xml" else { return }
        guard first, target == "xml" else { throw malformed("the XML declaration must come first", element: "document") }
        if let range = body.range(of: "encoding") {
            let rest = body[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { throw malformed("bad XML declaration", element: "document") }
            let encoding = rest.dropFirst().prefix { $0 != quote }
            guard encoding.lowercased() == "utf-8" else {
                throw error("the file is encoded as \(encoding); SAF-T Cash Register files are UTF-8", element: "document")
            }
        }
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// The name at `index` (ending at whitespace, '/', '>' or '='), as a byte range.
    private func name(at index: Int, end: Int) throws -> Range<Int> {
        let cursor = buffer.withUnsafeBufferPointer { bytes in
            var cursor = index
            while cursor < end {
                let byte = bytes[cursor]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: "/")
                    || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") { break }
                cursor += 1
            }
            return cursor
        }
        guard cursor > index else { throw malformed("a tag without a name") }
        let first = buffer[index]
        guard first >= 0x80 || first == UInt8(ascii: "_") || first == UInt8(ascii: ":")
                || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z")) else {
            throw malformed("'\(String(decoding: buffer[index..<cursor], as: UTF8.self))' is not an XML name")
        }
        return index..<cursor
    }

    /// The prefix (empty when none) and local name of a qualified name, as byte ranges.
    private func split(_ range: Range<Int>) -> (prefix: Range<Int>, local: Range<Int>) {
        if let colon = buffer.firstIndex(of: UInt8(ascii: ":"), in: range) {
            return (range.lowerBound..<colon, (colon + 1)..<range.upperBound)
        }
        return (range.lowerBound..<range.lowerBound, range)
    }

    /// Resolves the namespace `prefix` is bound to into `resolvedNamespace` (nil: none; "" stands for no
    /// default namespace), which ``currentNamespace`` then gives.
    /// - Throws: when a prefix is not declared.
    private func resolveNamespace(of prefix: Range<Int>, element local: Range<Int>) throws {
        if isResolved, prefix.count == resolvedPrefix.count,
           prefix.isEmpty || resolvedPrefix.withUnsafeBufferPointer({ buffer.bytes(at: prefix.lowerBound, equal: $0) }) {
            return
        }
        let name = String(decoding: buffer[prefix], as: UTF8.self)
        let namespace = bindings.last(where: { $0.prefix == name })?.uri
        if !name.isEmpty, namespace == nil {
            throw error("namespace prefix '\(name)' is not declared", element: String(decoding: buffer[local], as: UTF8.self))
        }
        let result = namespace.flatMap { $0.isEmpty ? nil : $0 }
        resolvedPrefix = Array(buffer[prefix])
        resolvedNamespace = result
        isResolved = true
    }

    private func startTag(_ delegate: SaftXMLScannerDelegate, end: Int, line startLine: Int) throws {
        guard !rootClosed else { throw malformed("a second root element", element: "document") }
        let nameRange = try name(at: position + 1, end: end)
        let (prefix, localRange) = split(nameRange)
        let element = buffer.withUnsafeBufferPointer { elementNames.element(UnsafeBufferPointer(rebasing: $0[localRange])) }
        var local: String { localName(buffer[nameRange]) }   // for messages only
        let depth = nameEnds.count + 1
        guard depth <= Self.maxDepth else { throw error("elements nested deeper than \(Self.maxDepth)", element: local) }
        var cursor = nameRange.upperBound
        var selfClosing = false
        // Attributes: only namespace declarations matter to SAF-T; the rest are checked for form and skipped.
        while cursor < end {
            let byte = buffer[cursor]
            if isSpace(byte) { cursor += 1; continue }
            if byte == UInt8(ascii: "/") {
                guard cursor + 1 == end else { throw malformed("'/' inside tag \(local)", element: local) }
                selfClosing = true
                break
            }
            let attribute = try name(at: cursor, end: end)
            cursor = attribute.upperBound
            while cursor < end, isSpace(buffer[cursor]) { cursor += 1 }
            guard cursor < end, buffer[cursor] == UInt8(ascii: "=") else { throw malformed("attribute without a value in \(local)", element: local) }
            cursor += 1
            while cursor < end, isSpace(buffer[cursor]) { cursor += 1 }
            guard cursor < end, buffer[cursor] == UInt8(ascii: "\"") || buffer[cursor] == UInt8(ascii: "'") else {
                throw malformed("attribute value without quotes in \(local)", element: local)
            }
            let quote = buffer[cursor]
            let valueStart = cursor + 1
            guard let valueEnd = buffer.firstIndex(of: quote, in: valueStart..<end) else { throw malformed("unterminated attribute value", element: local) }
            cursor = valueEnd + 1
            guard cursor == end || isSpace(buffer[cursor]) || buffer[cursor] == UInt8(ascii: "/") else {
                throw malformed("attributes must be separated by white space in \(local)", element: local)
            }
            let attributeName = String(decoding: buffer[attribute], as: UTF8.self)
            if attributeName == "xmlns" || attributeName.hasPrefix("xmlns:") {
                let value = try attributeValue(valueStart..<valueEnd, element: local)
                let declared = attributeName == "xmlns" ? "" : String(attributeName.dropFirst(6))
                bindings.append((declared, value, depth))
            }
        }
        try openElement(delegate, name: nameRange, prefix: prefix, local: localRange, element: element, depth: depth,
                        selfClosing: selfClosing, line: startLine)
    }

    /// A start tag read (its namespace declarations bound): the element opens (and closes too when
    /// `selfClosing`). `element` is the interned local name when the caller has it already.
    @inline(__always)
    private func openElement(_ delegate: SaftXMLScannerDelegate, name nameRange: Range<Int>, prefix: Range<Int>,
                             local localRange: Range<Int>, element known: SaftElement? = nil, depth: Int, selfClosing: Bool,
                             line startLine: Int) throws {
        guard !rootClosed else { throw malformed("a second root element", element: "document") }
        let element = known ?? buffer.withUnsafeBufferPointer { elementNames.element(UnsafeBufferPointer(rebasing: $0[localRange])) }
        guard depth <= Self.maxDepth else {
            throw error("elements nested deeper than \(Self.maxDepth)", element: localName(buffer[nameRange]))
        }
        try resolveNamespace(of: prefix, element: localRange)
        if depth == 1 {
            guard !sawRoot else { throw malformed("a second root element", element: "document") }
            sawRoot = true
        }
        names.append(buffer[nameRange])
        nameEnds.append(names.count)
        elements.append(element)
        text.removeAll()
        try delegate.scannerDidStart(element, scanner: self, line: startLine)
        if selfClosing { try close(delegate, line: startLine) }
    }

    /// An attribute value with its references replaced (namespace URIs).
    private func attributeValue(_ range: Range<Int>, element: String) throws -> String {
        var bytes: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = buffer[index]
            if byte == UInt8(ascii: "<") { throw malformed("'<' in an attribute value", element: element) }
            if byte == UInt8(ascii: "&") {
                guard let semicolon = buffer.firstIndex(of: UInt8(ascii: ";"), in: index..<range.upperBound) else {
                    throw malformed("'&' in an attribute value", element: element)
                }
                switch String(decoding: buffer[(index + 1)..<semicolon], as: UTF8.self) {
                case "amp": bytes.append(0x26)
                case "lt": bytes.append(0x3C)
                case "gt": bytes.append(0x3E)
                case "quot": bytes.append(0x22)
                case "apos": bytes.append(0x27)
                case let other: throw malformed("entity &\(other); in an attribute value", element: element)
                }
                index = semicolon + 1
                continue
            }
            bytes.append(byte)
            index += 1
        }
        guard let value = String(validating: bytes, as: UTF8.self) else { throw malformed("invalid UTF-8 in an attribute", element: element) }
        return value
    }

    private func endTag(_ delegate: SaftXMLScannerDelegate, end: Int, line startLine: Int) throws {
        let nameRange = try name(at: position + 2, end: end)
        for index in nameRange.upperBound..<end where !isSpace(buffer[index]) {
            throw malformed("unexpected characters in an end tag")
        }
        try endTag(delegate, name: nameRange, line: startLine)
    }

    /// An end tag whose name is `nameRange`: it must close the innermost open element.
    @inline(__always)
    private func endTag(_ delegate: SaftXMLScannerDelegate, name nameRange: Range<Int>, line startLine: Int) throws {
        guard let top = nameEnds.last else {
            throw malformed("end tag </\(String(decoding: buffer[nameRange], as: UTF8.self))> without a start tag", element: "document")
        }
        let topStart = nameEnds.count > 1 ? nameEnds[nameEnds.count - 2] : 0
        let matches = top - topStart == nameRange.count && names.bytes(at: topStart, equal: buffer[nameRange])
        guard matches else {
            throw malformed("end tag </\(String(decoding: buffer[nameRange], as: UTF8.self))> does not close <\(String(decoding: names[topStart..<top], as: UTF8.self))>")
        }
        try close(delegate, line: startLine)
    }

    private func close(_ delegate: SaftXMLScannerDelegate, line startLine: Int) throws {
        let depth = nameEnds.count
        try text.withUnsafeBufferPointer {
            try delegate.scannerDidEnd(elements[depth - 1], scanner: self, text: $0, line: startLine)
        }
        text.removeAll()
        elements.removeLast()
        nameEnds.removeLast()
        names.removeLast(names.count - (nameEnds.last ?? 0))
        if innermostBindingDepth == depth {
            while let last = bindings.last, last.depth == depth { bindings.removeLast() }
        }
        if depth == 1 { rootClosed = true }
    }
}
