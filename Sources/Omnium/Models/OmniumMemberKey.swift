import Foundation

/// A member name as a coding key, written as a string literal (`forKey: "orderForm"`).
///
/// Why: the order and customer models keep the members they do not name (`additionalMembers`), so
/// they read and write through one container keyed by any name rather than a fixed `CodingKeys`.
public struct OmniumMemberKey: CodingKey, ExpressibleByStringLiteral, Hashable, Sendable {
    public var stringValue: String
    public var intValue: Int? { nil }

    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { return nil }
    public init(stringLiteral value: String) { stringValue = value }

    /// The members of `container` whose names (ignoring case) are not in `known`; nil when none.
    static func unknownMembers(in container: KeyedDecodingContainer<OmniumMemberKey>, known: Set<String>) throws
        -> [String: OmniumJSONValue]? {
        var members: [String: OmniumJSONValue] = [:]
        for key in container.allKeys where !known.contains(key.stringValue.lowercased()) {
            members[key.stringValue] = try container.decode(OmniumJSONValue.self, forKey: key)
        }
        return members.isEmpty ? nil : members
    }

    /// Writes the kept members back, but never one a named member writes (a caller may have set
    /// `additionalMembers` by hand; the named field wins).
    static func encode(_ members: [String: OmniumJSONValue]?, into container: inout KeyedEncodingContainer<OmniumMemberKey>,
                       known: Set<String>) throws {
        guard let members else { return }
        for (name, value) in members where !known.contains(name.lowercased()) {
            try container.encode(value, forKey: OmniumMemberKey(stringValue: name))
        }
    }
}
