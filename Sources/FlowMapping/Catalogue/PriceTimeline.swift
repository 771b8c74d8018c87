import Foundation

/// Resolves a product's overlapping Omnium prices in one price list into non-overlapping periods.
///
/// Omnium keeps every price with its own `validFrom`/`validUntil`: a base price open since 2019,
/// a summer campaign on top, next month's new base price already entered. Flow should not have to
/// choose; it gets at most one valid row per instant. The rule, as a buyer at a Nordic retailer
/// expects it:
///
/// 1. A price is valid on `validFrom <= t < validUntil`; no `validFrom` = since ever, no
///    `validUntil` = open-ended. A price whose `validUntil` is not after its `validFrom` is void.
/// 2. Where several prices are valid, the one that **started latest** wins: a campaign entered on
///    top of the base price overrides it, and a new base price replaces the old one from its
///    date. Equal starts: the **lowest price** wins (the customer never pays more than a valid
///    price says); then the latest `modified`; then the earliest `validUntil`.
/// 3. A winning price is a **campaign** when it is below its `originalUnitPrice`, or, without an
///    `originalUnitPrice`, below the price it overrides (the best of the other valid prices that
///    started earlier); that ordinary price is kept as `originalAmount`.
/// 4. The time line is cut at every `validFrom`/`validUntil`; neighbouring pieces with the same
///    amount and campaign status are merged, so a base price that resumes after a campaign is one
///    row, not two. Periods that ended on or before the business date are dropped; the one in
///    force and all future ones are kept for Flow to switch on their date.
///
/// Period bounds come from the prices, never from the business date, so an unchanged price set
/// yields identical rows every night and the load rewrites nothing.
///
/// Spec: flow-integration.md §4 (selling and cost prices); omnium-contract.md §7 (`validFrom`,
/// `validUntil?`). Written out in docs/mapping-catalogue.md "Price resolution".
enum PriceTimeline {
    /// One Omnium price, reduced to what the rule needs. Amounts in hundredths.
    struct Candidate: Equatable {
        var validFrom: Date?
        var validUntil: Date?
        var amount: Int64
        var originalAmount: Int64?
        var modified: Date?
    }

    /// One resolved period.
    struct Segment: Equatable {
        var validFrom: Date?
        var validTo: Date?
        var amount: Int64
        /// The ordinary price when this period is a campaign; `nil` otherwise.
        var originalAmount: Int64?
        var isCampaign: Bool { originalAmount != nil }
    }

    /// The periods in force on `businessDate` or later, oldest first.
    static func resolve(_ candidates: [Candidate], from businessDate: Date) -> [Segment] {
        let valid = candidates.filter { candidate in
            guard let from = candidate.validFrom, let until = candidate.validUntil else { return true }
            return until > from
        }
        guard !valid.isEmpty else { return [] }
        let bounds = Array(Set(valid.flatMap { [$0.validFrom, $0.validUntil].compactMap { $0 } })).sorted()
        var segments: [Segment] = []
        for index in -1..<bounds.count {
            let start = index < 0 ? nil : bounds[index]
            let end = index + 1 < bounds.count ? bounds[index + 1] : nil
            let covering = valid.filter { covers($0, start: start, end: end) }
            guard let winner = covering.min(by: wins) else { continue }
            let piece = Segment(validFrom: start, validTo: end, amount: winner.amount,
                                originalAmount: ordinaryPrice(of: winner, among: covering))
            if var last = segments.last, last.validTo == start, start != nil,
               last.amount == piece.amount, last.originalAmount == piece.originalAmount {
                last.validTo = end
                segments[segments.count - 1] = last
            } else {
                segments.append(piece)
            }
        }
        return segments.filter { segment in segment.validTo.map { $0 > businessDate } ?? true }
    }

    // MARK: - Rules

    private static func covers(_ candidate: Candidate, start: Date?, end: Date?) -> Bool {
        let startsInTime: Bool
        if let from = candidate.validFrom {
            guard let start else { return false }
            startsInTime = from <= start
        } else {
            startsInTime = true
        }
        let lastsLongEnough: Bool
        if let until = candidate.validUntil {
            guard let end else { return false }
            lastsLongEnough = until >= end
        } else {
            lastsLongEnough = true
        }
        return startsInTime && lastsLongEnough
    }

    /// `true` when `lhs` beats `rhs` (rule 2); used as `min(by:)`.
    private static func wins(_ lhs: Candidate, _ rhs: Candidate) -> Bool {
        let lhsFrom = lhs.validFrom ?? .distantPast, rhsFrom = rhs.validFrom ?? .distantPast
        if lhsFrom != rhsFrom { return lhsFrom > rhsFrom }
        if lhs.amount != rhs.amount { return lhs.amount < rhs.amount }
        let lhsModified = lhs.modified ?? .distantPast, rhsModified = rhs.modified ?? .distantPast
        if lhsModified != rhsModified { return lhsModified > rhsModified }
        let lhsUntil = lhs.validUntil ?? .distantFuture, rhsUntil = rhs.validUntil ?? .distantFuture
        if lhsUntil != rhsUntil { return lhsUntil < rhsUntil }
        return (lhs.originalAmount ?? .min) < (rhs.originalAmount ?? .min)
    }

    /// Rule 3: the ordinary price a campaign winner undercuts, or `nil` when it is no campaign.
    private static func ordinaryPrice(of winner: Candidate, among covering: [Candidate]) -> Int64? {
        if let original = winner.originalAmount {
            return winner.amount < original ? original : nil
        }
        let winnerFrom = winner.validFrom ?? .distantPast
        let overridden = covering.filter { ($0.validFrom ?? .distantPast) < winnerFrom }.min(by: wins)
        guard let overridden, overridden.amount > winner.amount else { return nil }
        return overridden.amount
    }
}
