// Benchmark harness entry point; see Sources/omniflow-bench/Benchmarks.swift.
print("no benchmarks yet")
