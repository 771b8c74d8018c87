@testable import CLI
import Foundation
import XCTest

final class StagesCommandTests: XCTestCase {
    func testListsStagesInRunOrderAsATableAndAsJSON() async throws {
        let harness = try CLIHarness()
        defer { harness.cleanUp() }
        let table = await harness.run(["stages"])
        XCTAssertEqual(table.code, .success)
        XCTAssertTrue(table.output.hasPrefix("STAGE"), table.output)
        XCTAssertTrue(table.output.contains("extract.products"), table.output)

        let json = await harness.run(["stages", "--json"])
        XCTAssertEqual(json.code, .success)
        let stages = try JSONDecoder().decode([StageDescription].self, from: Data(json.output.utf8))
        XCTAssertEqual(stages.map(\.name), ["extract.stores", "extract.products", "transform.products", "load.products"])
    }
}
