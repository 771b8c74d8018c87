import Foundation
import HTTPServer

/// What a route needs from the caller's token: an Omnium role area and read or admin access.
///
/// Why on the route: the auth middleware checks it (403) without handlers repeating role logic
/// (contract §2: reads need `{Area}Read`, writes `{Area}Admin`, `ApiOwner` may do all).
public struct RoutePermission: Sendable, Hashable {
    public var area: SandboxRole.Area
    public var access: SandboxRole.Access

    public init(_ area: SandboxRole.Area, _ access: SandboxRole.Access) {
        self.area = area
        self.access = access
    }

    public static func read(_ area: SandboxRole.Area) -> RoutePermission { RoutePermission(area, .read) }
    public static func admin(_ area: SandboxRole.Area) -> RoutePermission { RoutePermission(area, .admin) }
}

/// A handler: plain request in, response out; throw `SandboxError` for Omnium's error answers.
public typealias SandboxHandler = @Sendable (HTTPRequest, SandboxRequestContext) throws -> HTTPResponse

/// One registered route.
public struct Route: Sendable {
    public let method: HTTPMethod
    public let pattern: RoutePattern
    /// nil = no token needed (only `POST /api/token`).
    public let permission: RoutePermission?
    let handler: SandboxHandler
}

/// Collects routes, then `build()`s the immutable table; clashing routes are refused.
///
/// Why: the table is built once at start (Hummingbird `Router+validation.swift`), so a typo that
/// shadows another route fails the server start and the tests, not a request at night.
public struct Router: Sendable {
    private(set) var routes: [Route] = []

    public init() {}

    /// Registers `handler` for `method` + `pattern` (`/api/Orders/{id}`), guarded by `permission`.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, permission: RoutePermission?,
                             handler: @escaping SandboxHandler) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), permission: permission, handler: handler))
    }

    public mutating func get(_ pattern: String, permission: RoutePermission?, handler: @escaping SandboxHandler) {
        add(.GET, pattern, permission: permission, handler: handler)
    }

    public mutating func post(_ pattern: String, permission: RoutePermission?, handler: @escaping SandboxHandler) {
        add(.POST, pattern, permission: permission, handler: handler)
    }

    public mutating func put(_ pattern: String, permission: RoutePermission?, handler: @escaping SandboxHandler) {
        add(.PUT, pattern, permission: permission, handler: handler)
    }

    /// The route table; throws `RouterError` naming both routes of the first clash.
    public func build() throws(RouterError) -> RouteTable {
        for (index, route) in routes.enumerated() {
            for other in routes[(index + 1)...]
            where other.method.rawValue.uppercased() == route.method.rawValue.uppercased()
                && other.pattern.clashes(with: route.pattern) {
                throw RouterError(message: "route \(other.method) \(other.pattern) clashes with \(route.method) \(route.pattern)")
            }
        }
        return RouteTable(routes: routes)
    }
}

/// A route clash found by `Router.build()`.
public struct RouterError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// The immutable route table: finds the most specific route for a request.
public struct RouteTable: Sendable {
    /// The outcome of a lookup.
    public enum Match: Sendable {
        case found(Route, parameters: [String: String])
        /// The path exists for other methods.
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    public let routes: [Route]

    /// Looks up `request`'s method and path; path segments are percent-decoded one by one.
    ///
    /// 405 only when the path names a resource by its own last word: `GET /api/Orders/UpdateMany`
    /// (a POST route) is 405, while `POST /api/Orders/Anything`, which only a `{orderId}` parameter
    /// would fit, is an unknown path and 404, as Omnium answers (issue 9).
    public func match(_ request: HTTPRequest) -> Match {
        let segments = request.pathSegments
        var best: (Route, [String: String])?
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let parameters = route.pattern.match(segments) else { continue }
            guard route.method.rawValue.uppercased() == request.method.rawValue.uppercased() else {
                if route.pattern.endsWithLiteral { allowed.append(route.method) }
                continue
            }
            if let current = best,
               !current.0.pattern.specificity.lexicographicallyPrecedes(route.pattern.specificity) {
                continue
            }
            best = (route, parameters)
        }
        if let best { return .found(best.0, parameters: best.1) }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
