// MARK: - FlowCustomerType

/// A Flow customer type. String-backed: Flow also knows `B2B`. Spec: flow-integration.md §6, §14.
public struct FlowCustomerType: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// From an Omnium private customer.
    public static let person = FlowCustomerType(rawValue: "PERSON")
    /// From an Omnium business customer.
    public static let company = FlowCustomerType(rawValue: "COMPANY")
    public static let b2b = FlowCustomerType(rawValue: "B2B")

    public var description: String { rawValue }
}
