import Foundation
import Omnium

/// `OmniumSearchResult` (`{facets, result, scrollId, totalHits}`, sorted as the encoder sorts them)
/// put together from records already written as bytes: the same bytes ``SandboxResponseEncoder``
/// writes for `OmniumSearchResult(totalHits:result:scrollId:facets:)`.
enum SandboxPageJSON {
    /// - Parameters:
    ///   - records: each record's JSON bytes, in order.
    ///   - emptyFacets: true for a POST search page (`facets: []`); false writes `facets: null`,
    ///     which is what the encoder writes for an unset `facets`.
    static func searchResult(totalHits: Int, records: [[UInt8]], scrollId: String?, emptyFacets: Bool) -> Data {
        var out = SandboxJSONBytes(capacity: records.reduce(96) { $0 + $1.count + 1 })
        out.raw(emptyFacets ? "{\"facets\":[],\"result\":[" : "{\"facets\":null,\"result\":[")
        for (index, record) in records.enumerated() {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            out.raw(record)
        }
        out.raw("],\"scrollId\":")
        out.string(scrollId)
        out.raw(",\"totalHits\":")
        out.int(totalHits)
        out.byte(UInt8(ascii: "}"))
        return Data(out.bytes)
    }
}
