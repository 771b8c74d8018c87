import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many malloc arenas a process of omniflow keeps (glibc).
///
/// Why: glibc gives a thread that allocates while another holds an arena its own arena, up to eight per
/// core, and keeps what is freed in each for reuse instead of returning it. A run's stages, their page-ahead
/// workers and `URLSession`'s threads allocate at the same time, so the resident size grew with the number
/// of threads that ever allocated, not with what the run held: at 10,000 products the heap peaked at 22 MiB
/// (heaptrack) while the process held 113 MiB, and 80 MiB with two arenas, at the same CPU time (issue 8,
/// docs/CONTRACTS.md "Memory").
public enum MallocArenas {
    /// Limits this process to `count` arenas (`mallopt(M_ARENA_MAX)`) unless the operator chose a number in
    /// `MALLOC_ARENA_MAX` (glibc reads it itself). Call first thing in `main`, before threads start.
    /// - Returns: whether the limit was set here (false when the environment has its own, or off glibc).
    @discardableResult
    public static func limit(to count: Int32 = 2,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        precondition(count >= 1, "at least one arena")
        guard environment["MALLOC_ARENA_MAX"] == nil else { return false }
        #if canImport(Glibc)
        // `mallopt` is in glibc but not in Swift's Glibc module (malloc.h is not part of it): looked up by name.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        return mallopt(mArenaMax, count) == 1
        #else
        return false
        #endif
    }

    /// `M_ARENA_MAX` of glibc's malloc.h.
    static let mArenaMax: Int32 = -8
}
