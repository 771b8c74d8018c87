import Foundation

// MARK: - OmniumJSONSlices

/// Finds where each record of a page answer starts and ends in its bytes, without decoding it.
///
/// Why: the catalogue extracts stage each record's JSON as Omnium sent it instead of encoding the
/// decoded model again (issue 8). Where a page is decoded by `JSONDecoder` (records without a fast
/// reader, or an answer the fast page reader declined), this cuts the same records out of the same bytes,
/// with ``OmniumWireReader`` (which checks the whole answer as JSON). It gives up (nil) on anything it does
/// not expect, in which case the caller does without the slices; the record counts must also agree.
enum OmniumJSONSlices {
    /// The byte ranges (offsets from the start of `body`) of the elements of the array that is `body`
    /// itself (a bare list) or `body`'s top-level member `member` (`{"result": [...]}`).
    static func elements(ofMember member: String, in body: Data) -> [Range<Int>]? {
        body.withUnsafeBytes { raw in OmniumWireReader.elements(ofMember: member, in: raw.bindMemory(to: UInt8.self)) }
    }
}
