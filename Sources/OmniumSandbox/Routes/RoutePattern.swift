import HTTPServer

/// A route path such as `/api/Orders/{orderId}/OrderLines/{lineItemId}/Cancel`, matched case-insensitively.
///
/// Why: Omnium's docs mix path casing (contract §1; Sandbox choice: paths match case-insensitively);
/// literal segments outrank `{param}` segments so `/api/Products/Scroll/{id}` never reads as a product id.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    let segments: [Segment]
    public let description: String

    /// Parses `/a/{b}/c`; a malformed pattern is a programmer error.
    public init(_ pattern: String) {
        description = pattern
        segments = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                let name = part.dropFirst().dropLast()
                precondition(!name.isEmpty, "empty parameter name in route \(pattern)")
                return .parameter(String(name))
            }
            return .literal(part.lowercased())
        }
    }

    /// The parameters when `pathSegments` (percent-decoded) fit this pattern.
    func match(_ pathSegments: [String]) -> [String: String]? {
        guard pathSegments.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, value) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal):
                guard literal == value.lowercased() else { return nil }
            case .parameter(let name):
                guard !value.isEmpty else { return nil }
                parameters[name] = value
            }
        }
        return parameters
    }

    /// True when the last segment is a fixed word (`.../Scroll`), not a `{parameter}`.
    var endsWithLiteral: Bool {
        if case .literal? = segments.last { return true }
        return false
    }

    /// Higher = more specific: literal segments earlier in the path weigh more.
    var specificity: [Int] {
        segments.map { if case .literal = $0 { 1 } else { 0 } }
    }

    /// True when one path could match both patterns with the same precedence (a clash).
    func clashes(with other: RoutePattern) -> Bool {
        guard segments.count == other.segments.count else { return false }
        return zip(segments, other.segments).allSatisfy { lhs, rhs in
            switch (lhs, rhs) {
            case (.parameter, .parameter): true
            case let (.literal(a), .literal(b)): a == b
            default: false
            }
        }
    }
}
