import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// CPU time (user + system) of this process and of a child, for the benchmarks' CPU columns.
enum ProcessCPU {
    /// This process's CPU seconds so far (`getrusage(RUSAGE_SELF)`, every thread).
    static var ownSeconds: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// CPU seconds of a running process: fields 14 and 15 (`utime`, `stime`, in clock ticks) of
    /// `/proc/<pid>/stat`. 0 when the process is gone.
    static func seconds(ofProcess pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // Fields after the command name (which may hold spaces) start at field 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
    }
}

/// What a benchmark run charges to processes other than this one (the sandbox process), added by the
/// benchmark and read by the harness after each run.
final class ExternalCPU: @unchecked Sendable {
    static let shared = ExternalCPU()
    private let lock = NSLock()
    private var seconds: Double?

    func reset() { lock.withLock { seconds = nil } }

    func add(_ value: Double) { lock.withLock { seconds = (seconds ?? 0) + value } }

    var total: Double? { lock.withLock { seconds } }
}
