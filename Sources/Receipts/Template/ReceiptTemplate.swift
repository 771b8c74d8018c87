import Foundation

// MARK: - ReceiptTemplate

/// A receipt template (templates/README.md): one directive per line, placeholders `{{field}}`,
/// repeated sections `for line in lines … end`, conditionals `if field … else … end`.
///
/// Parsed and checked once: a directive, list or field that does not exist is a ``TemplateError``
/// naming the file, the line and the reason, never an empty string at render time.
public struct ReceiptTemplate: Sendable {
    /// The page a template lays out on.
    public enum Page: Sendable, Equatable {
        /// A till roll: fixed width (points), the length grows with the content.
        case roll(width: Float)
        /// A4 portrait, paginated, with page numbers.
        case a4
    }

    public var name: String
    public var page: Page
    /// Millimetres around the content.
    public var margin: Float
    public var fontSize: Float
    let nodes: [TemplateNode]

    /// Reads and parses a template file.
    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw TemplateError(file: url.lastPathComponent, line: 0, reason: "cannot read: \(error.localizedDescription)")
        }
        try self.init(name: url.lastPathComponent, text: text)
    }

    public init(name: String, text: String) throws {
        var parser = TemplateParser(file: name, lines: text.components(separatedBy: "\n"))
        let parsed = try parser.parseDocument()
        self.name = name
        page = parsed.page
        margin = parsed.margin
        fontSize = parsed.fontSize
        nodes = parsed.nodes
    }

    /// The lines this receipt makes, before wrapping and pagination.
    func layout(_ receipt: ReceiptDocument, timeZone: TimeZone) -> [LayoutLine] {
        var out: [LayoutLine] = []
        var scope = TemplateScope(receipt: receipt, timeZone: timeZone)
        render(nodes, scope: &scope, into: &out)
        return out
    }

    /// `scope` is passed inout, each `for` pushing its item and popping it after: a scope holds the
    /// whole receipt, and copying it for every item and block retained each of its strings and arrays.
    private func render(_ nodes: [TemplateNode], scope: inout TemplateScope, into out: inout [LayoutLine]) {
        for node in nodes {
            switch node {
            case let .text(alignment, style, segments):
                out.append(.text(alignment: alignment, style: style, text: scope.text(segments)))
            case let .columns(style, cells):
                out.append(.columns(style: style, cells: cells.map(scope.text)))
            case .rule: out.append(.rule)
            case .space: out.append(.space)
            case let .each(list, variable, body):
                for item in scope.items(of: list) {
                    scope.items.append((variable, item))
                    render(body, scope: &scope, into: &out)
                    scope.items.removeLast()
                }
            case let .conditional(path, negated, then, otherwise):
                render(scope.isTrue(path) != negated ? then : otherwise, scope: &scope, into: &out)
            }
        }
    }
}

/// A template that cannot be used: the file, the 1-based line and why.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

// MARK: - Nodes and layout lines

enum Alignment: Sendable, Equatable { case left, center, right }
enum TextStyle: Sendable, Equatable { case regular, bold, title }

enum Segment: Sendable, Equatable {
    case literal(String)
    case field(path: String, filter: String?)
}

indirect enum TemplateNode: Sendable {
    case text(Alignment, TextStyle, [Segment])
    case columns(TextStyle, [[Segment]])
    case rule
    case space
    case each(list: String, variable: String, body: [TemplateNode])
    case conditional(path: String, negated: Bool, then: [TemplateNode], otherwise: [TemplateNode])
}

/// One line of the laid-out receipt, before wrapping.
enum LayoutLine: Sendable, Equatable {
    case text(alignment: Alignment, style: TextStyle, text: String)
    case columns(style: TextStyle, cells: [String])
    case rule
    case space
}
