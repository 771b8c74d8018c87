import Foundation

/// The command line of `omniflow-bench` (what `make bench BENCH_ARGS="…"` passes).
///
/// Why refuse unknown flags: a misspelt `--filtr` used to run every benchmark for a quarter of an hour.
struct BenchmarkOptions {
    var filter: String?
    /// Sizes to run instead of each benchmark's own list.
    var sizes: [Int]?
    var minSize: Int?
    var maxSize: Int?
    var output = URL(fileURLWithPath: "bench-results/bench.json")
    /// An earlier `--output` file to compare with.
    var baseline: URL?
    var list = false

    struct UsageError: Error, CustomStringConvertible { var description: String }

    static let usage = """
        usage: omniflow-bench [--filter TEXT] [--sizes N,N,…] [--min-size N] [--max-size N]
                              [--output PATH] [--baseline PATH] [--list] [--help]

        Runs omniflow's benchmarks (a release build: `make bench BENCH_ARGS="…"`), prints a table and
        writes the same figures as JSON to --output (default bench-results/bench.json).

          --filter TEXT      only benchmarks whose name contains TEXT (e.g. catalogue, omnium.push)
          --sizes N,N,…      run these sizes instead of each benchmark's own list
          --min-size N       skip sizes below N
          --max-size N       skip sizes above N
          --output PATH      where the JSON results go
          --baseline PATH    an earlier --output file: each row shows its change against it
          --list             list the benchmarks and their sizes, run nothing
          --help             this text

        Columns: wall time, records per second, CPU seconds of this process (user + system), CPU seconds
        of the sandbox when it runs in its own process (catalogue benchmarks), peak resident memory
        during the run and the resident memory before it.

        Environment: OMNIFLOW_CONCURRENT_STAGES=N runs the catalogue benchmarks with N stages at once
        (the setting's default, 2, otherwise); OMNIFLOW_BENCH_WARM_SANDBOX=1 makes the sandbox's record
        cache before the clock starts; MALLOC_ARENA_MAX=N and MALLOC_MMAP_THRESHOLD_=BYTES override
        the two malloc arenas and the 2 MiB mmap threshold omniflow sets (MallocSettings).
        """

    /// Parses `arguments` (without the program name).
    /// - Throws: ``UsageError`` naming the flag and what is wrong with it.
    static func parse(_ arguments: [String]) throws -> BenchmarkOptions {
        var options = BenchmarkOptions()
        var remaining = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let value = remaining.popFirst(), !value.hasPrefix("--") else {
                throw UsageError(description: "\(flag) needs a value")
            }
            return value
        }
        func count(_ flag: String, _ text: String) throws -> Int {
            guard let number = Int(text), number > 0 else {
                throw UsageError(description: "\(flag) takes positive whole numbers, got '\(text)'")
            }
            return number
        }
        while let flag = remaining.popFirst() {
            switch flag {
            case "--help", "-h": throw UsageError(description: "")
            case "--list": options.list = true
            case "--filter": options.filter = try value(flag)
            case "--sizes":
                options.sizes = try value(flag).split(separator: ",", omittingEmptySubsequences: false)
                    .map { try count(flag, String($0)) }
            case "--min-size": options.minSize = try count(flag, try value(flag))
            case "--max-size": options.maxSize = try count(flag, try value(flag))
            case "--output": options.output = URL(fileURLWithPath: try value(flag))
            case "--baseline": options.baseline = URL(fileURLWithPath: try value(flag))
            default: throw UsageError(description: "unknown argument '\(flag)'")
            }
        }
        return options
    }

    /// The sizes to run for `benchmark`.
    func sizes(of benchmark: Benchmark) -> [Int] {
        (sizes ?? benchmark.sizes).filter { size in
            (minSize.map { size >= $0 } ?? true) && (maxSize.map { size <= $0 } ?? true)
        }
    }
}
