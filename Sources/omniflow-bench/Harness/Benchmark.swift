import Foundation

/// One measured workload of `make bench`.
///
/// `run` does the work once at the given size and returns how many records it handled; the harness
/// times it and reads the process's peak memory around it. Benchmarks live in `Benchmarks/`, one file
/// per area, and are listed in `BenchmarkRegistry`.
struct Benchmark: Sendable {
    let name: String
    /// The sizes to run, smallest first (e.g. 10,000 and 100,000 products).
    let sizes: [Int]
    /// What a record is, for the rate column ("products", "rows").
    let unit: String
    let run: @Sendable (_ size: Int, _ workspace: URL) async throws -> Int
    /// Runs before the baseline is read and the peak reset: sets up what the run uses but should not
    /// be charged for (an in-process server and its data). Nil = nothing to prepare.
    var prepare: (@Sendable (_ size: Int, _ workspace: URL) async throws -> Void)? = nil
}

/// The figures of one benchmark at one size.
struct BenchmarkResult: Codable, Sendable {
    var name: String
    var size: Int
    var unit: String
    var records: Int
    var seconds: Double
    var recordsPerSecond: Double
    /// CPU seconds (user + system) of the benchmark process during the run; nil in files written before.
    var cpuSeconds: Double?
    /// CPU seconds of the sandbox process during the run, when the benchmark runs one.
    var sandboxCPUSeconds: Double?
    /// Peak resident set during the run, in MiB (VmHWM, reset before the run).
    var peakMemoryMiB: Double
    /// Resident set before the run started, in MiB.
    var baselineMemoryMiB: Double
}
