import Foundation

// MARK: - TemplateParser

/// Turns template lines into nodes, checking every directive, list and field against ``TemplateFields``.
struct TemplateParser {
    let file: String
    let lines: [String]
    private var index = 0

    init(file: String, lines: [String]) {
        self.file = file
        self.lines = lines
    }

    struct Parsed {
        var page: ReceiptTemplate.Page
        var margin: Float
        var fontSize: Float
        var nodes: [TemplateNode]
    }

    mutating func parseDocument() throws -> Parsed {
        var page: ReceiptTemplate.Page?
        var margin: Float = 4
        var fontSize: Float = 8
        // Settings come first: `page:`, `margin:`, `font-size:`.
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { index += 1; continue }
            guard let (key, value) = Self.split(line), ["page", "margin", "font-size"].contains(key) else { break }
            switch key {
            case "page":
                switch value {
                case "a4": page = .a4
                case let roll where roll.hasSuffix("mm"):
                    guard let millimetres = Float(roll.dropLast(2)), (40...120).contains(millimetres) else {
                        throw error("page width '\(value)' must be 40mm–120mm or a4")
                    }
                    page = .roll(width: millimetres * 72 / 25.4)
                default: throw error("page '\(value)' is not a roll width like 80mm, nor a4")
                }
            case "margin":
                guard value.hasSuffix("mm"), let millimetres = Float(value.dropLast(2)), (0...40).contains(millimetres) else {
                    throw error("margin '\(value)' must be 0mm–40mm")
                }
                margin = millimetres
            default:
                guard let size = Float(value), (5...24).contains(size) else { throw error("font-size '\(value)' must be 5–24") }
                fontSize = size
            }
            index += 1
        }
        guard let page else {
            throw error("the template must start with 'page: 80mm' (a till roll) or 'page: a4'", line: min(index + 1, lines.count))
        }
        let nodes = try parseBlock(scope: TemplateFields.top, terminators: [])
        return Parsed(page: page, margin: margin, fontSize: fontSize, nodes: nodes.nodes)
    }

    /// Parses until one of `terminators` (`end`, `else`) or the end of the file.
    mutating func parseBlock(scope: TemplateFields.Scope, terminators: Set<String>) throws -> (nodes: [TemplateNode], ended: String?) {
        var nodes: [TemplateNode] = []
        while index < lines.count {
            let raw = lines[index]
            let line = raw.trimmingCharacters(in: .whitespaces)
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if terminators.contains(line) { return (nodes, line) }
            if line == "end" || line == "else" { throw error("'\(line)' without an open 'for' or 'if'") }
            if line == "rule" { nodes.append(.rule); continue }
            if line == "space" { nodes.append(.space); continue }
            if line.hasPrefix("for ") {
                let words = line.split(separator: " ").map(String.init)
                guard words.count == 4, words[2] == "in" else { throw error("write 'for <name> in <list>'") }
                guard let itemScope = TemplateFields.lists[words[3]] else {
                    throw error("no list '\(words[3])' (lists: \(TemplateFields.lists.keys.sorted().joined(separator: ", ")))")
                }
                let opening = index
                let body = try parseBlock(scope: scope.adding(words[1], itemScope), terminators: ["end"])
                guard body.ended == "end" else { throw error("'for' without 'end'", line: opening) }
                nodes.append(.each(list: words[3], variable: words[1], body: body.nodes))
                continue
            }
            if line.hasPrefix("if ") {
                var path = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                var negated = false
                if path.hasPrefix("not ") { negated = true; path = String(path.dropFirst(4)).trimmingCharacters(in: .whitespaces) }
                try check(path, in: scope)
                let opening = index
                let then = try parseBlock(scope: scope, terminators: ["end", "else"])
                var otherwise: [TemplateNode] = []
                if then.ended == "else" {
                    let rest = try parseBlock(scope: scope, terminators: ["end"])
                    guard rest.ended == "end" else { throw error("'if' without 'end'", line: opening) }
                    otherwise = rest.nodes
                } else if then.ended != "end" {
                    throw error("'if' without 'end'", line: opening)
                }
                nodes.append(.conditional(path: path, negated: negated, then: then.nodes, otherwise: otherwise))
                continue
            }
            guard let (directive, value) = Self.split(line) else {
                throw error("'\(line)' is not a directive (left:, center:, right:, columns:, title:, rule, space, for, if)")
            }
            let words = directive.split(separator: " ").map(String.init)
            let bold = words.count == 2 && words[1] == "bold"
            guard words.count == 1 || bold else { throw error("unknown style in '\(directive)' (only 'bold')") }
            let style: TextStyle = bold ? .bold : .regular
            switch words[0] {
            case "left": nodes.append(.text(.left, style, try segments(value, scope)))
            case "center": nodes.append(.text(.center, style, try segments(value, scope)))
            case "right": nodes.append(.text(.right, style, try segments(value, scope)))
            case "title": nodes.append(.text(.center, .title, try segments(value, scope)))
            case "columns":
                let cells = Self.cells(value)
                guard (2...4).contains(cells.count) else { throw error("columns take 2 to 4 cells separated by '|'") }
                nodes.append(.columns(style, try cells.map { try segments($0, scope) }))
            default:
                throw error("unknown directive '\(words[0])' (left, center, right, title, columns)")
            }
        }
        return (nodes, nil)
    }

    /// Splits literal text and `{{path|filter}}` placeholders, checking each path.
    func segments(_ text: String, _ scope: TemplateFields.Scope) throws -> [Segment] {
        var out: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { out.append(.literal(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else { throw error("'{{' without '}}'") }
            let inner = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            let parts = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let path = parts.first ?? ""
            try check(path, in: scope)
            let filter = parts.count == 2 ? parts[1] : nil
            if let filter, !TemplateFields.filters.contains(filter) {
                throw error("unknown filter '\(filter)' (filters: \(TemplateFields.filters.sorted().joined(separator: ", ")))")
            }
            out.append(.field(path: path, filter: filter))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { out.append(.literal(String(rest))) }
        return out
    }

    func check(_ path: String, in scope: TemplateFields.Scope) throws {
        guard scope.contains(path) else {
            let hint = scope.closest(to: path).map { " (did you mean '\($0)'?)" } ?? ""
            throw error("no field '\(path)'\(hint)")
        }
    }

    func error(_ reason: String, line: Int? = nil) -> TemplateError {
        TemplateError(file: file, line: line ?? index, reason: reason)
    }

    /// Column cells: split on `|` outside `{{…}}` (a filter's `|` stays in its placeholder), trimmed.
    static func cells(_ text: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var depth = 0
        var previous: Character?
        for character in text {
            if character == "{", previous == "{" { depth += 1 }
            if character == "}", previous == "}", depth > 0 { depth -= 1 }
            if character == "|", depth == 0 {
                cells.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    static func split(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return nil }
        return (key, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
