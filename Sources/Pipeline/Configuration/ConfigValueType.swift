import Foundation

// MARK: - ConfigValueType

/// How one kind of configuration value is read from JSON and from an environment string.
///
/// Why: the file and the environment must accept the same values and reject them with the same
/// words ("must be true or false"), so each kind is defined once and shared by every key.
struct ConfigValueType<Value: Sendable>: Sendable {
    /// What a valid value looks like, for messages: "true or false", "a whole number" …
    let expected: String
    let fromJSON: @Sendable (JSONNode) throws(ConfigValueProblem) -> Value
    let fromText: @Sendable (String) throws(ConfigValueProblem) -> Value
    let render: @Sendable (Value) -> String
    /// The smallest and largest accepted values as text, for kinds with a range (numbers); the
    /// tests load each key at both and check that nothing downstream traps.
    var edges: [String] = []
}

/// A value that is not what its key expects; the loader adds file, position and key.
struct ConfigValueProblem: Error {
    enum Kind { case wrongType, invalid }
    var kind: Kind
    var message: String
    /// Offset of a nested value (an entry of an object or array) when it, not the whole value, is wrong.
    var offset: Int?
}

// MARK: - Kinds

extension ConfigValueType where Value == String {
    /// Any non-empty string.
    static var string: Self {
        ConfigValueType(
            expected: "a string",
            fromJSON: { node throws(ConfigValueProblem) in
                guard case .string(let text) = node.value else { throw .init(kind: .wrongType, message: node.kindDescription) }
                return try nonEmpty(text)
            },
            fromText: { text throws(ConfigValueProblem) in try nonEmpty(text) },
            render: { $0 })
    }

    /// A Flow UID: letters, digits, `_` and `-` only (flow-integration.md §12).
    static var flowUID: Self {
        let base = ConfigValueType<String>.string
        let check: @Sendable (String) throws(ConfigValueProblem) -> String = { text throws(ConfigValueProblem) in
            guard text.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }) else {
                throw .init(kind: .invalid, message: "'\(text)' is not a Flow UID (letters, digits, '_' and '-' only)")
            }
            return text
        }
        return ConfigValueType(
            expected: "a Flow UID",
            fromJSON: { node throws(ConfigValueProblem) in try check(try base.fromJSON(node)) },
            fromText: { text throws(ConfigValueProblem) in try check(try base.fromText(text)) },
            render: { $0 })
    }

    /// Exactly `count` uppercase ASCII letters (ISO country and currency codes).
    static func code(letters count: Int, standard: String) -> Self {
        let base = ConfigValueType<String>.string
        let check: @Sendable (String) throws(ConfigValueProblem) -> String = { text throws(ConfigValueProblem) in
            guard text.count == count, text.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) else {
                throw .init(kind: .invalid, message: "'\(text)' is not an \(standard) code (\(count) uppercase letters)")
            }
            return text
        }
        return ConfigValueType(
            expected: "an \(standard) code",
            fromJSON: { node throws(ConfigValueProblem) in try check(try base.fromJSON(node)) },
            fromText: { text throws(ConfigValueProblem) in try check(try base.fromText(text)) },
            render: { $0 })
    }
}

extension ConfigValueType where Value == Bool {
    /// JSON `true`/`false`; in the environment also `1`/`0` and `yes`/`no`.
    static var bool: Self {
        ConfigValueType(
            expected: "true or false",
            fromJSON: { node throws(ConfigValueProblem) in
                guard case .bool(let flag) = node.value else { throw .init(kind: .wrongType, message: node.kindDescription) }
                return flag
            },
            fromText: { text throws(ConfigValueProblem) in
                switch text.lowercased() {
                case "true", "1", "yes": return true
                case "false", "0", "no": return false
                default: throw .init(kind: .wrongType, message: "'\(text)'")
                }
            },
            render: { $0 ? "true" : "false" })
    }
}

extension ConfigValueType where Value == Int {
    /// A whole number within `range`.
    static func integer(_ range: ClosedRange<Int>) -> Self {
        let check: @Sendable (String) throws(ConfigValueProblem) -> Int = { text throws(ConfigValueProblem) in
            guard let number = Int(text) else { throw .init(kind: .wrongType, message: "'\(text)'") }
            guard range.contains(number) else {
                throw .init(kind: .invalid, message: "\(number) is outside \(range.lowerBound)…\(range.upperBound)")
            }
            return number
        }
        return ConfigValueType(
            expected: "a whole number",
            fromJSON: { node throws(ConfigValueProblem) in
                guard case .number(let text) = node.value, Int(text) != nil else {
                    throw .init(kind: .wrongType, message: node.kindDescription)
                }
                return try check(text)
            },
            fromText: check,
            render: { String($0) },
            edges: [String(range.lowerBound), String(range.upperBound)])
    }
}

extension ConfigValueType where Value == Double {
    /// A number of seconds (or a rate) within `range`, in whole multiples of `step`; a quantity,
    /// never money.
    ///
    /// Why a range and a step: every such value is turned into whole milliseconds, nanoseconds or
    /// tokens later; a value the loader accepts must convert without trapping (`1e18` requests per
    /// second once did) and without being silently rounded to something else (`0.15` requests per
    /// second when the limiter counts tenths).
    static func number(in range: ClosedRange<Double>, step: Double) -> Self {
        let check: @Sendable (String) throws(ConfigValueProblem) -> Double = { text throws(ConfigValueProblem) in
            guard let number = Double(text), number.isFinite else { throw .init(kind: .wrongType, message: "'\(text)'") }
            guard range.contains(number) else {
                throw .init(kind: .invalid, message: "\(text) is outside \(plain(range.lowerBound))…\(plain(range.upperBound))")
            }
            let steps = number / step
            guard abs(steps - steps.rounded()) <= 1e-9 * max(1, abs(steps)) else {
                throw .init(kind: .invalid, message: "\(text) is not a whole multiple of \(plain(step))")
            }
            return number
        }
        return ConfigValueType(
            expected: "a number",
            fromJSON: { node throws(ConfigValueProblem) in
                guard case .number(let text) = node.value else { throw .init(kind: .wrongType, message: node.kindDescription) }
                return try check(text)
            },
            fromText: check,
            render: plain,
            edges: [plain(range.lowerBound), plain(range.upperBound)])
    }
}

extension ConfigValueType where Value == URL {
    /// An absolute `http` or `https` URL with a host.
    static var httpURL: Self {
        let base = ConfigValueType<String>.string
        let check: @Sendable (String) throws(ConfigValueProblem) -> URL = { text throws(ConfigValueProblem) in
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url.host?.isEmpty == false
            else { throw .init(kind: .invalid, message: "'\(text)' is not an http or https URL") }
            return url
        }
        return ConfigValueType(
            expected: "a URL",
            fromJSON: { node throws(ConfigValueProblem) in try check(try base.fromJSON(node)) },
            fromText: { text throws(ConfigValueProblem) in try check(try base.fromText(text)) },
            render: { $0.absoluteString })
    }
}

extension ConfigValueType where Value == TimeZone {
    /// An IANA time zone identifier such as `Europe/Oslo`.
    static var timeZone: Self {
        let base = ConfigValueType<String>.string
        let check: @Sendable (String) throws(ConfigValueProblem) -> TimeZone = { text throws(ConfigValueProblem) in
            guard let zone = TimeZone(identifier: text) else {
                throw .init(kind: .invalid, message: "'\(text)' is not a known time zone (e.g. Europe/Oslo)")
            }
            return zone
        }
        return ConfigValueType(
            expected: "a time zone name",
            fromJSON: { node throws(ConfigValueProblem) in try check(try base.fromJSON(node)) },
            fromText: { text throws(ConfigValueProblem) in try check(try base.fromText(text)) },
            render: { $0.identifier })
    }
}

extension ConfigValueType where Value == DimensionUnit {
    /// `mm`, `cm` or `m`.
    static var dimensionUnit: Self {
        let base = ConfigValueType<String>.string
        let names = DimensionUnit.allCases.map(\.rawValue).joined(separator: ", ")
        let check: @Sendable (String) throws(ConfigValueProblem) -> DimensionUnit = { text throws(ConfigValueProblem) in
            guard let unit = DimensionUnit(rawValue: text) else { throw .init(kind: .invalid, message: "'\(text)' is not one of \(names)") }
            return unit
        }
        return ConfigValueType(
            expected: "one of \(names)",
            fromJSON: { node throws(ConfigValueProblem) in try check(try base.fromJSON(node)) },
            fromText: { text throws(ConfigValueProblem) in try check(try base.fromText(text)) },
            render: { $0.rawValue })
    }
}

extension ConfigValueType where Value == [String] {
    /// A JSON array of strings; in the environment, comma-separated.
    static var stringList: Self {
        ConfigValueType(
            expected: "an array of strings",
            fromJSON: { node throws(ConfigValueProblem) in
                guard case .array(let elements) = node.value else { throw .init(kind: .wrongType, message: node.kindDescription) }
                var result: [String] = []
                for element in elements {
                    guard case .string(let text) = element.value, !text.isEmpty else {
                        throw .init(kind: .wrongType, message: "\(element.kindDescription) in the array", offset: element.offset)
                    }
                    result.append(text)
                }
                return result
            },
            fromText: { text throws(ConfigValueProblem) in
                text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            },
            render: { $0.isEmpty ? "[]" : $0.joined(separator: ",") })
    }
}

extension ConfigValueType where Value == [String: Bool] {
    /// Store id → flag. JSON: `{"store-1": true}`. Environment: `store-1=true,store-2=false`
    /// (a bare `store-1` means `true`).
    static var storeFlags: Self {
        ConfigValueType(
            expected: "an object of store id to true/false",
            fromJSON: { node throws(ConfigValueProblem) in
                guard case .object(let members) = node.value else { throw .init(kind: .wrongType, message: node.kindDescription) }
                var result: [String: Bool] = [:]
                for member in members {
                    guard case .bool(let flag) = member.value.value else {
                        throw .init(kind: .wrongType, message: "\(member.value.kindDescription) for store '\(member.key)'",
                                    offset: member.value.offset)
                    }
                    guard result.updateValue(flag, forKey: member.key) == nil else {
                        throw .init(kind: .invalid, message: "store '\(member.key)' appears more than once", offset: member.keyOffset)
                    }
                }
                return result
            },
            fromText: { text throws(ConfigValueProblem) in
                var result: [String: Bool] = [:]
                for entry in text.split(separator: ",") {
                    let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard let store = parts.first, !store.isEmpty else { continue }
                    guard parts.count == 2 else { result[store] = true; continue }
                    switch parts[1].lowercased() {
                    case "true", "1", "yes": result[store] = true
                    case "false", "0", "no": result[store] = false
                    default: throw .init(kind: .wrongType, message: "'\(parts[1])' for store '\(store)'")
                    }
                }
                return result
            },
            render: { flags in
                flags.isEmpty ? "{}" : flags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            })
    }
}

// MARK: - Helpers

/// `0.1`, `3600`: a bound as an operator writes it.
private func plain(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
}

private func nonEmpty(_ text: String) throws(ConfigValueProblem) -> String {
    guard !text.isEmpty else { throw ConfigValueProblem(kind: .invalid, message: "the value must not be empty") }
    return text
}

extension ConfigValueType where Value == RunLogFormat {
    /// `text` or `json`.
    static var logFormat: Self {
        let base = ConfigValueType<String>.string
        let names = RunLogFormat.allCases.map(\.rawValue).joined(separator: ", ")
        let check: @Sendable (String) throws(ConfigValueProblem) -> RunLogFormat = { text throws(ConfigValueProblem) in
            guard let format = RunLogFormat(rawValue: text) else { throw .init(kind: .invalid, message: "'\(text)' is not one of \(names)") }
            return format
        }
        return ConfigValueType(
            expected: "one of \(names)",
            fromJSON: { node throws(ConfigValueProblem) in try check(try base.fromJSON(node)) },
            fromText: { text throws(ConfigValueProblem) in try check(try base.fromText(text)) },
            render: { $0.rawValue })
    }
}
