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
    public var tags: [String]?
    public var attachments: [OmniumAsset]?
    public var lineItemId: String?
    public var parentId: String?
    public var customerId: String?
    public var objectId: String?
    public var objectType: String?
    public var sendNotification: Bool?
    public var deliveryMethod: String?
    public var emailRecipient: String?
    public var emailSubject: String?
    public var emailFromAddress: String?
    public var emailFromName: String?
    public var smsRecipient: String?
    public var smsFrom: String?
    /// Members Omnium sent that this model does not name, kept as they came and sent back on
    /// every write, so a read-modify-write never wipes what Omnium holds (contract §6 client rule).
    public var additionalMembers: [String: OmniumJSONValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        id: String? = nil,
        created: Date? = nil,
        creator: String? = nil,
        userId: String? = nil,
        title: String? = nil,
        detail: String? = nil,
        type: String? = nil,
        tags: [String]? = nil,
        attachments: [OmniumAsset]? = nil,
        lineItemId: String? = nil,
        parentId: String? = nil,
        customerId: String? = nil,
        objectId: String? = nil,
        objectType: String? = nil,
        sendNotification: Bool? = nil,
        deliveryMethod: String? = nil,
        emailRecipient: String? = nil,
        emailSubject: String? = nil,
        emailFromAddress: String? = nil,
        emailFromName: String? = nil,
        smsRecipient: String? = nil,
        smsFrom: String? = nil,
        additionalMembers: [String: OmniumJSONValue]? = nil
    ) {
        self.id = id
        self.created = created
        self.creator = creator
        self.userId = userId
        self.title = title
        self.detail = detail
        self.type = type
        self.tags = tags
        self.attachments = attachments
        self.lineItemId = lineItemId
        self.parentId = parentId
        self.customerId = customerId
        self.objectId = objectId
        self.objectType = objectType
        self.sendNotification = sendNotification
        self.deliveryMethod = deliveryMethod
        self.emailRecipient = emailRecipient
        self.emailSubject = emailSubject
        self.emailFromAddress = emailFromAddress
        self.emailFromName = emailFromName
        self.smsRecipient = smsRecipient
        self.smsFrom = smsFrom
        self.additionalMembers = additionalMembers
    }

    /// The members this model names (lower-cased: a differently cased spelling is the same member).
    static let knownMembers: Set<String> = [
        "id", "created", "creator", "userid", "title", "detail", "type", "tags", "attachments", "lineitemid",
        "parentid", "customerid", "objectid", "objecttype", "sendnotification", "deliverymethod", "emailrecipient",
        "emailsubject", "emailfromaddress", "emailfromname", "smsrecipient", "smsfrom"
    ]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: OmniumMemberKey.self)
        id = try container.decodeIfPresent(String.self, forKey: "id")
        created = try container.decodeIfPresent(Date.self, forKey: "created")
        creator = try container.decodeIfPresent(String.self, forKey: "creator")
        userId = try container.decodeIfPresent(String.self, forKey: "userId")
        title = try container.decodeIfPresent(String.self, forKey: "title")
        detail = try container.decodeIfPresent(String.self, forKey: "detail")
        type = try container.decodeIfPresent(String.self, forKey: "type")
        tags = try container.decodeIfPresent([String].self, forKey: "tags")
        attachments = try container.decodeIfPresent([OmniumAsset].self, forKey: "attachments")
        lineItemId = try container.decodeIfPresent(String.self, forKey: "lineItemId")
        parentId = try container.decodeIfPresent(String.self, forKey: "parentId")
        customerId = try container.decodeIfPresent(String.self, forKey: "customerId")
        objectId = try container.decodeIfPresent(String.self, forKey: "objectId")
        objectType = try container.decodeIfPresent(String.self, forKey: "objectType")
        sendNotification = try container.decodeIfPresent(Bool.self, forKey: "sendNotification")
        deliveryMethod = try container.decodeIfPresent(String.self, forKey: "deliveryMethod")
        emailRecipient = try container.decodeIfPresent(String.self, forKey: "emailRecipient")
        emailSubject = try container.decodeIfPresent(String.self, forKey: "emailSubject")
        emailFromAddress = try container.decodeIfPresent(String.self, forKey: "emailFromAddress")
        emailFromName = try container.decodeIfPresent(String.self, forKey: "emailFromName")
        smsRecipient = try container.decodeIfPresent(String.self, forKey: "smsRecipient")
        smsFrom = try container.decodeIfPresent(String.self, forKey: "smsFrom")
        additionalMembers = try OmniumMemberKey.unknownMembers(in: container, known: Self.knownMembers)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: OmniumMemberKey.self)
        try container.encodeIfPresent(id, forKey: "id")
        try container.encodeIfPresent(created, forKey: "created")
        try container.encodeIfPresent(creator, forKey: "creator")
        try container.encodeIfPresent(userId, forKey: "userId")
        try container.encodeIfPresent(title, forKey: "title")
        try container.encodeIfPresent(detail, forKey: "detail")
        try container.encodeIfPresent(type, forKey: "type")
        try container.encodeIfPresent(tags, forKey: "tags")
        try container.encodeIfPresent(attachments, forKey: "attachments")
        try container.encodeIfPresent(lineItemId, forKey: "lineItemId")
        try container.encodeIfPresent(parentId, forKey: "parentId")
        try container.encodeIfPresent(customerId, forKey: "customerId")
        try container.encodeIfPresent(objectId, forKey: "objectId")
        try container.encodeIfPresent(objectType, forKey: "objectType")
        try container.encodeIfPresent(sendNotification, forKey: "sendNotification")
        try container.encodeIfPresent(deliveryMethod, forKey: "deliveryMethod")
        try container.encodeIfPresent(emailRecipient, forKey: "emailRecipient")
        try container.encodeIfPresent(emailSubject, forKey: "emailSubject")
        try container.encodeIfPresent(emailFromAddress, forKey: "emailFromAddress")
        try container.encodeIfPresent(emailFromName, forKey: "emailFromName")
        try container.encodeIfPresent(smsRecipient, forKey: "smsRecipient")
        try container.encodeIfPresent(smsFrom, forKey: "smsFrom")
        try OmniumMemberKey.encode(additionalMembers, into: &container, known: Self.knownMembers)
    }
}
