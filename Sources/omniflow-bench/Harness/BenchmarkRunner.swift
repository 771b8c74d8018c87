import Foundation

/// Runs benchmarks, prints a table and writes the same figures as JSON.
struct BenchmarkRunner {
    var benchmarks: [Benchmark]
    var filter: String?
    var minSize: Int? = nil
    var maxSize: Int?
    var output: URL

    func run() async throws {
        var results: [BenchmarkResult] = []
        print(Self.header)
        for benchmark in benchmarks where filter.map({ benchmark.name.contains($0) }) ?? true {
            for size in benchmark.sizes where (minSize.map { size >= $0 } ?? true) && (maxSize.map { size <= $0 } ?? true) {
                let workspace = FileManager.default.temporaryDirectory
                    .appendingPathComponent("omniflow-bench-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(at: workspace) }
                try await benchmark.prepare?(size, workspace)
                ProcessMemory.releaseFreedMemory()
                let baseline = ProcessMemory.residentMiB
                ProcessMemory.resetPeak()
                let clock = ContinuousClock()
                var records = 0
                let elapsed = try await clock.measure { records = try await benchmark.run(size, workspace) }
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let result = BenchmarkResult(
                    name: benchmark.name, size: size, unit: benchmark.unit, records: records, seconds: seconds,
                    recordsPerSecond: seconds > 0 ? Double(records) / seconds : 0,
                    peakMemoryMiB: ProcessMemory.peakMiB, baselineMemoryMiB: baseline)
                results.append(result)
                print(Self.row(result))
            }
        }
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: output)
        print("\nwrote \(output.path)")
    }

    static let header = pad("benchmark", 44) + pad("size", 10, right: true) + pad("time", 11, right: true)
        + pad("rate", 22, right: true) + pad("peak mem", 12, right: true) + pad("baseline", 12, right: true)

    static func row(_ result: BenchmarkResult) -> String {
        pad(result.name, 44) + pad("\(result.size)", 10, right: true)
            + pad(String(format: "%.2f s", result.seconds), 11, right: true)
            + pad(String(format: "%.0f %@/s", result.recordsPerSecond, result.unit), 22, right: true)
            + pad(String(format: "%.1f MiB", result.peakMemoryMiB), 12, right: true)
            + pad(String(format: "%.1f MiB", result.baselineMemoryMiB), 12, right: true)
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
