import Foundation
import HTTPServer

/// What the sandbox knows about a request beyond its bytes: matched route, parameters, caller.
///
/// Why a separate value: `HTTPRequest` is the wire message; middleware adds facts (the caller after
/// auth) by passing a changed context to `next`, as Hummingbird's request context does.
public struct SandboxRequestContext: Sendable {
    /// Sequence number of the request since start (log correlation).
    public var requestID: Int
    /// The matched route, nil when none matched (the handler step answers 404/405).
    public var route: Route?
    /// Route parameters by name, percent-decoded (`{orderId}` → `parameters["orderId"]`).
    public var parameters: [String: String]
    /// The authenticated caller, set by the auth middleware.
    public var principal: SandboxPrincipal?
    /// The injected latency of this request, set by the fault middleware; the handler step waits it out.
    public var answerDelay: SandboxAnswerDelay?

    public init(requestID: Int = 0, route: Route? = nil, parameters: [String: String] = [:],
                principal: SandboxPrincipal? = nil) {
        self.requestID = requestID
        self.route = route
        self.parameters = parameters
        self.principal = principal
    }

    /// The route parameter `name`; a missing one is a 404 (the route table guarantees it otherwise).
    public func parameter(_ name: String) throws -> String {
        guard let value = parameters[name] else { throw SandboxError.notFound("Not Found") }
        return value
    }
}

/// An authenticated API user: the client id and its roles.
public struct SandboxPrincipal: Sendable, Hashable {
    public var clientId: String
    public var roles: [SandboxRole]

    public init(clientId: String, roles: [SandboxRole]) {
        self.clientId = clientId
        self.roles = roles
    }

    /// True when a role grants `permission` (`ApiOwner` grants all; Admin includes Read).
    public func isAllowed(_ permission: RoutePermission) -> Bool {
        roles.contains { role in
            switch role {
            case .apiOwner: true
            case .area(let area, let access): area == permission.area && (access == .admin || permission.access == .read)
            }
        }
    }
}

/// An Omnium API role: `ApiOwner` or `{Order|Product|Customer|Inventory|Store|PurchaseOrder}{Read|Admin}`.
///
/// Spec: omnium-contract.md §2 (Sandbox choice: reads need Read, writes Admin, else 403).
public enum SandboxRole: Sendable, Hashable, CustomStringConvertible {
    case apiOwner
    case area(Area, Access)

    public enum Area: String, Sendable, Hashable, CaseIterable {
        case order = "Order", product = "Product", customer = "Customer", inventory = "Inventory"
        case store = "Store", purchaseOrder = "PurchaseOrder"
        /// Sandbox-only: the `/_sandbox/` admin routes (`SandboxAdmin`; not an Omnium role).
        case sandbox = "Sandbox"
    }

    public enum Access: String, Sendable, Hashable, CaseIterable {
        case read = "Read", admin = "Admin"
    }

    /// Parses `ApiOwner`, `OrderRead`, `PurchaseOrderAdmin`, ...
    public init?(rawValue: String) {
        if rawValue == "ApiOwner" {
            self = .apiOwner
            return
        }
        for area in Area.allCases {
            for access in Access.allCases where rawValue == area.rawValue + access.rawValue {
                self = .area(area, access)
                return
            }
        }
        return nil
    }

    public var rawValue: String {
        switch self {
        case .apiOwner: "ApiOwner"
        case .area(let area, let access): area.rawValue + access.rawValue
        }
    }

    public var description: String { rawValue }
}
