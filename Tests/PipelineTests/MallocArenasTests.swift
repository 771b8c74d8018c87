import Pipeline
import XCTest

final class MallocArenasTests: XCTestCase {
    func testTheOperatorsMallocArenaMaxWins() {
        XCTAssertFalse(MallocArenas.limit(to: 2, environment: ["MALLOC_ARENA_MAX": "4"]))
    }

    func testGlibcTakesTheLimit() throws {
        #if os(Linux)
        // mallopt answers 1 only when glibc accepted the parameter: the symbol was found and the number is right.
        XCTAssertTrue(MallocArenas.limit(to: 8, environment: [:]))
        #else
        throw XCTSkip("glibc only")
        #endif
    }
}
