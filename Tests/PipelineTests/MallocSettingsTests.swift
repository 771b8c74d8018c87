import Foundation
import Pipeline
import XCTest

final class MallocSettingsTests: XCTestCase {
    func testTheOperatorsEnvironmentWins() {
        XCTAssertEqual(MallocSettings.apply(environment: ["MALLOC_ARENA_MAX": "4", "MALLOC_MMAP_THRESHOLD_": "131072"]),
                       .init(arenas: false, mmapThreshold: false))
        XCTAssertEqual(MallocSettings.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.mmap_threshold=131072"]).mmapThreshold,
                       false)
        XCTAssertEqual(MallocSettings.apply(environment: ["GLIBC_TUNABLES": "glibc.malloc.arena_max=4"]).arenas, false)
    }

    func testGlibcTakesBothSettings() throws {
        #if os(Linux)
        // mallopt answers 1 only when glibc accepted the parameter: the symbol was found and the number is right.
        XCTAssertEqual(MallocSettings.apply(arenas: 8, environment: [:]), .init(arenas: true, mmapThreshold: true))
        MallocSettings.apply(environment: [:])
        // A block of 2 MiB or more is a mapping of its own: glibc marks such a chunk IS_MMAPPED (bit 1 of the
        // size word before the block). With the default dynamic threshold, a 3 MiB block freed once is not.
        for _ in 0..<2 {
            let block = try XCTUnwrap(malloc(3 << 20))
            defer { free(block) }
            XCTAssertEqual(block.load(fromByteOffset: -8, as: UInt.self) & 2, 2)
        }
        #else
        throw XCTSkip("glibc only")
        #endif
    }
}
