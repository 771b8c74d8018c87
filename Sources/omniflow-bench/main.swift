import Foundation
import Pipeline

// `make bench`: omniflow-bench [--filter TEXT] [--sizes N,…] [--output PATH] [--baseline PATH] (--help).
// Release build; prints a table and writes the same as JSON. `serve-sandbox` is the child side of
// SandboxProcess, not for people.

MallocSettings.apply()   // as `omniflow` does, so the figures are the product's
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == SandboxProcessMain.command, arguments.count == 2 {
    SandboxProcessMain.run(optionsJSON: arguments[1])
}
let options: BenchmarkOptions
do {
    options = try BenchmarkOptions.parse(arguments)
} catch let error as BenchmarkOptions.UsageError {
    if error.description.isEmpty {
        print(BenchmarkOptions.usage)
        exit(0)
    }
    FileHandle.standardError.write(Data("omniflow-bench: \(error.description)\n\n\(BenchmarkOptions.usage)\n".utf8))
    exit(2)
}
for name in BenchmarkFolders.removeLeftovers() { print("removed \(name), left by a benchmark run that was killed") }
do {
    try await BenchmarkRunner(benchmarks: BenchmarkRegistry.all, options: options).run()
    await CatalogueBenchmarks.Sessions.shared.dropAll()
} catch {
    await CatalogueBenchmarks.Sessions.shared.dropAll()
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
