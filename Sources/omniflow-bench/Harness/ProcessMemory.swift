import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the process's memory figures from `/proc/self/status` (Linux).
///
/// Peak memory per benchmark: writing `5` to `/proc/self/clear_refs` resets the high-water mark
/// (`VmHWM`) to the current resident set, so each run's peak is its own, not the process's so far.
enum ProcessMemory {
    /// Hands memory freed by earlier runs back to the system (glibc keeps it otherwise), so the
    /// next run's baseline is what is live, not the previous run's high-water mark.
    static func releaseFreedMemory() {
        #if canImport(Glibc)
        // `malloc_trim` is in <malloc.h>, which the Glibc module does not export: look it up.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// Peak resident set since the last reset, in MiB.
    static var peakMiB: Double { field("VmHWM") }

    /// Current resident set, in MiB.
    static var residentMiB: Double { field("VmRSS") }

    /// Peak resident set of another process (a benchmark's sandbox) since it started, in MiB.
    static func peakMiB(ofProcess pid: Int32) -> Double { field("VmHWM", process: "\(pid)") }

    private static func field(_ name: String, process: String = "self") -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.split(separator: " ").compactMap { Double($0) }
            return (digits.first ?? 0) / 1024
        }
        return 0
    }
}
