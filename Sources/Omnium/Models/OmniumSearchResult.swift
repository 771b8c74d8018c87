import Foundation

/// One page or scroll batch of a search: `{totalHits, result, scrollId, facets}`.
///
/// Scroll, inventory and price searches omit `facets` (nil here, and then not encoded).
/// `result` decodes `null` or a missing key as `[]` (client rule: null, "" and [] alike).
///
/// Spec: omnium-contract.md §3, omnium-api.md §3.1.
public struct OmniumSearchResult<T: Codable & Sendable>: Codable, Sendable {
    public var totalHits: Int
    public var result: [T]
    /// Set when the server has more to give through `GET .../Scroll/{scrollId}`.
    public var scrollId: String?
    public var facets: [OmniumFacet]?

    /// Creates a result page.
    public init(totalHits: Int, result: [T], scrollId: String? = nil, facets: [OmniumFacet]? = nil) {
        self.totalHits = totalHits
        self.result = result
        self.scrollId = scrollId
        self.facets = facets
    }

    // MARK: - Codable

    private enum CodingKeys: String, CodingKey { case totalHits, result, scrollId, facets }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        result = try container.decodeIfPresent([T].self, forKey: .result) ?? []
        totalHits = try container.decodeIfPresent(Int.self, forKey: .totalHits) ?? result.count
        scrollId = try container.decodeIfPresent(String.self, forKey: .scrollId)
        facets = try container.decodeIfPresent([OmniumFacet].self, forKey: .facets)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(totalHits, forKey: .totalHits)
        try container.encode(result, forKey: .result)
        try container.encode(scrollId, forKey: .scrollId)
        try container.encodeIfPresent(facets, forKey: .facets)
    }
}

extension OmniumSearchResult: Equatable where T: Equatable {}

/// One facet bucket.
///
/// Spec: omnium-api.md §3.1.
public struct OmniumFacetValue: Codable, Sendable, Equatable {
    public var name: String?
    public var value: String?
    public var count: Int?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        name: String? = nil,
        value: String? = nil,
        count: Int? = nil
    ) {
        self.name = name
        self.value = value
        self.count = count
    }
}

/// A facet group of a search result (`OmniumFacetViewModel`).
///
/// Spec: omnium-api.md §3.1.
public struct OmniumFacet: Codable, Sendable, Equatable {
    public var facetType: String?
    public var facets: [OmniumFacetValue]?

    /// Creates a value; every field the caller leaves out stays unset.
    public init(
        facetType: String? = nil,
        facets: [OmniumFacetValue]? = nil
    ) {
        self.facetType = facetType
        self.facets = facets
    }
}
