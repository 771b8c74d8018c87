/// `take`/`page` of a POST search, validated (contract §3).
///
/// Why one type: every search route applies the same rules — `take` omitted → 20, `take` < 1 or
/// > 100 → 400, `page` 0-based and ≥ 0, `take * page` > 10,000 → 400 — and slices the same way.
public struct SearchPaging: Sendable, Hashable {
    public static let defaultTake = 20
    public static let maxTake = 100
    public static let maxWindow = 10_000

    public let take: Int
    public let page: Int

    /// Validates `take` and `page` as sent.
    /// - Throws: `SandboxError` 400 naming the broken rule.
    public init(take: Int?, page: Int?) throws(SandboxError) {
        let take = take ?? Self.defaultTake
        let page = page ?? 0
        guard (1...Self.maxTake).contains(take) else {
            throw .badRequest("take must be between 1 and \(Self.maxTake)")
        }
        guard page >= 0 else { throw .badRequest("page must be 0 or more") }
        guard take.multipliedReportingOverflow(by: page).partialValue <= Self.maxWindow,
              !take.multipliedReportingOverflow(by: page).overflow else {
            throw .badRequest("take * page must not exceed \(Self.maxWindow); use Scroll")
        }
        self.take = take
        self.page = page
    }

    /// Positions `[page * take, (page + 1) * take)`.
    public var range: Range<Int> { (page * take)..<((page + 1) * take) }
}
