import Foundation

/// Records keyed by id, kept in insertion order (so reads are stable and deterministic).
public struct SandboxTable<Value: Sendable>: Sendable {
    public private(set) var ids: [String] = []
    private var values: [String: Value] = [:]

    public init() {}

    /// A table of `items`, keyed by `key`; a later duplicate replaces an earlier one.
    public init(_ items: [Value], key: (Value) -> String) {
        for item in items { self[key(item)] = item }
    }

    public var count: Int { ids.count }

    public subscript(id: String) -> Value? {
        get { values[id] }
        set {
            guard let newValue else { return }
            if values.updateValue(newValue, forKey: id) == nil { ids.append(id) }
        }
    }

    public func contains(_ id: String) -> Bool { values[id] != nil }

    /// Every value, in insertion order.
    public var all: [Value] { ids.map { values[$0]! } }
}
