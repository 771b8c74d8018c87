import Pipeline
import XCTest

/// A stage that only declares datasets; for plan tests.
struct DeclaredStage: Stage {
    let name: String
    var version = 1
    let inputs: [Dataset]
    let outputs: [Dataset]
    func run(_ context: StageContext) async throws -> StageOutcome { StageOutcome() }
}

final class StagePlanTests: XCTestCase {
    let extract = DeclaredStage(name: "extract.a", inputs: [.remote("omnium.api.a")], outputs: [.staged("omnium.a")])
    let transform = DeclaredStage(name: "transform.a", inputs: [.staged("omnium.a")], outputs: [.staged("flow.a")])
    let load = DeclaredStage(name: "load.a", inputs: [.staged("flow.a")], outputs: [.external("flow.a")])
    let other = DeclaredStage(name: "extract.b", inputs: [], outputs: [.staged("omnium.b")])

    func testOrdersByInputsWhateverTheDeclarationOrder() throws {
        let plan = try StagePlan(stages: [load, other, transform, extract])
        XCTAssertEqual(plan.stageNames, ["extract.b", "extract.a", "transform.a", "load.a"])
    }

    func testAnExternalDatasetOrdersItsReadersAfterEveryWriterInThePlan() throws {
        // reader.a reads the Flow table load.a and other.writer write; the queue drain reads and writes
        // its own table without waiting for itself; a push to Omnium's API orders no extract.
        let reader = DeclaredStage(name: "reader.a", inputs: [.external("flow.a")], outputs: [.staged("x.a")])
        let secondWriter = DeclaredStage(name: "other.writer", inputs: [], outputs: [.external("flow.a")])
        let drain = DeclaredStage(name: "push.a", inputs: [.external("flow.a"), .external("control.q")],
                                  outputs: [.remote("omnium.api.a"), .external("control.q")])
        let plan = try StagePlan(stages: [reader, drain, extract, transform, load, secondWriter])
        XCTAssertEqual(plan.stageNames, ["extract.a", "transform.a", "load.a", "other.writer", "reader.a", "push.a"])
        XCTAssertEqual(plan.upstream["reader.a"], ["load.a", "other.writer"])
        XCTAssertEqual(plan.upstream["push.a"], ["load.a", "other.writer"])
        XCTAssertEqual(plan.upstream["extract.a"], [])
        XCTAssertEqual(plan.downstream(of: "transform.a"), ["transform.a", "load.a", "reader.a", "push.a"])
        // An external dataset nobody in the plan writes orders nothing.
        XCTAssertEqual(try StagePlan(stages: [reader]).stageNames, ["reader.a"])
    }

    func testRejectsCyclesMissingAndDuplicateProducers() {
        let loop = DeclaredStage(name: "x", inputs: [.staged("flow.a")], outputs: [.staged("omnium.a")])
        XCTAssertThrowsError(try StagePlan(stages: [transform, loop])) { error in
            XCTAssertEqual(error as? StagePlanError, .cycle(["transform.a", "x"]))
        }
        XCTAssertThrowsError(try StagePlan(stages: [transform])) { error in
            XCTAssertEqual(error as? StagePlanError, .missingProducer(dataset: "omnium.a", consumer: "transform.a"))
        }
        let twin = DeclaredStage(name: "extract.twin", inputs: [], outputs: [.staged("omnium.a")])
        XCTAssertThrowsError(try StagePlan(stages: [extract, twin])) { error in
            XCTAssertEqual(error as? StagePlanError,
                           .duplicateProducer(dataset: "omnium.a", stages: ["extract.a", "extract.twin"]))
        }
        XCTAssertThrowsError(try StagePlan(stages: [extract, extract])) { error in
            XCTAssertEqual(error as? StagePlanError, .duplicateStage("extract.a"))
        }
    }

    func testSelectionFromOnlyAndUnknownNames() throws {
        let plan = try StagePlan(stages: [extract, transform, load, other])
        XCTAssertEqual(try plan.select(.all), ["extract.a", "transform.a", "load.a", "extract.b"])
        XCTAssertEqual(try plan.select(StageSelection(from: "transform.a")), ["transform.a", "load.a"])
        XCTAssertEqual(try plan.select(StageSelection(only: ["load.a", "extract.b"])), ["load.a", "extract.b"])
        XCTAssertThrowsError(try plan.select(StageSelection(only: ["nonexistent"]))) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("unknown stage 'nonexistent'"), text)
            XCTAssertTrue(text.contains("extract.a, transform.a, load.a, extract.b"), text)
        }
    }
}
