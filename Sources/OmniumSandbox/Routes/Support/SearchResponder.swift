import Foundation
import HTTPServer
import Omnium

/// The three shapes every search route answers with (contract §3): a page of a POST search, the
/// first batch of a scroll, and the next batch of a scroll.
///
/// Why shared: paging rules, `facets: []` on searches (absent on scrolls), constant `scrollId` and
/// 404 on expired scrolls must be identical for orders, purchase orders, customers and products.
struct SearchResponder: Sendable {
    let services: SandboxServices

    /// One page `[page*take, (page+1)*take)` of `query`'s matches: `{totalHits, result, scrollId: null, facets: []}`.
    func page<Element: Sendable>(
        take: Int?, page: Int?, query: () throws -> SandboxResultSet<Element>
    ) throws -> HTTPResponse {
        let paging = try SearchPaging(take: take, page: page)
        let results = try query()
        let items = results.elements(in: paging.range)
        return try Self.answer(totalHits: results.count, batch: items, scrollId: nil, facets: [])
    }

    /// `POST /api/{resource}/Scroll`: the first batch and the scroll id (take/page ignored).
    func startScroll<Element: Sendable>(
        resource: String, context: SandboxRequestContext, query: () throws -> SandboxResultSet<Element>
    ) throws -> HTTPResponse {
        let started = try services.scrolls.start(resource: resource, owner: context.principal?.clientId ?? "",
                                                 query: query)
        return try Self.answer(totalHits: started.totalHits, batch: started.batch, scrollId: started.scrollId)
    }

    /// A search that returns a `scrollId` itself only when more than one batch matches
    /// (inventory, prices): first batch of `batchSize`, no facets.
    func searchWithScroll<Element: Sendable>(
        resource: String, batchSize: Int? = nil, context: SandboxRequestContext,
        query: () throws -> SandboxResultSet<Element>
    ) throws -> HTTPResponse {
        let started = try services.scrolls.start(resource: resource, owner: context.principal?.clientId ?? "",
                                                 batchSize: batchSize, exclusive: false, alwaysOpens: false,
                                                 query: query)
        return try Self.answer(totalHits: started.totalHits, batch: started.batch, scrollId: started.scrollId)
    }

    /// `GET /api/{resource}/Scroll/{scrollId}`: the next batch; `result: []` ends the scroll.
    func continueScroll<Element: Sendable>(
        resource: String, context: SandboxRequestContext, as type: Element.Type
    ) throws -> HTTPResponse {
        let id = try context.parameter("scrollId")
        let next = try services.scrolls.next(id: id, resource: resource, as: Element.self)
        return try Self.answer(totalHits: next.totalHits, batch: next.batch, scrollId: next.batch.isEmpty ? nil : id)
    }

    /// `OmniumSearchResult` of `batch`: put together from each record's bytes for the catalogue answers
    /// (``SandboxRecordAnswer``, often held by ``SandboxRecordCache``), through ``SandboxResponseEncoder``
    /// for the rest. Both give the same bytes
    /// (`SandboxRecordJSONTests`, `SandboxCatalogueAnswersTests`).
    static func answer<Element: Sendable>(
        totalHits: Int, batch: [Element], scrollId: String?, facets: [OmniumFacet]? = nil
    ) throws -> HTTPResponse {
        if Element.self == SandboxRecordAnswer.self, facets?.isEmpty ?? true {
            let records = try (batch as! [SandboxRecordAnswer]).map { try $0.json() }
            return .json(SandboxPageJSON.searchResult(totalHits: totalHits, records: records, scrollId: scrollId,
                                                      emptyFacets: facets != nil))
        }
        guard let type = Element.self as? any (Codable & Sendable).Type else {
            preconditionFailure("search results of \(Element.self) can be neither encoded nor put together from bytes")
        }
        return try encoded(type, totalHits: totalHits, batch: batch, scrollId: scrollId, facets: facets)
    }

    private static func encoded<Record: Codable & Sendable, Element: Sendable>(
        _ type: Record.Type, totalHits: Int, batch: [Element], scrollId: String?, facets: [OmniumFacet]?
    ) throws -> HTTPResponse {
        let batch = batch as! [Record]
        return try .omnium(OmniumSearchResult(totalHits: totalHits, result: batch, scrollId: scrollId, facets: facets))
    }

    /// The record or a 404 with Omnium's wording (`"Order was not found"`).
    static func found<T: Encodable>(_ value: T?, _ what: String) throws -> HTTPResponse {
        guard let value else { throw SandboxError.notFound("\(what) was not found") }
        return try .omnium(value)
    }
}
