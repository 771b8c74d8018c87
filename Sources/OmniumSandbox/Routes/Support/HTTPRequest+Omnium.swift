import Foundation
import HTTPServer
import Omnium

/// Reading Omnium request bodies and query parameters the way the contract says (§1).
extension HTTPRequest {
    /// The body decoded with `SandboxRequestDecoder`: property names case-insensitive at every depth
    /// (`modifiedfrom`, `MODIFIEDFROM` are `modifiedFrom`), unknown ones ignored (contract §1).
    /// An empty body decodes as `{}` when `emptyAsObject` (search bodies), else is a 400.
    /// - Throws: `SandboxError` 400 for a missing body; `DecodingError` (rendered 400) for bad JSON.
    public func omniumBody<T: Decodable>(_ type: T.Type, emptyAsObject: Bool = false) throws -> T {
        var data = body
        if data.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            guard emptyAsObject else { throw SandboxError.badRequest("A request body is required") }
            data = Data("{}".utf8)
        }
        return try SandboxRequestDecoder.decode(T.self, from: data)
    }

    /// The body decoded as `omniumBody` does, after giving it `member` = `assign()` when the body leaves
    /// that member out, `null` or blank (any casing of its name): creates whose id Omnium assigns.
    public func omniumBody<T: Decodable>(_ type: T.Type, assigningIfMissing member: String,
                                         _ assign: () throws -> String) throws -> T {
        guard !body.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) else {
            throw SandboxError.badRequest("A request body is required")
        }
        var value = try SandboxRequestDecoder.value(of: body)
        if case .object(var members) = value {
            let spellings = members.keys.filter { $0.lowercased() == member.lowercased() }
            let given = spellings.lazy.compactMap { members[$0] }.first { value in
                if case .string(let text) = value { return !text.trimmingCharacters(in: .whitespaces).isEmpty }
                return value != .null
            }
            if given == nil {
                for spelling in spellings { members.removeValue(forKey: spelling) }
                members[member] = .string(try assign())
                value = .object(members)
            }
        }
        return try SandboxRequestDecoder.decode(T.self, from: value)
    }

    /// A query value; names match case-insensitively (contract §1, Sandbox choice).
    public func query(_ name: String) -> String? {
        queryValue(name, caseInsensitive: true)
    }

    /// Every value of a repeated query parameter (`?warehouseIds=A&warehouseIds=B`).
    public func queries(_ name: String) -> [String] {
        queryValues(name, caseInsensitive: true)
    }

    /// A boolean query value (`true`/`false`, any case); nil when absent.
    /// - Throws: `SandboxError` 400 for any other text.
    public func boolQuery(_ name: String) throws(SandboxError) -> Bool? {
        guard let text = query(name), !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .badRequest("\(name) must be true or false")
        }
    }

    /// An integer query value; nil when absent.
    /// - Throws: `SandboxError` 400 for text that is not an integer.
    public func intQuery(_ name: String) throws(SandboxError) -> Int? {
        guard let text = query(name), !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw .badRequest("\(name) must be an integer") }
        return value
    }
}

extension HTTPResponse {
    /// `value` as Omnium JSON (`SandboxResponseEncoder`: unset members as `null`, 7-digit UTC dates,
    /// sorted keys), status 200.
    public static func omnium<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> HTTPResponse {
        .json(try SandboxResponseEncoder.encode(value), status: status)
    }
}
