import Foundation

/// Runs benchmarks, prints a table (with the change against a baseline file when given) and writes
/// the same figures as JSON.
struct BenchmarkRunner {
    var benchmarks: [Benchmark]
    var options: BenchmarkOptions

    func run() async throws {
        let selected = benchmarks.filter { benchmark in options.filter.map { benchmark.name.contains($0) } ?? true }
        if options.list {
            for benchmark in selected {
                print(Self.pad(benchmark.name, 44) + options.sizes(of: benchmark).map(String.init).joined(separator: ", "))
            }
            return
        }
        let baseline = try options.baseline.map(Self.readResults) ?? []
        var results: [BenchmarkResult] = []
        print(Self.header + (options.baseline == nil ? "" : Self.pad("vs baseline (time, CPU)", 26, right: true)))
        for benchmark in selected {
            for size in options.sizes(of: benchmark) {
                let result = try await measure(benchmark, size: size)
                results.append(result)
                let before = baseline.first { $0.name == result.name && $0.size == result.size }
                print(Self.row(result) + (options.baseline == nil ? "" : Self.pad(Self.change(result, before), 26, right: true)))
            }
        }
        try FileManager.default.createDirectory(at: options.output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: options.output)
        print("\nwrote \(options.output.path)")
    }

    private func measure(_ benchmark: Benchmark, size: Int) async throws -> BenchmarkResult {
        let workspace = BenchmarkFolders.make("run")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        try await benchmark.prepare?(size, workspace)
        ProcessMemory.releaseFreedMemory()
        let baseline = ProcessMemory.residentMiB
        ProcessMemory.resetPeak()
        ExternalCPU.shared.reset()
        let cpuBefore = ProcessCPU.ownSeconds
        let clock = ContinuousClock()
        var records = 0
        let elapsed = try await clock.measure { records = try await benchmark.run(size, workspace) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return BenchmarkResult(
            name: benchmark.name, size: size, unit: benchmark.unit, records: records, seconds: seconds,
            recordsPerSecond: seconds > 0 ? Double(records) / seconds : 0,
            cpuSeconds: ProcessCPU.ownSeconds - cpuBefore, sandboxCPUSeconds: ExternalCPU.shared.total,
            peakMemoryMiB: ProcessMemory.peakMiB, baselineMemoryMiB: baseline)
    }

    static func readResults(_ url: URL) throws -> [BenchmarkResult] {
        do {
            return try JSONDecoder().decode([BenchmarkResult].self, from: Data(contentsOf: url))
        } catch {
            throw BenchmarkOptions.UsageError(description: "--baseline \(url.path) is not an omniflow-bench result file: \(error)")
        }
    }

    static let header = pad("benchmark", 44) + pad("size", 10, right: true) + pad("time", 11, right: true)
        + pad("rate", 22, right: true) + pad("CPU", 10, right: true) + pad("sandbox CPU", 13, right: true)
        + pad("peak mem", 12, right: true) + pad("baseline", 12, right: true)

    static func row(_ result: BenchmarkResult) -> String {
        pad(result.name, 44) + pad("\(result.size)", 10, right: true)
            + pad(String(format: "%.2f s", result.seconds), 11, right: true)
            + pad(String(format: "%.0f %@/s", result.recordsPerSecond, result.unit), 22, right: true)
            + pad(result.cpuSeconds.map { String(format: "%.2f s", $0) } ?? "-", 10, right: true)
            + pad(result.sandboxCPUSeconds.map { String(format: "%.2f s", $0) } ?? "-", 13, right: true)
            + pad(String(format: "%.1f MiB", result.peakMemoryMiB), 12, right: true)
            + pad(String(format: "%.1f MiB", result.baselineMemoryMiB), 12, right: true)
    }

    /// "time ×0.48, CPU ×0.21" against the baseline's row of the same name and size.
    static func change(_ result: BenchmarkResult, _ before: BenchmarkResult?) -> String {
        guard let before, before.seconds > 0 else { return "(not in baseline)" }
        var text = String(format: "time ×%.2f", result.seconds / before.seconds)
        if let cpu = result.cpuSeconds, let cpuBefore = before.cpuSeconds, cpuBefore > 0 {
            text += String(format: ", CPU ×%.2f", cpu / cpuBefore)
        }
        return text
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
