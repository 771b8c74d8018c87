import Pipeline
import XCTest

final class MallocSettingsTests: XCTestCase {
    func testTheOperatorsEnvironmentWins() {
        XCTAssertEqual(MallocSettings.apply(environment: ["MALLOC_ARENA_MAX": "4", "MALLOC_MMAP_THRESHOLD_": "131072"]),
                       .init(arenas: false, mmapThreshold: false, trimThreshold: false))
        XCTAssertEqual(MallocSettings.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=131072"]).mmapThreshold,
                       false)
        XCTAssertEqual(MallocSettings.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.arena_max=4"]).arenas, false)
        XCTAssertEqual(MallocSettings.apply(environment: ["MALLOC_TRIM_THRESHOLD_": "131072"]).trimThreshold, false)
    }

    func testGlibcTakesBothSettings() throws {
        #if os(Linux)
        // mallopt answers 1 only when glibc accepted the parameter: the symbol was found and the number is right.
        XCTAssertEqual(MallocSettings.apply(arenas: 8, environment: [:]), .init(arenas: true, mmapThreshold: true, trimThreshold: true))
        // Whether a block of 2 MiB or more then comes from its own mapping cannot be asserted here: glibc serves a
        // request from free memory its arenas already hold before it asks the system (and decides by the threshold).
        XCTAssertEqual(MallocSettings.apply(environment: [:]), .init(arenas: true, mmapThreshold: true, trimThreshold: true))
        #else
        throw XCTSkip("glibc only")
        #endif
    }
}
