import Foundation

/// The Unicode code points a TrueType font has glyphs for, read from its `cmap` table.
///
/// Why: the renderer draws with a small subset of DejaVu Sans when it covers a receipt's text and with
/// the full font otherwise, so no character is ever drawn as a missing glyph because of the subset.
/// Reads the Unicode subtables (platform 0, or 3 with encoding 1 or 10) of formats 4 and 12.
public struct FontCoverage: Sendable {
    /// Covered code points as sorted, non-overlapping closed ranges.
    public let ranges: [ClosedRange<UInt32>]

    /// The coverage of the font file at `path`.
    /// - Throws: `FontCoverage.Failure` naming the file when it cannot be read or has no Unicode cmap.
    public init(contentsOf path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(path: path, reason: "cannot read the file") }
        guard let ranges = Self.ranges(in: [UInt8](data)) else { throw Failure(path: path, reason: "no Unicode cmap of format 4 or 12") }
        self.ranges = ranges
    }

    /// Whether the font has a glyph for every character of `text` (by Unicode scalar).
    public func covers(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { contains($0.value) }
    }

    public func contains(_ codePoint: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if codePoint < ranges[middle].lowerBound { high = middle - 1 }
            else if codePoint > ranges[middle].upperBound { low = middle + 1 }
            else { return true }
        }
        return false
    }

    /// A font file that cannot be read for its coverage.
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "font \(path): \(reason)" }
    }

    // MARK: - Parsing

    static func ranges(in font: [UInt8]) -> [ClosedRange<UInt32>]? {
        func u16(_ at: Int) -> Int? { at + 2 <= font.count ? Int(font[at]) << 8 | Int(font[at + 1]) : nil }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(at), let low = u16(at + 2) else { return nil }
            return high << 16 | low
        }
        guard let tableCount = u16(4) else { return nil }
        var cmap: Int?
        for index in 0..<tableCount where Array(font[safe: 12 + 16 * index, 4]) == Array("cmap".utf8) {
            cmap = u32(12 + 16 * index + 8)
        }
        guard let cmap, let subtables = u16(cmap + 2) else { return nil }
        var codePoints: [ClosedRange<UInt32>] = []
        var found = false
        for index in 0..<subtables {
            let record = cmap + 4 + 8 * index
            guard let platform = u16(record), let encoding = u16(record + 2), let offset = u32(record + 4) else { return nil }
            guard platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10)) else { continue }
            let table = cmap + offset
            switch u16(table) {
            case 4?:
                guard let segments = u16(table + 6).map({ $0 / 2 }) else { return nil }
                let ends = table + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments
                let rangeOffsets = deltas + 2 * segments
                for segment in 0..<segments {
                    guard let end = u16(ends + 2 * segment), let start = u16(starts + 2 * segment),
                          let delta = u16(deltas + 2 * segment), let rangeOffset = u16(rangeOffsets + 2 * segment),
                          start <= end, start != 0xFFFF else { continue }
                    for code in start...end {
                        let glyph: Int
                        if rangeOffset == 0 {
                            glyph = (code + delta) & 0xFFFF
                        } else {
                            let at = rangeOffsets + 2 * segment + rangeOffset + 2 * (code - start)
                            guard let raw = u16(at) else { return nil }
                            glyph = raw == 0 ? 0 : (raw + delta) & 0xFFFF
                        }
                        if glyph != 0 { codePoints.append(UInt32(code)...UInt32(code)) }
                    }
                }
                found = true
            case 12?:
                guard let groups = u32(table + 12) else { return nil }
                for group in 0..<groups {
                    let at = table + 16 + 12 * group
                    guard let start = u32(at), let end = u32(at + 4), let glyph = u32(at + 8), start <= end else { return nil }
                    // A group starting at glyph 0 maps its first code point to the missing glyph.
                    let first = glyph == 0 ? start + 1 : start
                    if first <= end { codePoints.append(UInt32(first)...UInt32(end)) }
                }
                found = true
            default:
                continue
            }
        }
        guard found else { return nil }
        return merged(codePoints)
    }

    /// Sorted ranges with touching or overlapping ones joined.
    static func merged(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

private extension Array where Element == UInt8 {
    /// `count` bytes from `start`, empty when they run past the end.
    subscript(safe start: Int, count: Int) -> ArraySlice<UInt8> {
        start >= 0 && start + count <= self.count ? self[start..<start + count] : []
    }
}
