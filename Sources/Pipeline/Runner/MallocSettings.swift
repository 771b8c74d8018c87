import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How glibc's malloc serves a process of omniflow: how many arenas it keeps, and from where large blocks
/// come (docs/CONTRACTS.md "Memory").
///
/// Why two arenas: glibc gives a thread that allocates while another holds an arena its own arena, up to
/// eight per core, and keeps what is freed in each for reuse instead of returning it. A run's stages, their
/// page-ahead workers and `URLSession`'s threads allocate at the same time, so the resident size grew with
/// the number of threads that ever allocated, not with what the run held: at 10,000 products the heap
/// peaked at 22 MiB (heaptrack) while the process held 113 MiB, and 80 MiB with two arenas, at the same CPU.
///
/// Why a fixed mmap threshold of 2 MiB: by default glibc raises its threshold to the largest block freed
/// (up to 32 MiB), so after the first products answer (3–4 MB) every such block came from an arena, where
/// it stayed between live ones; the larger the catalogue, the more of them had met there, and the resident
/// size grew with the catalogue although the live heap did not (issue 8). A block of 2 MiB or more that the
/// free memory glibc holds cannot serve is now a mapping of its own, returned to the system when freed.
/// Below 2 MiB lie the many 1–2 MiB blocks (about 300 in a 10,000-product load), whose mappings would cost
/// page faults: a 1 MiB threshold cost 5–20 % CPU.
///
/// Why a trim threshold of 4 MiB with it: glibc pairs its dynamic mmap threshold with a trim threshold of
/// twice that (free memory above it at the top of a heap goes back to the system); a fixed mmap threshold
/// leaves the trim threshold at 128 KiB, and the heaps were given back and faulted in again all the time:
/// the sandbox, whose answers are the largest blocks, spent 10 % more CPU at 50,000 products (4.6–5.2 s
/// against 5.2–5.4 s). Twice the mmap threshold, as glibc would set it, took that back.
public enum MallocSettings {
    public static let defaultArenas: Int32 = 2
    public static let defaultMmapThreshold: Int32 = 2 << 20

    /// What ``apply(arenas:mmapThreshold:environment:)`` set: false where the operator's environment
    /// chose (glibc reads it itself), or off glibc.
    public struct Applied: Equatable, Sendable {
        public var arenas: Bool
        public var mmapThreshold: Bool
        /// Set with the mmap threshold, to twice it.
        public var trimThreshold: Bool

        public init(arenas: Bool, mmapThreshold: Bool, trimThreshold: Bool) {
            self.arenas = arenas
            self.mmapThreshold = mmapThreshold
            self.trimThreshold = trimThreshold
        }
    }

    /// Sets the arenas (`mallopt(M_ARENA_MAX)`) unless `MALLOC_ARENA_MAX` or the `glibc.malloc.arena_max`
    /// tunable is set, and the mmap threshold (`mallopt(M_MMAP_THRESHOLD)`) unless `MALLOC_MMAP_THRESHOLD_`
    /// or the `glibc.malloc.mmap_threshold` tunable is; with it the trim threshold (`M_TRIM_THRESHOLD`), to
    /// twice the mmap threshold, unless `MALLOC_TRIM_THRESHOLD_` or its tunable is set. Call first thing in
    /// `main`, before threads start.
    @discardableResult
    public static func apply(arenas: Int32 = defaultArenas, mmapThreshold: Int32 = defaultMmapThreshold,
                             environment: [String: String] = ProcessInfo.processInfo.environment) -> Applied {
        precondition(arenas >= 1, "at least one arena")
        precondition(mmapThreshold > 0, "a positive threshold")
        let tunables = environment["GLIBC_TUNABLES"] ?? ""
        var applied = Applied(arenas: false, mmapThreshold: false, trimThreshold: false)
        if environment["MALLOC_ARENA_MAX"] == nil, !tunables.contains("glibc.malloc.arena_max") {
            applied.arenas = mallopt(mArenaMax, arenas)
        }
        if environment["MALLOC_MMAP_THRESHOLD_"] == nil, !tunables.contains("glibc.malloc.mmap_threshold") {
            applied.mmapThreshold = mallopt(mMmapThreshold, mmapThreshold)
            if environment["MALLOC_TRIM_THRESHOLD_"] == nil, !tunables.contains("glibc.malloc.trim_threshold") {
                applied.trimThreshold = mallopt(mTrimThreshold, 2 * mmapThreshold)
            }
        }
        return applied
    }

    /// glibc's `mallopt`; true when it accepted the parameter.
    private static func mallopt(_ parameter: Int32, _ value: Int32) -> Bool {
        #if canImport(Glibc)
        // `mallopt` is in glibc but not in Swift's Glibc module (malloc.h is not part of it): looked up by name.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        return mallopt(parameter, value) == 1
        #else
        return false
        #endif
    }

    /// `M_ARENA_MAX`, `M_MMAP_THRESHOLD` and `M_TRIM_THRESHOLD` of glibc's malloc.h.
    static let mArenaMax: Int32 = -8
    static let mMmapThreshold: Int32 = -3
    static let mTrimThreshold: Int32 = -1
}
