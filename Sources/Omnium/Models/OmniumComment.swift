import Foundation

/// A note on an order or purchase order.
///
/// Spec: omnium-api.md §5.2 "Shared small types".
public struct OmniumComment: Codable, Sendable, Equatable {
    public var id: String?
    public var created: Date?
    public var creator: String?
    public var userId: String?
    public var title: String?
    public var detail: String?
    public var type: String?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        created: Date? = nil,
        creator: String? = nil,
        userId: String? = nil,
        title: String? = nil,
        detail: String? = nil,
        type: String? = nil
    ) {
        self.id = id
        self.created = created
        self.creator = creator
        self.userId = userId
        self.title = title
        self.detail = detail
        self.type = type
    }
}
