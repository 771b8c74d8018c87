import Foundation

// `make bench`: omniflow-bench [--filter TEXT] [--min-size N] [--max-size N] [--output PATH]
// Release build; prints a table (name, size, time, rate, peak memory) and writes the same as JSON.

func value(of flag: String) -> String? {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let runner = BenchmarkRunner(
    benchmarks: BenchmarkRegistry.all,
    filter: value(of: "--filter"),
    minSize: value(of: "--min-size").flatMap(Int.init),
    maxSize: value(of: "--max-size").flatMap(Int.init),
    output: URL(fileURLWithPath: value(of: "--output") ?? "bench-results/bench.json"))
do {
    try await runner.run()
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
