import Foundation
import XCTest
@testable import FlowMapping

final class CataloguePriceTimelineTests: XCTestCase {
    private typealias Candidate = PriceTimeline.Candidate
    private func day(_ n: Int) -> Date { CatalogueFixtures.day(n) }

    func testSinglePriceOpenEnded() {
        let segments = PriceTimeline.resolve([Candidate(validFrom: day(-10), amount: 100)], from: day(0))
        XCTAssertEqual(segments, [Segment(validFrom: day(-10), validTo: nil, amount: 100)])
    }

    func testCampaignOverBasePriceThenBaseResumes() {
        let base = Candidate(validFrom: day(-100), amount: 29900)
        let campaign = Candidate(validFrom: day(-2), validUntil: day(5), amount: 19900, originalAmount: 29900)
        let segments = PriceTimeline.resolve([base, campaign], from: day(0))
        XCTAssertEqual(segments, [
            Segment(validFrom: day(-2), validTo: day(5), amount: 19900, originalAmount: 29900),
            Segment(validFrom: day(5), validTo: nil, amount: 29900),
        ])
    }

    func testCampaignWithoutOriginalIsMarkedAgainstTheOverriddenPrice() {
        let base = Candidate(validFrom: day(-100), amount: 29900)
        let campaign = Candidate(validFrom: day(-2), validUntil: day(5), amount: 24900)
        XCTAssertEqual(PriceTimeline.resolve([base, campaign], from: day(0)).first?.originalAmount, 29900)
        let increase = Candidate(validFrom: day(-2), validUntil: day(5), amount: 34900)
        XCTAssertNil(PriceTimeline.resolve([base, increase], from: day(0)).first?.originalAmount)
    }

    func testOverlappingPeriodsLatestStartWinsThenLowestPrice() {
        let base = Candidate(validFrom: day(-100), amount: 1000)
        let early = Candidate(validFrom: day(-5), validUntil: day(10), amount: 800)
        let late = Candidate(validFrom: day(-1), validUntil: day(3), amount: 900)
        let sameStartCheaper = Candidate(validFrom: day(-1), validUntil: day(2), amount: 850)
        let segments = PriceTimeline.resolve([base, early, late, sameStartCheaper], from: day(0))
        XCTAssertEqual(segments.map(\.amount), [850, 900, 800, 1000])
        XCTAssertEqual(segments.map(\.validFrom), [day(-1), day(2), day(3), day(10)])
        XCTAssertEqual(segments.map(\.validTo), [day(2), day(3), day(10), nil])
    }

    func testEndedPeriodsDroppedFutureKept() {
        let old = Candidate(validFrom: day(-30), validUntil: day(-10), amount: 500)
        let current = Candidate(validFrom: day(-10), validUntil: day(0), amount: 600)   // ends today: gone
        let next = Candidate(validFrom: day(0), amount: 700)
        let future = Candidate(validFrom: day(20), amount: 750)
        let segments = PriceTimeline.resolve([old, current, next, future], from: day(0))
        XCTAssertEqual(segments, [Segment(validFrom: day(0), validTo: day(20), amount: 700),
                                  Segment(validFrom: day(20), validTo: nil, amount: 750)])
    }

    func testResultIsStableAcrossBusinessDates() {
        let prices = [Candidate(validFrom: day(-100), amount: 1000),
                      Candidate(validFrom: day(-5), validUntil: day(10), amount: 800)]
        XCTAssertEqual(PriceTimeline.resolve(prices, from: day(0)), PriceTimeline.resolve(prices, from: day(1)))
    }

    func testVoidAndUndatedPrices() {
        let void = Candidate(validFrom: day(5), validUntil: day(1), amount: 1)
        let undated = Candidate(amount: 300)
        XCTAssertEqual(PriceTimeline.resolve([void, undated], from: day(0)), [Segment(amount: 300)])
        XCTAssertEqual(PriceTimeline.resolve([void], from: day(0)), [])
    }
}

private func Segment(validFrom: Date? = nil, validTo: Date? = nil, amount: Int64,
                     originalAmount: Int64? = nil) -> PriceTimeline.Segment {
    PriceTimeline.Segment(validFrom: validFrom, validTo: validTo, amount: amount, originalAmount: originalAmount)
}

private extension PriceTimeline.Candidate {
    init(validFrom: Date? = nil, validUntil: Date? = nil, amount: Int64, originalAmount: Int64? = nil) {
        self.init(validFrom: validFrom, validUntil: validUntil, amount: amount, originalAmount: originalAmount, modified: nil)
    }
}
