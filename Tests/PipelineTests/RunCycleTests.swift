import Foundation
import Pipeline
import XCTest

/// Named cycles: which stages `run --cycle` selects, and what it refuses.
final class RunCycleTests: XCTestCase {
    private let stages = OmniflowStages.all().map(\.name)

    func testNightlySelectsEveryStage() throws {
        XCTAssertEqual(try RunCycle.nightly.selectStages(patterns: RunCycle.nightly.defaultStagePatterns, among: stages), stages)
        XCTAssertTrue(RunCycle.nightly.forcesFullReconciliation)
        XCTAssertFalse(RunCycle.intraday.forcesFullReconciliation)
    }

    func testIntradaySelectsTheOrderStagesInRunOrder() throws {
        let selected = try RunCycle.intraday.selectStages(patterns: RunCycle.intraday.defaultStagePatterns, among: stages)
        XCTAssertTrue(selected.contains("extract.orders") && selected.contains("load.orders"), "\(selected)")
        XCTAssertFalse(selected.contains("extract.products"), "\(selected)")
        XCTAssertEqual(selected, stages.filter(selected.contains), "kept in run order")
    }

    func testPatternsMatchAnyRunOfCharacters() throws {
        let names = ["extract.products", "load.products", "push.pos_orders", "push.stock", "load.orders"]
        XCTAssertEqual(try RunCycle.intraday.selectStages(patterns: ["push.*"], among: names), ["push.pos_orders", "push.stock"])
        XCTAssertEqual(try RunCycle.intraday.selectStages(patterns: ["*.products"], among: names), ["extract.products", "load.products"])
        XCTAssertEqual(try RunCycle.intraday.selectStages(patterns: ["load.*s"], among: names), ["load.products", "load.orders"])
        XCTAssertEqual(try RunCycle.intraday.selectStages(patterns: ["*ex*ct*"], among: names), ["extract.products"])
    }

    func testAnUnknownStageOrAnEmptySelectionIsRefused() {
        XCTAssertThrowsError(try RunCycle.intraday.selectStages(patterns: ["load.order"], among: stages)) { error in
            XCTAssertEqual(error as? RunCycleError, .unknownStage(cycle: "intraday", stage: "load.order"))
            XCTAssertTrue("\(error)".contains("OMNIFLOW_CYCLE_INTRADAY"))
        }
        XCTAssertThrowsError(try RunCycle.nightly.selectStages(patterns: ["nothing.*"], among: stages)) { error in
            XCTAssertEqual(error as? RunCycleError, .selectsNothing(cycle: "nightly", patterns: ["nothing.*"]))
        }
    }
}
