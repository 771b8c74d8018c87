import Foundation

/// A category a product is placed in: an object, not an id (contract §6, corrected; Omnium's
/// schema and the vendor example `"categories": [{"categoryId": "tees"}]`).
///
/// `categoryId` is language-neutral; `id` is `{categoryId}_{language}` and calculated by Omnium.
/// `parentId` names the parent's `categoryId`. With category enrichment only `categoryId` is
/// required on writes, so every other member may be absent.
///
/// Spec: omnium-contract.md §6, omnium-api.md §7.
public struct OmniumProductCategory: Codable, Sendable, Equatable {
    public var categoryId: String?
    /// `{categoryId}_{language}` (CALC)
    public var id: String?
    public var name: String?
    public var parentId: String?
    public var isMainCategory: Bool?
    public var isHidden: Bool?
    public var language: String?
    public var description: String?
    public var sortIndex: Int?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(categoryId: String? = nil, id: String? = nil, name: String? = nil, parentId: String? = nil,
                isMainCategory: Bool? = nil, isHidden: Bool? = nil, language: String? = nil,
                description: String? = nil, sortIndex: Int? = nil) {
        self.categoryId = categoryId
        self.id = id
        self.name = name
        self.parentId = parentId
        self.isMainCategory = isMainCategory
        self.isHidden = isHidden
        self.language = language
        self.description = description
        self.sortIndex = sortIndex
    }
}

/// An assortment code on a product, valid from `validFrom` (unset = always) until `validTo`
/// (unset = open-ended).
///
/// Spec: omnium-contract.md §6 (`OmniumAssortmentCode {assortmentCodeId, validFrom?, validTo?}`).
public struct OmniumAssortmentCode: Codable, Sendable, Equatable {
    public var assortmentCodeId: String?
    public var validFrom: Date?
    public var validTo: Date?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(assortmentCodeId: String? = nil, validFrom: Date? = nil, validTo: Date? = nil) {
        self.assortmentCodeId = assortmentCodeId
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether the code applies at `date`: `validFrom <= date < validTo`; Omnium's unset date
    /// (`0001-01-01`) counts as no bound.
    public func isValid(at date: Date) -> Bool {
        if let from = validFrom?.omniumValue, date < from { return false }
        if let to = validTo?.omniumValue, date >= to { return false }
        return true
    }
}
